"""Two actors in one scenario: the unit's legal account (法人) and a natural person (自然人), each in
its own browser context (support/data/actors.py). Generic permission-model steps for every business system:

    假如 有一个已实名的法人单位 / 有一个已实名的自然人 / 有一个未实名的自然人
    假如 单位的法人账号已进入过"人类遗传资源管理"的办理入口
    假如 法人已授权该自然人"人类遗传资源管理"的"事项办理员"角色
    假如 该授权已过期
    当 自然人从服务事项进入"人类遗传资源管理"的办理入口      (also 法人…)
    当 自然人刷新页面
    那么 自然人进入"人类遗传资源管理"系统，当前角色为"事项办理员"
    那么 自然人页面提示错误"…" / 自然人页面提示"…" / 自然人页面显示"…" / 法人页面不显示该自然人的姓名
A third actor, 另一单位的法人 (假如 有另一个已实名的法人单位), checks cross-unit refusals.

In your own steps ask for `actors` and act on ``actors.page("自然人")`` with your page objects.
"""

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.frame import PortalFrame, heading
from pages.services_page import ServicesPage, SystemLandingPage
from support.data.actors import Actors, GrantSeed
from support.gherkin.message_checks import expect_message, expect_no_dialog_saying
from support.gherkin.parsing import phrase


def who_phrase(template: str):
    """support.gherkin.parsing.phrase with a leading {who:参与者}: 法人, 自然人 or 另一单位的法人
    (support/data/actors.WHO)."""
    return phrase("{who:参与者}" + template)


@pytest.fixture
def actors(new_context, target) -> Actors:
    return Actors(new_context, target)


@given("有一个已实名的法人单位")
def given_legal_unit(actors: Actors, seeder):
    actors.add("法人", seeder.legal())


@given("有一个已实名的自然人")
def given_verified_person(actors: Actors, seeder):
    actors.add("自然人", seeder.natural())


@given("有另一个已实名的法人单位")
def given_other_unit(actors: Actors, seeder):
    actors.add("另一单位的法人", seeder.legal())


@given("有一个未实名的自然人")
def given_unverified_person(actors: Actors, seeder):
    actors.add("自然人", seeder.natural(verified=False))


@given(phrase('单位的法人账号已进入过"{system:业务系统}"的办理入口'))
def given_unit_entered(actors: Actors, seeder, system):
    seeder.unit_entered(actors.legal, system)


@given(phrase('法人已授权该自然人"{system:业务系统}"的"{role:授权角色}"角色'))
def given_granted(actors: Actors, seeder, system, role):
    seeder.grant(actors.legal, actors.natural, system, [role])
    actors.last_grant = GrantSeed(system, [role])


@given("该授权已过期")
def given_grant_expired(actors: Actors, seeder):
    g = actors.last_grant
    legal, natural = seeder.expire_grant(actors.legal, actors.natural, g.system, g.roles)
    actors.add("法人", legal)
    actors.add("自然人", natural)


@when(who_phrase('从服务事项进入"{system:业务系统}"的办理入口'))
def when_actor_enters(actors: Actors, who, system):
    services = ServicesPage(actors.page(who))
    services.open()
    services.enter(system)


@when(who_phrase("刷新页面"))
def when_actor_reloads(actors: Actors, who):
    SystemLandingPage(actors.page(who)).reload()


@then(who_phrase('进入"{system}"系统，当前角色为"{role}"'))
def then_actor_in_system(actors: Actors, who, system, role):
    landing = SystemLandingPage(actors.page(who))
    expect(heading(landing.page, system)).to_be_visible()
    expect(landing.role_line(role)).to_be_visible()


@then(who_phrase('页面提示错误"{text}"'))
def then_actor_error(actors: Actors, who, text):
    expect_message(actors.page(who), text, who + "页面提示错误")


@then(who_phrase('页面提示"{text}"'))
def then_actor_notice(actors: Actors, who, text):
    expect_message(actors.page(who), text, who + "页面提示")


@then(who_phrase("页面不显示该自然人的姓名"))
def then_actor_does_not_see_person(actors: Actors, who):
    frame = PortalFrame(actors.page(who))
    expect(frame.content).not_to_be_empty()  # a page is shown: its absence is not a blank page's
    expect(frame.words(actors.natural.name)).to_have_count(0)
    expect_no_dialog_saying(frame.page, actors.natural.name)


@then(who_phrase('页面显示"{text}"'))
def then_actor_sees(actors: Actors, who, text):
    expect(PortalFrame(actors.page(who)).words(text).first).to_be_visible()
