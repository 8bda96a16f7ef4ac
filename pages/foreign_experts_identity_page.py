"""我的信息 → 自然人用户信息 as a legacy 外专 account sees it when it starts real-name verification."""

from playwright.sync_api import Page

from pages.frame import action, field
from support.target.routes import path


class LegacyAccountInfoPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.id_number = field(page, "证件号码", exact=True)
        self.save_button = action(page, "保存")

    def open(self) -> None:
        self.page.goto(path("my_info"))

    def submit_id_number(self, id_number: str) -> None:
        self.id_number.fill(id_number)
        self.save_button.click()
