"""因公出国（境）培训: the system, or 没有权限 with 引智司's contacts and 申请报备."""

from playwright.sync_api import Locator, Page

from pages.frame import action, content_of
from support.target.routes import path


class OutboundTrainingPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.filing_button = action(page, "申请报备", exact=False)

    def contact_items(self, first: str) -> Locator:
        """The items of 科技部引智司联系方式: the list named so when the portal links it to its heading, else
        the list of the page's content that holds `first` (the first contact)."""
        named = self.page.get_by_role("list", name="科技部引智司联系方式")
        holding = (
            content_of(self.page)
            .get_by_role("list")
            .filter(has=self.page.get_by_role("listitem").filter(has_text=first))
        )
        return named.or_(holding).first.get_by_role("listitem")

    def any_heading(self) -> Locator:
        """The first heading of whatever page is shown (a page is shown)."""
        return self.page.get_by_role("heading").first

    def system_heading(self) -> Locator:
        """The system's own title: shown only inside 因公出国（境）培训系统."""
        return self.page.get_by_role("heading", name="因公出国（境）培训系统", exact=True)

    def open(self) -> None:
        self.page.goto(path("outbound_training"))

    def request_filing(self) -> None:
        self.filing_button.click()
