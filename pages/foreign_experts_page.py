"""外国专家项目管理信息系统: the unit's registration (归口单位 review) and the landing page with the
unit's earlier records (以前的办理信息)."""

from playwright.sync_api import Page

from pages.frame import action, field
from pages.tables import table_with
from support.target.routes import path


class ForeignExpertsPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.competent_unit = field(page, "归口单位")
        self.contact_name = field(page, "单位联系人")
        self.contact_phone = field(page, "联系电话")
        self.submit_button = action(page, "提交注册", exact=False)
        # Named by its heading when the portal links them (aria-labelledby / caption); else the table with
        # the records' columns.
        self.records = page.get_by_role("table", name="以前的办理信息").or_(table_with(page, "业务名称", "办理状态"))

    def open(self) -> None:
        self.page.goto(path("foreign_experts"))

    def register(self, competent_unit: str, contact_name: str, contact_phone: str) -> None:
        self.competent_unit.select_option(competent_unit)
        self.contact_name.fill(contact_name)
        self.contact_phone.fill(contact_phone)
        self.submit_button.click()
