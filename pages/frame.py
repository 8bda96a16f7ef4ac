"""The page frame every portal page shares: header, main navigation, user bar, footer."""
from playwright.sync_api import Page


class PortalFrame:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.navigation = page.get_by_role("navigation", name="主导航")
        self.user_bar = page.get_by_label("用户信息")
        self.current_user = page.get_by_test_id("current-user")
        self.user_type = page.get_by_test_id("user-type")
        self.logout_button = page.get_by_role("button", name="退出登录")
        self.login_link = page.get_by_role("link", name="用户登录")
        self.alert = page.get_by_role("alert")
        self.status = page.get_by_role("status")
        self.heading = page.get_by_role("heading", level=1)
        self.main = page.get_by_role("main")

    def go_to(self, menu: str) -> None:
        """Follow one of 首页 服务事项 办事咨询 在线办事 结果公示."""
        self.navigation.get_by_role("link", name=menu, exact=True).click()

    def log_out(self) -> None:
        """退出登录 posts a form and lands on the login page; wait for that landing, so a next
        navigation cannot interrupt the logout's own redirect (seen in Firefox)."""
        self.logout_button.click()
        self.page.wait_for_url("**/login?reason=logout")

    def open_home(self) -> None:
        self.page.goto("/")
