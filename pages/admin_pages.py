"""后台审核 (/admin): reviewer login, the queue of pending reviews, one review and its decision."""

from playwright.sync_api import Page

from pages.frame import shown_message
from support.routes import path


class AdminLoginPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.username = page.get_by_label("审核员账号")
        self.password = page.get_by_label("密码", exact=True)
        self.submit_button = page.get_by_role("button", name="登录", exact=True)

    def open(self) -> None:
        self.page.goto(path("admin_login"))

    def log_in(self, username: str, password: str) -> None:
        self.username.fill(username)
        self.password.fill(password)
        self.submit_button.click()


class AdminQueuePage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="待审核事项", exact=True)
        self.table = page.get_by_role("table", name="待审核事项列表")  # its caption

    def open(self) -> None:
        self.page.goto(path("admin"))

    def message(self, text: str):
        return shown_message(self.page, text)

    def open_review(self, title: str) -> None:
        row = self.table.get_by_role("row").filter(has_text=title)
        row.get_by_role("link", name=f"审核 {title}", exact=True).or_(
            row.get_by_role("link", name="审核", exact=True)
        ).first.click()


class AdminReviewPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.reason = page.get_by_label("审核意见")
        self.approve_button = page.get_by_role("button", name="审核通过")
        self.reject_button = page.get_by_role("button", name="驳回")

    def document(self, slot: str):
        """The download link of the document uploaded in `slot` (证件正面 / 证件反面)."""
        return self.page.get_by_role("link", name=slot)

    def approve(self, remark: str = "") -> None:
        if remark:
            self.reason.fill(remark)
        self.approve_button.click()

    def reject(self, reason: str) -> None:
        self.reason.fill(reason)
        self.reject_button.click()
