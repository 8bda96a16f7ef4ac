"""用户登录: credentials, the image captcha, an expired password and its 修改密码 path."""

from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.change_password_page import ChangePasswordPage
from pages.frame import PortalFrame
from pages.login_page import CaptchaSeen, LoginPage
from support.data import factories
from support.gherkin.parsing import phrase


@when("我打开登录页")
def when_i_open_login(login_page: LoginPage):
    login_page.open()


@when(phrase("我以{kind:用户类型}身份用该账号的密码登录"))
def when_i_log_in_with_password(login_page: LoginPage, captcha_solver, account, kind):
    login_page.open()
    login_page.log_in(kind, account.login_name, account.password, captcha_solver())


@when(phrase("我以{kind:用户类型}身份用错误的密码登录"))
def when_i_log_in_with_wrong_password(login_page: LoginPage, captcha_solver, account, kind):
    login_page.open()
    login_page.log_in(kind, account.login_name, account.password + "x", captcha_solver())


@when(phrase("我以{kind:用户类型}身份用一个不存在的登录名登录"))
def when_i_log_in_with_unknown_name(login_page: LoginPage, captcha_solver, kind):
    login_page.open()
    login_page.log_in(kind, factories.unique("nobody"), factories.new_password(), captcha_solver())


@when(phrase("我以{kind:用户类型}身份登录但验证码填写错误"))
def when_i_log_in_with_wrong_captcha(login_page: LoginPage, captcha_solver, account, kind):
    login_page.open()
    wrong = "".join("A" if c != "A" else "B" for c in captcha_solver())
    login_page.log_in(kind, account.login_name, account.password, wrong)


@when("我点击验证码图片换一张", target_fixture="captcha_seen")
def when_i_refresh_captcha(login_page: LoginPage, captcha_solver):
    before = CaptchaSeen(login_page.captcha_source(), captcha_solver())
    login_page.refresh_captcha()
    return before


@then("验证码图片已更换")
def then_captcha_changed(login_page: LoginPage, captcha_seen: CaptchaSeen, captcha_solver):
    expect(login_page.captcha_image).not_to_have_attribute("src", captcha_seen.source)
    assert captcha_solver() != captcha_seen.answer, "换一张之后验证码应当不同"


@when(phrase("我以{kind:用户类型}身份用新的验证码和正确的密码登录"))
def when_i_log_in_with_fresh_captcha(login_page: LoginPage, captcha_solver, account, kind):
    login_page.log_in(kind, account.login_name, account.password, captcha_solver())


@when(phrase("我以{kind:用户类型}身份用错误的密码登录一次并记下所用的验证码"), target_fixture="captcha_seen")
def when_i_use_a_captcha_once(login_page: LoginPage, captcha_solver, account, kind):
    login_page.open()
    used = CaptchaSeen(login_page.captcha_source(), captcha_solver())
    login_page.log_in(kind, account.login_name, account.password + "x", used.answer)
    return used


@when(phrase("我再次用这个验证码和正确的密码以{kind:用户类型}身份登录"))
def when_i_reuse_the_captcha(login_page: LoginPage, captcha_seen: CaptchaSeen, account, kind):
    login_page.log_in(kind, account.login_name, account.password, captcha_seen.answer)


@then(phrase('我已登录，页面显示当前用户为该账号，用户类型为"{kind}"'))
def then_i_am_logged_in(frame: PortalFrame, account, kind):
    expect(frame.current_user(account.name)).to_be_visible()
    expect(frame.user_type(kind)).to_be_visible()


@then("我仍未登录")
def then_i_am_not_logged_in(frame: PortalFrame):
    expect(frame.login_link).to_be_visible()
    expect(frame.signed_in_label).to_have_count(0)


@given("我记下该账号的原密码", target_fixture="old_password")
def given_remember_old_password(account):
    return account.password


@when("我通过修改密码按钮设置一个新密码", target_fixture="account")
def when_i_change_the_expired_password(login_page: LoginPage, change_password_page: ChangePasswordPage, account):
    login_page.go_to_change_password()
    new = factories.new_password()
    change_password_page.change(account.password, new)
    account.password = new
    return account


@when(phrase("我以{kind:用户类型}身份用原密码登录"))
def when_i_log_in_with_old_password(login_page: LoginPage, captcha_solver, account, old_password, kind):
    login_page.open()
    login_page.log_in(kind, account.login_name, old_password, captcha_solver())
