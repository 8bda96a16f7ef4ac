"""A service's 办事指南 page (主办单位, 事项编码, the guide sections and its own 办理入口): the way in
when the 服务事项 list itself is unusable, e.g. blank in an old browser."""

from playwright.sync_api import Page

from pages.frame import action, content_of
from support.target.routes import path

# The guide pages' routes (support/target/routes.py), by the service name users see.
GUIDE_ROUTES = {"人类遗传资源管理": "guide_hgr"}


class ServiceGuidePage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.entry_link = action(content_of(page), "办理入口", exact=False)

    def open(self, system: str) -> None:
        self.page.goto(path(GUIDE_ROUTES[system]))

    def enter(self) -> None:
        self.entry_link.click()
