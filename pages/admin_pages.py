"""后台审核 (/admin): reviewer login, the queue of pending reviews, one review and its decision."""

from dataclasses import dataclass

from playwright.sync_api import Page

from pages.frame import action, field, heading, shown_message
from pages.tables import table_with
from support.target.routes import path


class AdminLoginPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.username = field(page, "审核员账号")
        self.password = field(page, "密码", exact=True)
        self.submit_button = action(page, "登录")

    def open(self) -> None:
        self.page.goto(path("admin_login"))

    def log_in(self, username: str, password: str) -> None:
        self.username.fill(username)
        self.password.fill(password)
        self.submit_button.click()


class AdminQueuePage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = heading(page, "待审核事项")
        # Its caption names it; a portal that titles it otherwise still shows its columns.
        self.table = (
            page.get_by_role("table", name="待审核事项列表").or_(table_with(page, "编号", "承诺办结日期")).first
        )

    def open(self) -> None:
        self.page.goto(path("admin"))

    def message(self, text: str):
        return shown_message(self.page, text)

    def open_review(self, title: str) -> None:
        row = self.table.get_by_role("row").filter(has_text=title)
        action(row, f"审核 {title}").or_(action(row, "审核")).first.click()


class AdminReviewPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.reason = field(page, "审核意见")
        self.approve_button = action(page, "审核通过", exact=False)
        self.reject_button = action(page, "驳回", exact=False)

    def document(self, slot: str):
        """The download link of the document uploaded in `slot` (证件正面 / 证件反面)."""
        return action(self.page, slot, exact=False)

    def approve(self, remark: str = "") -> None:
        if remark:
            self.reason.fill(remark)
        self.approve_button.click()

    def reject(self, reason: str) -> None:
        self.reason.fill(reason)
        self.reject_button.click()


@dataclass
class BackOffice:
    """The reviewer's own browser (a second context), with its pages."""

    login: AdminLoginPage
    queue: AdminQueuePage
    review: AdminReviewPage
