"""服务事项: the catalogue (主办单位, 事项编码, 关注, 办理入口) and a business system's landing page."""
import re

from playwright.sync_api import Locator, Page

from support.routes import path


class ServicesPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.search_box = page.get_by_label("您要办理什么业务")
        self.search_button = page.get_by_role("button", name="搜索", exact=True)
        self.items = page.get_by_role("main").get_by_role("region")

    def open(self) -> None:
        self.page.goto(path("services"))

    def item(self, system: str) -> Locator:
        return self.page.get_by_role("region", name=system, exact=True)

    def entry(self, system: str) -> Locator:
        return self.item(system).get_by_role("link", name="办理入口")

    def follow_button(self, system: str) -> Locator:
        return self.item(system).get_by_role("button", name=re.compile("^(关注|取消关注)$"))

    def search(self, keyword: str) -> None:
        self.search_box.fill(keyword)
        self.search_button.click()

    def enter(self, system: str) -> None:
        self.entry(system).click()

    def toggle_follow(self, system: str) -> None:
        self.follow_button(system).click()


class SystemLandingPage:
    """The page a 办理入口 leads to: the system's name, the acting unit and role, or a refusal."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def role_line(self, role: str) -> Locator:
        return self.page.get_by_text(f"当前角色：{role}", exact=True)

    def reload(self) -> None:
        self.page.reload()
