"""The SMS code of a password reset is one person's and is used once (issue 19, FAQ-1.1.2): another person who
resets at the same time and gets his own code voided by five wrong tries does not use up the tries of the code sent
to me after his; the same code submitted from two browsers at nearly the same moment resets once, and the other
browser is told to get a new code (the code was used, not mistyped)."""

from dataclasses import dataclass

from playwright.sync_api import Page, expect
from pytest_bdd import given, then, when

from pages.frame import PortalFrame
from pages.recovery_reset_page import ResetLookupPage, ResetPasswordPage
from steps.edges import code_sent
from support.data import factories
from support.data.personas import Actor
from support.gherkin.message_checks import expect_message, which_message
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


# Ample for telling both browsers the moment (one protocol round trip each), on a busy machine too.
CLICK_AHEAD_MS = 1000


@dataclass
class TwoBrowsers:
    pages: list[Page]
    passwords: list[str]


@when("我在另一个浏览器中也输入该账号的登录名并点击下一步", target_fixture="second_browser")
def when_look_up_in_second_browser(new_context, account) -> Page:
    """The same reset opened in a second browser (its own session): the code requested in the first is
    the account's latest, so both forms take it."""
    page = new_context().new_page()
    lookup = ResetLookupPage(page)
    lookup.open()
    lookup.look_up(account.login_name)
    expect(ResetPasswordPage(page).reset_button).to_be_visible()
    return page


@when(
    "我在两个浏览器中填写同一条短信验证码和各自的新密码，几乎同时点击重置密码",
    target_fixture="two_browsers",
)
def when_reset_in_both(reset_password_page: ResetPasswordPage, second_browser: Page, sms_code, account) -> TwoBrowsers:
    """Both forms filled first, then both 重置密码 clicked at the same moment. Playwright's click() waits until
    the page it starts has loaded, so two click() calls submit one after the other, and even two DOM click
    events sent one after the other reach the portal a protocol round trip apart (the first could be done
    before the second arrives: then the second only finds a used code, and the race is never run). So each
    page is told the same moment, 1 s ahead on the shared clock, and clicks its own button then: on Chromium
    both requests were in the portal together in every traced run; on Firefox in some (docs/mutation.md). A
    run where they do not overlap still checks the promise, it just does not race."""
    code = sms_code(account.phone)
    forms = [reset_password_page, ResetPasswordPage(second_browser)]
    passwords = [factories.new_password() for _ in forms]
    for form, new in zip(forms, passwords, strict=True):
        form.fill(code, new)
    moment = forms[0].page.evaluate("Date.now()") + CLICK_AHEAD_MS
    for form in forms:
        form.click_reset_at(moment)
    return TwoBrowsers([form.page for form in forms], passwords)


@then(phrase('一个浏览器提示"{success}"，另一个浏览器提示错误"{refused}"'))
def then_one_reset_one_refused(two_browsers: TwoBrowsers, account, success, refused):
    """Which browser wins is the portal's choice: each shows one of the two messages, and not the same one.
    The winner's new password is the account's from here on."""
    shown = [which_message(page, [success, refused]) for page in two_browsers.pages]
    if sorted(shown) != sorted([success, refused]):
        raise AssertionError(
            f"期望一个浏览器提示“{success}”、另一个提示错误“{refused}”，但两个浏览器分别提示：“{shown[0]}”、“{shown[1]}”"
        )
    account.password = two_browsers.passwords[shown.index(success)]
