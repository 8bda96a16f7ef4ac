"""办事咨询 → 常见问题: every published entry is an article whose id is its FAQ ID."""
from playwright.sync_api import Locator, Page


class FaqPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="常见问题", level=1)
        self.faq_link = page.get_by_role("main").get_by_role("link", name="常见问题", exact=True)

    def open(self) -> None:
        self.page.goto("/consult/faq")

    def open_from_consult(self) -> None:
        """办事咨询 page → 常见问题 link (the menu path a user takes)."""
        self.page.goto("/consult")
        self.faq_link.first.click()

    def entry(self, faq_id: str) -> Locator:
        """The entry published under the anchor #<FAQ ID> (the address the report links to)."""
        return self.page.locator(f'article[id="{faq_id}"]')

    def question(self, faq_id: str) -> Locator:
        return self.entry(faq_id).get_by_role("heading")

    def published_text(self, faq_id: str) -> str:
        return self.entry(faq_id).inner_text()
