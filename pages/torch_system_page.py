"""火炬中心 systems: 科技型中小企业评价 / 高新技术企业认定 landing (or the real-name popup, or the
missing-information refusal) and 火炬中心业务办理平台 with the businesses it offers."""

import re

from playwright.sync_api import Locator, Page

from pages.frame import action, content_of, heading, shown_message
from support.gherkin.message_checks import expect_dialog_confirmable


class TorchSystemPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        # the in-page popup's 确定 (a button or a link); a vendor's window.alert() has its own, which the
        # dialog recorder (support/browsers/native_dialogs.py) presses as the dialog appears
        self.dialog_confirm = action(page, "确定").first
        self.complete_info_link = action(page, "前往完善信息", exact=False)
        self.businesses_heading = heading(page, re.compile("可办理业务$"))

    def popup(self, text: str) -> Locator:
        """The real-name popup's message in the page, read by its words (a dialog role is not required);
        support.gherkin.message_checks.expect_message also reads it from a native dialog."""
        return shown_message(self.page, text)

    def expect_confirmable(self) -> None:
        """The popup can be closed with 确定: in the page, or it was the browser's own dialog."""
        expect_dialog_confirmable(self.page, self.dialog_confirm)

    def confirm_dialog(self) -> None:
        """点击确定: on the in-page popup; a native dialog's 确定 was pressed when it appeared."""
        self.expect_confirmable()
        if self.dialog_confirm.is_visible():
            self.dialog_confirm.click()

    def go_complete_info(self) -> None:
        self.complete_info_link.click()

    def business_items(self, first: str) -> Locator:
        """The items of the list of businesses (the list in the content that holds `first`)."""
        item = self.page.get_by_role("listitem").filter(has_text=first)
        return content_of(self.page).get_by_role("list").filter(has=item).first.get_by_role("listitem")
