"""在线办事 → 用户授权管理: 授权操作 (query a natural person, tick roles, 授权截止日期) and
授权用户管理 (修改 / 撤销)."""

from playwright.sync_api import Locator, Page

from pages.frame import action, field, section, shown_message
from pages.tables import cell, table_with
from support.target.routes import path


class AuthorizationPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.name = field(page, "姓名", exact=True)
        self.id_number = field(page, "证件号码", exact=True)
        self.query_button = action(page, "查询")
        self.results = table_with(page, "姓名", "证件类型", "证件号码")
        self.end_date = field(page, "授权截止日期")
        self.submit_button = action(page, "提交授权", exact=False)
        self.save_button = action(page, "保存修改", exact=False)
        self.management_tab = action(page, "授权用户管理")
        self.grants = table_with(page, "姓名", "授权系统", "授权角色")

    def open(self) -> None:
        self.page.goto(path("authorization"))

    def query(self, name: str, id_number: str = "") -> None:
        self.name.fill(name)
        self.id_number.fill(id_number)
        self.query_button.click()

    def result_rows(self, name: str) -> Locator:
        return self.results.get_by_role("row").filter(has_text=name)

    def choose(self, name: str) -> None:
        """授权 for the (single) found person of that name."""
        action(self.result_rows(name), "授权", exact=False).click()

    def system_roles(self, system: str) -> Locator:
        """The role choices offered for one system (the part of the page titled with its name)."""
        return section(self.page, system)

    def role_box(self, system: str, role: str) -> Locator:
        return self.system_roles(system).get_by_role("checkbox", name=role, exact=True)

    def tick(self, system: str, role: str) -> None:
        self.role_box(system, role).check()

    def submit(self) -> None:
        self.submit_button.click()

    def open_management(self) -> None:
        self.management_tab.click()

    def message(self, text: str) -> Locator:
        return shown_message(self.page, text)

    def grant_cell(self, name: str, system: str, header: str) -> Locator:
        return cell(self.grants, self.grant_row(name, system), header)

    def grant_row(self, name: str, system: str) -> Locator:
        return self.grants.get_by_role("row").filter(has_text=name).filter(has_text=system)

    def edit_address(self, name: str) -> str:
        """The address of the 修改 link on this person's grant in 授权用户管理 (a URL a user can copy)."""
        row = self.page.get_by_role("row").filter(has_text=name)
        return row.get_by_role("link", name="修改").first.get_attribute("href")

    def open_address(self, address: str) -> None:
        """A copied address, typed into the address bar."""
        self.page.goto(address)

    def open_grant_edit(self, grant_id: int) -> None:
        """A grant's 修改 page straight from the address bar, by the grant's id."""
        self.page.goto(path("authorization_grant_edit", id=grant_id))

    def edit(self, name: str, system: str) -> None:
        action(self.grant_row(name, system), "修改", exact=False).click()

    def set_roles(self, system: str, roles: list[str]) -> None:
        group = self.system_roles(system)
        for box in group.get_by_role("checkbox").all():
            box.uncheck()
        for role in roles:
            group.get_by_role("checkbox", name=role, exact=True).check()

    def set_end_date(self, iso_date: str) -> None:
        self.end_date.fill(iso_date)

    def save(self) -> None:
        self.save_button.click()

    def revoke(self, name: str, system: str) -> None:
        action(self.grant_row(name, system), "撤销", exact=False).click()
