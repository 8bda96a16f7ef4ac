"""Government-site furniture in the page frame: the footer's identification and filing numbers, its
网站地图 / 隐私声明 links, and the 关怀版 (large text) switch."""

from playwright.sync_api import Page

from pages.frame import content_of, landmark


class SiteFooter:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.footer = landmark(page, "contentinfo")
        self.care_switch = self.footer.get_by_role("button", name="关怀版")
        self.main = content_of(page)

    def link(self, name: str):
        return self.footer.get_by_role("link", name=name, exact=True)

    def text(self, text: str):
        return self.footer.get_by_text(text)

    def follow(self, name: str) -> None:
        self.link(name).click()

    def toggle_care(self) -> None:
        with self.page.expect_navigation():
            self.care_switch.click()
