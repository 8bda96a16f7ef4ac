"""Steps every feature shares: seeding accounts by description, starting logged in,
moving around the portal, and the messages the user sees."""

from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.frame import PortalFrame
from support.gherkin.message_checks import expect_message, expect_no_dialog_saying
from support.gherkin.parsing import phrase
from support.run.fixtures import sign_in


@given(phrase("平台上有一个{description:账号描述}"), target_fixture="account")
def given_an_account(description, seeder):
    """e.g. 平台上有一个密码已过期的法人账号 (descriptions: support/data/personas.py; without a test API:
    registered through the portal's screens, or the target file's accounts, see support/seeding/ui.py)."""
    return seeder.account(description)


@given("我已用该账号登录平台")
def given_signed_in_as_account(context, target, account):
    sign_in(context, target, account.login_name)


@when(phrase('我进入"{menu:导航栏目}"'))
def when_i_go_to_menu(frame: PortalFrame, menu):
    frame.go_to(menu)


@when("我打开首页")
def when_i_open_home(frame: PortalFrame):
    frame.open_home()


@when("我退出登录")
def when_i_log_out(frame: PortalFrame):
    frame.log_out()


@then(phrase('页面提示错误"{text}"'))
def then_error_shown(frame: PortalFrame, text):
    expect_message(frame.page, text, "页面提示错误")  # a failure says what the page shows instead


@then(phrase('页面提示"{text}"'))
def then_notice_shown(frame: PortalFrame, text):
    expect_message(frame.page, text, "页面提示")  # a failure says what the page shows instead


@then(phrase('页面显示"{text}"'))
def then_text_shown(frame: PortalFrame, text):
    expect(frame.words(text).filter(visible=True).first).to_be_visible()


@then(phrase('页面不显示"{text}"'))
def then_text_not_shown(frame: PortalFrame, text):
    expect(frame.content).not_to_be_empty()  # a page is shown: its absence is not a blank page's
    expect(frame.words(text)).to_have_count(0)
    expect_no_dialog_saying(frame.page, text)  # nor in a native alert()/confirm()
