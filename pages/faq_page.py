"""办事咨询 → 常见问题: the published questions and answers, read as the page shows them."""

from playwright.sync_api import Locator, Page

from pages.frame import action, content_of, heading, text_lines, without_shared_tail
from support.target.routes import path


class FaqPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = heading(page, "常见问题")
        self.faq_link = action(content_of(page), "常见问题")
        self._consult_lines: list[str] = []

    def open(self) -> None:
        self.page.goto(path("consult_faq"))

    def open_from_consult(self) -> None:
        """办事咨询 page → 常见问题 link (the menu path a user takes)."""
        self.page.goto(path("consult"))
        self._consult_lines = text_lines(content_of(self.page).inner_text())
        self.faq_link.first.click()

    def question(self, question: str) -> Locator:
        """A question shown on its own (a heading, a term, a button…), in page order."""
        return content_of(self.page).get_by_text(question, exact=True).filter(visible=True)

    def content_text(self) -> str:
        """The text of the page's content as a user reads it, in page order. On a portal that marks no main
        content this is the whole page: the lines it ends with that the 办事咨询 page (read on the way here)
        ends with too are the page frame's footer, not the last answer, and are left out."""
        return "\n".join(without_shared_tail(text_lines(content_of(self.page).inner_text()), self._consult_lines))

    def heading_texts(self) -> list[str]:
        return content_of(self.page).get_by_role("heading").all_inner_texts()
