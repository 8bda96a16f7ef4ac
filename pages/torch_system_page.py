"""火炬中心 systems: 科技型中小企业评价 / 高新技术企业认定 landing (or the real-name popup, or the
missing-information refusal) and 火炬中心业务办理平台 with the businesses it offers."""

import re

from playwright.sync_api import Locator, Page

from pages.frame import shown_message


class TorchSystemPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialog_confirm = (
            page.get_by_role("link", name="确定", exact=True)
            .or_(page.get_by_role("button", name="确定", exact=True))
            .first
        )
        self.complete_info_link = page.get_by_role("link", name="前往完善信息")
        self.businesses_heading = page.get_by_role("heading", name=re.compile("可办理业务$"))

    def popup(self, text: str) -> Locator:
        """The real-name popup's message, read by its words (a dialog role is not required)."""
        return shown_message(self.page, text)

    def confirm_dialog(self) -> None:
        self.dialog_confirm.click()

    def go_complete_info(self) -> None:
        self.complete_info_link.click()

    def business_items(self, first: str) -> Locator:
        """The items of the list of businesses (the list in the content that holds `first`)."""
        item = self.page.get_by_role("listitem").filter(has_text=first)
        return self.page.get_by_role("main").get_by_role("list").filter(has=item).first.get_by_role("listitem")
