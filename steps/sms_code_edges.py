"""The SMS code of a password reset is one person's (issue 19, FAQ-1.1.2): another person who resets at the same
time and gets his own code voided by five wrong tries does not use up the tries of the code sent to me after his."""

from dataclasses import dataclass

from playwright.sync_api import Page, expect
from pytest_bdd import given, then, when

from pages.frame import PortalFrame
from pages.recovery_reset_page import ResetLookupPage, ResetPasswordPage
from steps.edges import code_sent
from support.data import factories
from support.data.personas import Actor
from support.gherkin.message_checks import expect_message
from support.gherkin.parsing import phrase


@dataclass
class OtherReset:
    person: Actor
    page: Page


@given("另一个自然人已在另一个浏览器中获取重置密码的短信验证码", target_fixture="other_reset")
def given_other_requested_code(new_context, seeder) -> OtherReset:
    person = seeder.natural()
    page = new_context().new_page()
    lookup = ResetLookupPage(page)
    lookup.open()
    lookup.look_up(person.login_name)
    ResetPasswordPage(page).request_code()
    expect(PortalFrame(page).words("10分钟内有效").first).to_be_visible()
    return OtherReset(person, page)


@when(phrase("另一个自然人连续{times:整数}次填写错误的短信验证码并设置新密码"))
def when_other_wrong_codes(other_reset: OtherReset, target, times):
    """A code that differs in every digit from the one sent to the other person, tried `times` times."""
    right = code_sent(target, other_reset.person.phone)
    wrong = "".join(str((int(d) + 5) % 10) for d in right)
    form = ResetPasswordPage(other_reset.page)
    for _ in range(int(times)):
        form.reset(wrong, factories.new_password())
        expect(form.reset_button).to_be_visible()  # the page is back before the next try


@then(phrase('另一个自然人的页面提示错误"{text}"'))
def then_other_error(other_reset: OtherReset, text):
    expect_message(other_reset.page, text, "另一个自然人的页面提示错误")
