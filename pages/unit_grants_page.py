"""我的信息 → 法人(单位)授权办理情况 of a natural person, and a unit's 授权信息 (查看)."""
from playwright.sync_api import Locator, Page


class UnitGrantsPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.units = page.get_by_role("table", name="单位授权办理情况")
        self.details = page.get_by_role("table", name="授权信息")

    def open(self) -> None:
        self.page.goto("/online/info/units")

    def unit_row(self, unit_name: str) -> Locator:
        return self.units.get_by_role("row").filter(has_text=unit_name)

    def view(self, unit_name: str) -> None:
        self.unit_row(unit_name).get_by_role("link", name="查看").click()

    def detail_row(self, system: str) -> Locator:
        return self.details.get_by_role("row").filter(has_text=system)
