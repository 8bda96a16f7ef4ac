"""服务事项: the catalogue (主办单位, 事项编码, 关注, 办理入口) and a business system's landing page."""

import re

from playwright.sync_api import Locator, Page

from pages.frame import action, content_of, field
from support.target.routes import path


class ServicesPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.search_box = field(page, "您要办理什么业务")
        self.search_button = action(page, "搜索")
        # The services listed: each is titled by a heading of its own under the page's 服务事项.
        self.items = content_of(page).get_by_role("heading").filter(has_not_text="服务事项")

    def open(self) -> None:
        self.page.goto(path("services"))

    def _title(self, system: str) -> Locator:
        return self.page.get_by_role("heading", name=system, exact=True)

    def _block(self, system: str, holding: str) -> Locator:
        """The service's own block, as a user sees it: the part of the list under its title that also
        shows `holding` (a link or button text), with no other service's title in it."""
        others = self.page.get_by_role("heading").filter(has_not_text=system)
        shown = self.page.get_by_text(re.compile(re.escape(system) + r"[\s\S]*" + holding))
        return shown.filter(has=self._title(system)).filter(has_not=others)

    def item(self, system: str) -> Locator:
        """The service as listed: its title and what is shown with it (主办单位, 事项编码, links…)."""
        return self._block(system, "主办单位")

    def entry(self, system: str) -> Locator:
        return action(self._block(system, "办理入口"), "办理入口")

    def follow_button(self, system: str) -> Locator:
        return action(self._block(system, "(关注|取消关注)"), re.compile("^(关注|取消关注)$"))

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
        # A real button (a form that posts), not a link styled as one: the role is the point of the check.
        self.entry_button = page.get_by_role("button", name="办理入口", exact=True)

    def enter(self) -> None:
        self.entry_button.click()

    def role_line(self, role: str) -> Locator:
        return self.page.get_by_text(f"当前角色：{role}", exact=True)

    def reload(self) -> None:
        self.page.reload()
