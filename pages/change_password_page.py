"""修改密码: old password, new password twice (also reached from an expired-password login)."""

from playwright.sync_api import Page

from support.routes import path


class ChangePasswordPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.old_password = page.get_by_label("原密码")
        self.new_password = page.get_by_label("新密码", exact=True)
        self.confirm_password = page.get_by_label("确认新密码")
        self.submit_button = page.get_by_role("button", name="确认修改")

    def open(self) -> None:
        self.page.goto(path("password_change"))

    def change(self, old: str, new: str, confirm: str | None = None) -> None:
        self.old_password.fill(old)
        self.new_password.fill(new)
        self.confirm_password.fill(new if confirm is None else confirm)
        self.submit_button.click()
