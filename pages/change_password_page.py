"""修改密码: old password, new password twice (also reached from an expired-password login)."""

from playwright.sync_api import Page

from pages.frame import action, field
from support.target.routes import path


class ChangePasswordPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.old_password = field(page, "原密码")
        self.new_password = field(page, "新密码", exact=True)
        self.confirm_password = field(page, "确认新密码")
        self.submit_button = action(page, "确认修改", exact=False)

    def open(self) -> None:
        self.page.goto(path("password_change"))

    def change(self, old: str, new: str, confirm: str | None = None) -> None:
        self.old_password.fill(old)
        self.new_password.fill(new)
        self.confirm_password.fill(new if confirm is None else confirm)
        self.submit_button.click()
