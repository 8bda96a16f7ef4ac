"""火炬中心 systems: 科技型中小企业评价 / 高新技术企业认定 landing (or the real-name popup, or the
missing-information refusal) and 火炬中心业务办理平台 with the businesses it offers."""
import re

from playwright.sync_api import Locator, Page


class TorchSystemPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", level=1)
        self.realname_dialog = page.get_by_role("alertdialog")
        self.dialog_confirm = self.realname_dialog.get_by_role("link", name="确定", exact=True)
        self.alert = page.get_by_role("alert")
        self.status = page.get_by_role("status")
        self.complete_info_link = page.get_by_role("link", name="前往完善信息")
        self.businesses = page.get_by_role("list", name=re.compile("可办理业务$"))

    def confirm_dialog(self) -> None:
        self.dialog_confirm.click()

    def go_complete_info(self) -> None:
        self.complete_info_link.click()

    def business_items(self) -> Locator:
        return self.businesses.get_by_role("listitem")
