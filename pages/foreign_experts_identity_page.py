"""我的信息 → 自然人用户信息 as a legacy 外专 account sees it when it starts real-name verification."""

from playwright.sync_api import Page

from support.routes import path


class LegacyAccountInfoPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.id_number = page.get_by_label("证件号码", exact=True)
        self.save_button = page.get_by_role("button", name="保存", exact=True)

    def open(self) -> None:
        self.page.goto(path("my_info"))

    def submit_id_number(self, id_number: str) -> None:
        self.id_number.fill(id_number)
        self.save_button.click()
