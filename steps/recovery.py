"""找回密码: the three ways offered by 忘记密码, and 登录名重置密码 by the SMS code sent to the
reserved phone. The appeals are in steps/recovery_appeals.py, the back office in steps/back_office.py."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.frame import PortalFrame
from pages.login_page import LoginPage
from pages.recovery_choice_page import RecoveryChoicePage
from pages.recovery_reset_page import ResetLookupPage, ResetPasswordPage
from support.data import factories
from support.gherkin.parsing import phrase
from support.run.fixtures import sign_in
from support.target.sms_outbox import CODE, latest_sms

# -- 忘记密码 ---------------------------------------------------------------------------------


@when("我在登录页点击忘记密码")
def when_forgot_password(login_page: LoginPage):
    login_page.open_unless_there()
    login_page.forgot_password()


@when(phrase('我选择找回方式"{way}"'))
def when_choose_way(recovery_choice_page: RecoveryChoicePage, way):
    recovery_choice_page.choose(way)


@then(phrase('页面提供"{first}"、"{second}"和"{third}"三种找回方式'))
def then_three_ways(recovery_choice_page: RecoveryChoicePage, first, second, third):
    expect(recovery_choice_page.heading).to_be_visible()
    for way in (first, second, third):
        expect(recovery_choice_page.way(way)).to_be_visible()


@then(phrase('我来到"{title}"页面'))
def then_on_recovery_page(frame: PortalFrame, title):
    expect(frame.heading(title)).to_be_visible()


# -- 登录名重置密码 ---------------------------------------------------------------------------


@when("我输入该账号的登录名并点击下一步")
def when_look_up_account(reset_lookup_page: ResetLookupPage, account):
    reset_lookup_page.look_up(account.login_name)


@when("我输入一个不存在的登录名并点击下一步")
def when_look_up_unknown(reset_lookup_page: ResetLookupPage):
    reset_lookup_page.look_up(factories.unique("nobody"))


@then(phrase('页面提供申诉入口"{link}"'))
def then_appeal_link_offered(reset_lookup_page: ResetLookupPage, link):
    expect(reset_lookup_page.appeal_link(link)).to_be_visible()


@when(phrase('我点击申诉入口"{link}"'))
def when_follow_appeal_link(reset_lookup_page: ResetLookupPage, link):
    reset_lookup_page.appeal_link(link).click()


@then("页面显示该账号打码后的预留手机号")
def then_masked_phone(reset_password_page: ResetPasswordPage, account):
    expect(reset_password_page.shows_phone(account.phone[:3] + "****" + account.phone[-4:])).to_be_visible()
    expect(PortalFrame(reset_password_page.page).words(account.phone)).to_have_count(0)  # never the whole number


@when("我获取重置密码的短信验证码")
def when_request_reset_code(reset_password_page: ResetPasswordPage):
    reset_password_page.request_code()


@then("该账号的预留手机号收到了6位短信验证码")
def then_reserved_phone_got_code(target, sms_code, account):
    """The mock's outbox (its latest SMS) through the test API; on staging the target's SMS reader."""
    if target.api is not None:
        assert CODE.search(latest_sms(target.api, account.phone)), "预留手机号应收到6位验证码"
    else:
        assert re.fullmatch(r"\d{6}", sms_code(account.phone)), "预留手机号应收到6位验证码"


@when(phrase('我填写短信验证码并把新密码设为"{password}"'))
def when_reset_with(reset_password_page: ResetPasswordPage, sms_code, account, password):
    reset_password_page.reset(sms_code(account.phone), password)


@when("我填写短信验证码并设置一个符合规则的新密码", target_fixture="account")
def when_reset_compliant(reset_password_page: ResetPasswordPage, sms_code, account):
    new = factories.new_password()
    reset_password_page.reset(sms_code(account.phone), new)
    account.password = new
    return account


@given("该账号已在另一个浏览器中登录", target_fixture="other_page")
def given_signed_in_elsewhere(new_context, target, account):
    other = new_context()
    sign_in(other, target, account.login_name)
    other_page = other.new_page()
    PortalFrame(other_page).open_home()
    return other_page


@when("另一个浏览器刷新页面")
def when_other_reloads(other_page):
    other_page.reload()


@then("另一个浏览器中该账号已退出登录")
def then_other_logged_out(other_page):
    elsewhere = PortalFrame(other_page)
    expect(elsewhere.login_link).to_be_visible()
    expect(elsewhere.signed_in_label).to_have_count(0)
