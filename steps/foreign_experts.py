"""外国专家项目管理信息系统 (FAQ-5.x) and 外国人来华工作许可 (FAQ-6.1): legacy WGZJXM_ accounts,
the unit's registration approved by its 归口单位, earlier records, and the work-permit FAQ document.
Two-actor steps build on steps/actors.py (法人 / 自然人)."""

from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.foreign_experts_identity_page import LegacyAccountInfoPage
from pages.foreign_experts_page import ForeignExpertsPage
from pages.frame import action
from pages.login_page import LoginPage
from pages.recovery_reset_page import ResetLookupPage
from pages.services_page import ServicesPage
from support.data import factories
from support.data.actors import Actors
from support.data.personas import Actor, persona, seed_natural
from support.gherkin.parsing import phrase
from support.run.fixtures import sign_in

PREFIX = "WGZJXM_"
REGISTRATION = "wzj_registration"


def _legacy_person() -> factories.Person:
    return factories.Person(login_name=PREFIX + factories.unique("wz"))


@persona("外国专家项目管理信息系统迁移的账号")
def _legacy(api) -> Actor:
    return seed_natural(api, _legacy_person())


@persona("没有预留手机号也未绑定身份的外国专家项目管理信息系统迁移账号")
def _legacy_bare(api) -> Actor:
    person = _legacy_person()
    actor = seed_natural(api, person, phone=None, id_number=None, realname_status="none")
    actor.id_number = person.id_number  # the person's own ID, bound to no account
    return actor


def old_login_name(actor: Actor) -> str:
    return actor.login_name.removeprefix(PREFIX)


# -- FAQ-5.1 实名显示账号已被使用 ---------------------------------------------------------------


@given("该人以前在外国专家项目管理信息系统的账号尚未实名", target_fixture="legacy_account")
def given_legacy_account_of_same_person(seeder, account):
    return seeder.legacy_wzj_account(account)


@when("我用以前的外专账号在我的信息中填写本人证件号码并保存")
def when_legacy_realname(context, target, page, account, legacy_account):
    sign_in(context, target, legacy_account.login_name)
    info = LegacyAccountInfoPage(page)
    info.open()
    info.submit_id_number(account.id_number)


@when(phrase('法人选择归口单位"{competent_unit}"提交外专系统单位注册'))
def when_legal_registers(actors: Actors, competent_unit):
    ForeignExpertsPage(actors.page("法人")).register(competent_unit, actors.legal.name, actors.legal.phone)


@when("归口单位审核通过该单位的外专系统注册")
def when_competent_unit_approves(seeder, actors: Actors):
    seeder.approve(REGISTRATION, legal=actors.legal)


@given("该单位已在外专系统注册并通过归口单位审核")
def given_unit_registered(seeder, actors: Actors):
    seeder.wzj_registered(actors.legal)


@given(phrase('该单位有以前的外国专家项目办理信息"{title}"'))
def given_legacy_record(seeder, actors: Actors, title):
    actors.add("法人", seeder.wzj_legacy_records(actors.legal, [title]))


@then(phrase('自然人看到以前的办理信息"{title}"'))
def then_natural_sees_record(actors: Actors, title):
    expect(ForeignExpertsPage(actors.page("自然人")).records).to_contain_text(title)


# -- FAQ-5.2 用以前账号登录显示登录名或密码错误 -----------------------------------------------------


@when("我以自然人身份用以前的登录名登录")
def when_log_in_with_old_name(page, captcha_solver, account):
    login = LoginPage(page)
    login.open()
    login.log_in("自然人", old_login_name(account), account.password, captcha_solver())


@when("我在登录名重置密码中检索以前的登录名")
def when_look_up_old_name(page, account):
    lookup = ResetLookupPage(page)
    lookup.open()
    lookup.look_up(old_login_name(account))


# -- FAQ-6.1 外国人来华工作许可 -----------------------------------------------------------------


@when(phrase('我打开"{system:业务系统}"的"{link}"'))
def when_open_service_link(page, system, link):
    action(ServicesPage(page).item(system), link).click()
