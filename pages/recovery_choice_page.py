"""忘记密码: the three ways back into an account."""
from playwright.sync_api import Page


class RecoveryChoicePage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="忘记密码", level=1)
        self.ways = page.get_by_role("list", name="找回方式")

    def open(self) -> None:
        self.page.goto("/recovery")

    def way(self, name: str):
        return self.ways.get_by_role("link", name=name, exact=True)

    def choose(self, name: str) -> None:
        """name: 登录名重置密码, 自然人申诉找回密码 or 单位法人用户申诉找回密码."""
        self.way(name).click()
