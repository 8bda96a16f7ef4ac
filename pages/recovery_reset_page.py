"""登录名重置密码: look the login name up, then reset with the SMS code sent to the reserved phone."""

from playwright.sync_api import Locator, Page

from pages.frame import action, content_of, field, labelled_value
from support.target.routes import path


class ResetLookupPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.login_name = field(page, "登录名")
        self.next_button = action(page, "下一步", exact=False)

    def open(self) -> None:
        self.page.goto(path("recovery_reset"))

    def look_up(self, login_name: str) -> None:
        self.login_name.fill(login_name)
        self.next_button.click()

    def appeal_link(self, name: str):
        return action(content_of(self.page), name)


# The button clicks itself at the given moment of the clock the browsers share.
CLICK_AT = "(button, at) => setTimeout(() => button.click(), Math.max(0, at - Date.now()))"


class ResetPasswordPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.code = field(page, "短信验证码")
        self.request_code_button = action(page, "获取验证码", exact=False)
        self.new_password = field(page, "新密码", exact=True)
        self.confirm_password = field(page, "确认新密码")
        self.reset_button = action(page, "重置密码", exact=False)

    def shows_phone(self, masked: str) -> Locator:
        """The reserved phone as the page shows it, masked (138****1234), next to its label."""
        return labelled_value(self.page, "预留手机号", masked)

    def request_code(self) -> None:
        with self.page.expect_navigation():  # the page comes back with the notice
            self.request_code_button.click()

    def fill(self, code: str, new: str, confirm: str | None = None) -> None:
        self.code.fill(code)
        self.new_password.fill(new)
        self.confirm_password.fill(new if confirm is None else confirm)

    def reset(self, code: str, new: str, confirm: str | None = None) -> None:
        self.fill(code, new, confirm)
        self.reset_button.click()

    def click_reset_at(self, epoch_ms: float) -> None:
        """Has the page click 重置密码 itself at a moment of the computer's clock (ms since 1970) and returns at
        once: two browsers on one computer given the same moment click within a few milliseconds of each other,
        however long each took to be told (when their requests reach the portal is the browsers' business:
        traced, Chromium's 1-43 ms apart, Firefox's 0-250 ms). Not a wait: nothing here waits for anything."""
        self.reset_button.evaluate(CLICK_AT, epoch_ms)
