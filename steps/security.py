"""Security behaviour a user sees (features/security): login lockout and its end, idle logout,
a replayed session after logout, session cookie flags, a forged cross-site form, error pages."""

from dataclasses import dataclass

from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.change_password_page import ChangePasswordPage
from pages.frame import PortalFrame
from pages.hgr_project import HgrProjectPage
from pages.login_page import LoginPage
from pages.security_forged_site import ForgedSite
from pages.security_login_attempts import LoginAttempts
from support.data import factories
from support.data.personas import Actor
from support.gherkin.message_checks import expect_message, expect_no_dialog_saying
from support.gherkin.parsing import phrase
from support.run.fixtures import session_id_of
from support.seeding.business import HGR, Project

SESSION_COOKIE = "MOSTSESSION"
# What the portal's self-test failure carries inside; none of it may reach the page.
INTERNAL_DETAILS = ("db_password", "604231", "SelfTestFailure", "/srv/portal", "line 42")


def _failed_logins(
    attempts: LoginAttempts, captcha_solver, kind: str, login_name: str, password: str, times: int
) -> None:
    attempts.open()
    for _ in range(times):
        attempts.attempt(kind, login_name, password, captcha_solver())


@given(phrase("我以{kind:用户类型}身份连续{times:整数}次用错误的密码登录"))
@when(phrase("我以{kind:用户类型}身份连续{times:整数}次用错误的密码登录"))
def when_repeated_wrong_passwords(login_attempts: LoginAttempts, captcha_solver, account, kind, times):
    _failed_logins(login_attempts, captcha_solver, kind, account.login_name, account.password + "x", int(times))


@when(phrase("我用一个不存在的登录名连续{times:整数}次登录"))
def when_unknown_name_repeatedly(login_attempts: LoginAttempts, captcha_solver, times):
    _failed_logins(
        login_attempts, captcha_solver, "自然人", factories.unique("nobody"), factories.new_password(), int(times)
    )


@given(phrase("平台时间过去{minutes:数}分钟"))
@when(phrase("平台时间过去{minutes:数}分钟"))
def when_portal_time_passes(target, minutes):
    target.require("clock")
    target.control.advance_clock(minutes=float(minutes))


@given("我打开修改密码页面")
@when("我打开修改密码页面")
def when_open_change_password(change_password_page: ChangePasswordPage):
    change_password_page.open()


@when("我刷新当前页面")
def when_reload(page):
    page.reload()


@when(phrase("我以{kind:用户类型}身份重新输入该账号的密码登录"))
def when_log_in_again_here(login_page: LoginPage, captcha_solver, account, kind):
    login_page.log_in(kind, account.login_name, account.password, captcha_solver())


@then(phrase('我回到了"{title}"页面'))
def then_back_on_page(frame: PortalFrame, title):
    expect(frame.heading(title)).to_be_visible()


@given("我的会话凭据被他人复制", target_fixture="copied_session")
def given_session_copied(context, target):
    return session_id_of(context, target)


@when("他用复制的会话凭据打开修改密码页面", target_fixture="thief_page")
def when_thief_replays_session(new_context, target, copied_session):
    thief = new_context()
    thief.add_cookies([{"name": SESSION_COOKIE, "value": copied_session, "url": target.base_url}])
    thief_page = thief.new_page()
    ChangePasswordPage(thief_page).open()
    return thief_page


@then(phrase('他看到的是登录页，提示"{text}"'))
def then_thief_sees_login(thief_page, text):
    thief = PortalFrame(thief_page)
    expect(thief.heading("用户登录")).to_be_visible()
    expect_message(thief_page, text, "登录页提示")


@then("浏览器保存的会话凭据仅限服务器读取，且不随跨站提交发送")
def then_cookie_flags(page, context, target):
    cookies = [c for c in context.cookies(target.base_url) if c["name"] == SESSION_COOKIE]
    assert cookies, "登录后浏览器应保存会话凭据"
    cookie = cookies[0]
    assert cookie["httpOnly"], "会话凭据应为 HttpOnly，网页脚本不能读取"
    assert cookie["sameSite"] in ("Lax", "Strict"), f"会话凭据的 SameSite 应为 Lax 或 Strict，实为 {cookie['sameSite']}"
    assert SESSION_COOKIE not in page.evaluate("document.cookie"), "网页脚本读到了会话凭据"


@when("我打开一个其他网站的页面并点击它伪造的退出登录表单")
def when_forged_logout(forged_site: ForgedSite):
    forged_site.open_forged_logout()
    forged_site.claim_prize()


@when("平台内部处理出错时我打开一个页面")
def when_internal_error(frame: PortalFrame, target, request):
    target.require("faults")
    request.addfinalizer(target.control.switch_faults("internal-error", adding=True))
    frame.open_failing_page()


@then("页面不显示出错的内部细节")
def then_no_internal_details(frame: PortalFrame):
    expect(frame.content).not_to_be_empty()  # a page is shown: its absence is not a blank page's
    for detail in INTERNAL_DETAILS:
        expect(frame.words(detail)).to_have_count(0)
        expect_no_dialog_saying(frame.page, detail)


# -- another unit's object by id ------------------------------------------------------------------


@dataclass
class TwoUnits:
    mine: dict[str, Actor]  # 自然人 / 法人 of my unit
    other: dict[str, Actor]  # 自然人 / 法人 of the other unit
    other_project: Project | None = None


def _hgr_unit(seeder) -> dict[str, Actor]:
    """A legal account whose unit has filed for the HGR system, and a natural person it granted."""
    legal, natural = seeder.legal(), seeder.natural()
    seeder.grant(legal, natural, HGR, ["事项办理员"])
    seeder.hgr_filed(legal)
    return {"法人": legal, "自然人": natural}


@given("平台上有两个单位，各有一名获授权办理人类遗传资源业务的自然人", target_fixture="two_units")
def given_two_units(seeder):
    return TwoUnits(_hgr_unit(seeder), _hgr_unit(seeder))


@given("另一单位的自然人有一个人类遗传资源项目")
def given_other_unit_project(seeder, two_units: TwoUnits):
    two_units.other_project = seeder.hgr_project(
        two_units.other["自然人"], two_units.other["法人"], f"另一单位的项目{factories.unique('')}"
    )


@given(phrase("我以本单位的{who:用户类型}账号登录平台"))
def given_signed_in_as_mine(context, seeder, two_units: TwoUnits, who):
    seeder.sign_in(context, two_units.mine[who])


@when("我按编号直接打开另一单位的这个项目")
def when_open_other_units_project(hgr_project_page: HgrProjectPage, two_units: TwoUnits):
    hgr_project_page.open(two_units.other_project["id"])


@then("页面不显示另一单位项目的名称和编号")
def then_other_project_hidden(frame: PortalFrame, two_units: TwoUnits):
    expect(frame.content).not_to_be_empty()  # a page is shown: its absence is not a blank page's
    expect(frame.words(two_units.other_project["name"])).to_have_count(0)
    expect(frame.words(two_units.other_project["number"])).to_have_count(0)
    for shown in (two_units.other_project["name"], two_units.other_project["number"]):
        expect_no_dialog_saying(frame.page, shown)
