"""Keyboard-only use (issue 12): login, the captcha's 换一张 and 登录名重置密码 with Tab and Enter only."""

from pytest_bdd import when

from pages.keyboard import KeyboardUser
from pages.login_page import LOGIN_TYPES, CaptchaSeen, LoginPage
from pages.recovery_choice_page import RecoveryChoicePage
from pages.recovery_reset_page import ResetLookupPage, ResetPasswordPage
from support.data import factories
from support.gherkin.parsing import phrase


@when(phrase("我只用键盘以{kind:用户类型}身份用该账号的密码登录"))
def when_keyboard_login(keyboard: KeyboardUser, login_page: LoginPage, captcha_solver, account, kind):
    login_page.open()
    keyboard.choose_radio(login_page.chosen_kind(), login_page.kind_choice(kind), LOGIN_TYPES[kind])
    keyboard.type_into(login_page.login_name, account.login_name, "登录名")
    keyboard.type_into(login_page.password, account.password, "密码")
    keyboard.type_into(login_page.captcha, captcha_solver(), "验证码")
    keyboard.press_enter()


@when("我只用键盘换一张验证码", target_fixture="captcha_seen")
def when_keyboard_refresh_captcha(keyboard: KeyboardUser, login_page: LoginPage, captcha_solver):
    before = CaptchaSeen(login_page.captcha_source(), captcha_solver())
    keyboard.tab_to(login_page.captcha_refresh, "换一张")
    with login_page.new_captcha_loaded():
        keyboard.press_enter()
    return before


@when(phrase('我只用键盘从登录页进入"{way}"'))
def when_keyboard_recovery_way(
    keyboard: KeyboardUser, login_page: LoginPage, recovery_choice_page: RecoveryChoicePage, way
):
    login_page.open()
    keyboard.activate(login_page.forgot_password_link, "忘记密码")
    keyboard.activate(recovery_choice_page.way(way), way)


@when("我只用键盘输入该账号的登录名并确认")
def when_keyboard_lookup(keyboard: KeyboardUser, reset_lookup_page: ResetLookupPage, account):
    keyboard.type_into(reset_lookup_page.login_name, account.login_name, "登录名")
    keyboard.press_enter()


@when("我只用键盘获取重置密码的短信验证码")
def when_keyboard_request_code(keyboard: KeyboardUser, reset_password_page: ResetPasswordPage):
    keyboard.tab_to(reset_password_page.request_code_button, "获取验证码")
    with reset_password_page.page.expect_navigation():
        keyboard.press_enter()


@when("我只用键盘填写短信验证码并设置一个符合规则的新密码", target_fixture="account")
def when_keyboard_reset(keyboard: KeyboardUser, reset_password_page: ResetPasswordPage, sms_code, account):
    new = factories.new_password()
    keyboard.type_into(reset_password_page.code, sms_code(account.phone), "短信验证码")
    keyboard.type_into(reset_password_page.new_password, new, "新密码")
    keyboard.type_into(reset_password_page.confirm_password, new, "确认新密码")
    keyboard.activate(reset_password_page.reset_button, "重置密码")
    account.password = new
    return account
