"""因公出国（境）培训: the system, or 没有权限 with 引智司's contacts and 申请报备."""
from playwright.sync_api import Page


class OutboundTrainingPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", level=1)
        self.alert = page.get_by_role("alert")
        self.status = page.get_by_role("status")
        self.contacts = page.get_by_role("list", name="科技部引智司联系方式")
        self.filing_button = page.get_by_role("button", name="申请报备")

    def open(self) -> None:
        self.page.goto("/systems/outbound_training")

    def request_filing(self) -> None:
        self.filing_button.click()
