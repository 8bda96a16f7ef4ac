"""The page frame's browser hint ("建议使用谷歌浏览器最新版") and the 支持的浏览器 page behind it, found by
what it shows (its words, its 关闭提示 button), a named region when the portal marks one."""

import re

from playwright.sync_api import Page

from pages.frame import action


class BrowserHint:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.close_button = action(page, "关闭提示")
        hint_text = page.get_by_text(re.compile(r"^\s*建议使用谷歌浏览器"))
        self.region = page.get_by_role("region", name="浏览器提示").or_(hint_text).first
        self.details_link = action(page, "支持的浏览器").first

    def dismiss(self) -> None:
        self.close_button.click()

    def open_details(self) -> None:
        self.details_link.click()
