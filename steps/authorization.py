"""用户授权管理 (FAQ-1.10.x) acted by the unit's legal account, and the natural person's
法人(单位)授权办理情况. Two actors: see steps/actors.py and support/data/actors.py."""

import datetime as dt

from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.authorization_page import AuthorizationPage
from pages.unit_grants_page import UnitGrantsPage
from support.data.actors import Actors, set_realname
from support.gherkin.message_checks import expect_message
from support.gherkin.parsing import phrase


@given("该自然人已通过实名认证")
def given_person_verified(actors: Actors, target, seeder, request):
    """The mock: through the test API. Staging: the person passes 实名认证 on 我的信息 (UiSeeder)."""
    if target.api is None:
        seeder.verify_natural(actors.natural)
        return
    set_realname(request.getfixturevalue("api"), actors.natural.login_name, "passed")


@when("法人在授权操作中按姓名和证件号码查询该自然人")
def when_query_by_name_and_id(authorization_page: AuthorizationPage, actors: Actors):
    authorization_page.open()
    authorization_page.query(actors.natural.name, actors.natural.id_number)


@when("法人在授权操作中按姓名查询该自然人")
def when_query_by_name(authorization_page: AuthorizationPage, actors: Actors):
    authorization_page.open()
    authorization_page.query(actors.natural.name)


@when("法人在授权操作中按登录名查询该自然人")
def when_query_by_login(authorization_page: AuthorizationPage, actors: Actors):
    authorization_page.open()
    authorization_page.query(actors.natural.login_name)


@when("法人选择为该自然人授权")
def when_choose_person(authorization_page: AuthorizationPage, actors: Actors):
    authorization_page.choose(actors.natural.name)


@when(phrase('法人勾选"{system:业务系统}"的"{role:授权角色}"角色并提交授权'))
def when_tick_and_submit(authorization_page: AuthorizationPage, system, role):
    authorization_page.tick(system, role)
    authorization_page.submit()


@when(phrase('法人在授权用户管理中把该自然人"{system:业务系统}"的角色改为"{role:授权角色}"'))
def when_change_role(authorization_page: AuthorizationPage, actors: Actors, system, role):
    authorization_page.open()
    authorization_page.open_management()
    authorization_page.edit(actors.natural.name, system)
    authorization_page.set_roles(system, [role])
    authorization_page.save()


@when(phrase('法人在授权用户管理中把该自然人"{system:业务系统}"的授权截止日期延长一年'))
def when_extend(authorization_page: AuthorizationPage, actors: Actors, target, system):
    """A year from the portal's today: the mock's clock through its test API; a staging portal's is the real one."""
    authorization_page.open()
    authorization_page.open_management()
    authorization_page.edit(actors.natural.name, system)
    today = target.today()
    authorization_page.set_end_date((today + dt.timedelta(days=365)).isoformat())
    authorization_page.save()


@when(phrase('法人在授权用户管理中撤销该自然人"{system:业务系统}"的授权'))
def when_revoke(authorization_page: AuthorizationPage, actors: Actors, system):
    authorization_page.open()
    authorization_page.open_management()
    authorization_page.revoke(actors.natural.name, system)


@when("另一单位的法人直接打开该授权的修改地址")
def when_other_unit_opens_grant(actors: Actors, target, request):
    """The address as the unit's own 法人 sees it: the mock's grant id through the test API; on staging
    the 修改 link of the person's grant in the 法人's 授权用户管理 (no test API to ask)."""
    if target.api is None:
        own = AuthorizationPage(actors.page("法人"))
        own.open()
        own.open_management()
        AuthorizationPage(actors.page("另一单位的法人")).open_address(own.edit_address(actors.natural.name))
        return
    [grant] = request.getfixturevalue("api").grants(login_name=actors.natural.login_name)
    AuthorizationPage(actors.page("另一单位的法人")).open_grant_edit(grant["id"])


@when("自然人查看法人(单位)授权办理情况")
def when_view_units(unit_grants_page: UnitGrantsPage):
    unit_grants_page.open()


@when("自然人查看该单位的授权信息")
def when_view_unit_detail(unit_grants_page: UnitGrantsPage, actors: Actors):
    unit_grants_page.view(actors.legal.unit_name)


@then("查询结果中有该自然人")
def then_person_found(authorization_page: AuthorizationPage, actors: Actors):
    rows = authorization_page.result_rows(actors.natural.name).filter(has_text=actors.natural.id_number[-4:])
    expect(rows).to_have_count(1)


@then(phrase('法人查询不到该自然人，页面提示错误"{text}"'))
def then_person_not_found(authorization_page: AuthorizationPage, text):
    expect_message(authorization_page.page, text, "页面提示错误")
    expect(authorization_page.results).to_have_count(0)


@then(phrase('授权角色中可勾选"{system}"的"{role}"'))
def then_role_offered(authorization_page: AuthorizationPage, system, role):
    expect(authorization_page.role_box(system, role)).to_be_enabled()


@then(phrase('授权角色中没有"{system}"的任何角色，并提示"{text}"'))
def then_system_not_offered(authorization_page: AuthorizationPage, system, text):
    group = authorization_page.system_roles(system)
    expect(group).to_contain_text(text)
    expect(group.get_by_role("checkbox")).to_have_count(0)


@then(phrase('授权用户管理中该自然人"{system}"的授权角色为"{role}"，状态为"{state}"'))
def then_grant_listed(authorization_page: AuthorizationPage, actors: Actors, system, role, state):
    row = authorization_page.grant_row(actors.natural.name, system)
    expect(row).to_have_count(1)
    expect(authorization_page.grant_cell(actors.natural.name, system, "授权角色")).to_have_text(role)
    expect(authorization_page.grant_cell(actors.natural.name, system, "状态")).to_have_text(state)


@then(phrase('授权单位列表中有该单位，授权法人姓名为法人的姓名，授权单位状态为"{state}"'))
def then_unit_listed(unit_grants_page: UnitGrantsPage, actors: Actors, state):
    row = unit_grants_page.unit_row(actors.legal.unit_name)
    expect(row).to_have_count(1)
    expect(unit_grants_page.unit_cell(actors.legal.unit_name, "授权法人姓名")).to_have_text(actors.legal.name)
    expect(unit_grants_page.unit_cell(actors.legal.unit_name, "授权单位状态")).to_have_text(state)


@then(phrase('授权信息中有"{system}"的"{role}"角色'))
def then_unit_detail(unit_grants_page: UnitGrantsPage, system, role):
    expect(unit_grants_page.detail_cell(system, "授权角色")).to_have_text(role)
