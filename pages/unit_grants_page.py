"""我的信息 → 法人(单位)授权办理情况 of a natural person, and a unit's 授权信息 (查看)."""

from playwright.sync_api import Locator, Page

from pages.frame import action
from pages.tables import cell, table_with
from support.target.routes import path


class UnitGrantsPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.units = table_with(page, "授权单位名称", "授权法人姓名")
        self.details = table_with(page, "授权系统", "授权角色")

    def open(self) -> None:
        self.page.goto(path("my_info_units"))

    def unit_row(self, unit_name: str) -> Locator:
        return self.units.get_by_role("row").filter(has_text=unit_name)

    def view(self, unit_name: str) -> None:
        action(self.unit_row(unit_name), "查看", exact=False).first.click()

    def unit_cell(self, unit_name: str, header: str) -> Locator:
        return cell(self.units, self.unit_row(unit_name), header)

    def detail_cell(self, system: str, header: str) -> Locator:
        return cell(self.details, self.detail_row(system), header)

    def detail_row(self, system: str) -> Locator:
        return self.details.get_by_role("row").filter(has_text=system)
