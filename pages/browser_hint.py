"""The page frame's browser hint ("建议使用谷歌浏览器最新版") and the 支持的浏览器 page behind it."""
from playwright.sync_api import Page


class BrowserHint:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.region = page.get_by_role("region", name="浏览器提示")
        self.close_button = self.region.get_by_role("button", name="关闭提示")
        self.details_link = self.region.get_by_role("link", name="支持的浏览器")

    def dismiss(self) -> None:
        self.close_button.click()

    def open_details(self) -> None:
        self.details_link.click()
