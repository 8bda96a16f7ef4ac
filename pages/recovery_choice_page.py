"""忘记密码: the three ways back into an account."""

from playwright.sync_api import Page

from pages.frame import action, content_of, heading
from support.target.routes import path


class RecoveryChoicePage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = heading(page, "忘记密码")

    def open(self) -> None:
        self.page.goto(path("recovery"))

    def way(self, name: str):
        return action(content_of(self.page), name)

    def choose(self, name: str) -> None:
        """name: 登录名重置密码, 自然人申诉找回密码 or 单位法人用户申诉找回密码."""
        self.way(name).click()
