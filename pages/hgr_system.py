"""人类遗传资源管理系统: the landing page (申报事项, 项目列表, 新建项目), the refusal with the online
filing instructions, 备份号匹配, and the migration / transfer request forms."""

from playwright.sync_api import Locator, Page

from pages.frame import action, content_of, field
from pages.tables import table_with
from support.target.routes import path


class HgrLandingPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        # Its caption names it; a portal that titles it otherwise still shows its columns.
        self.projects = page.get_by_role("table", name="项目列表").or_(table_with(page, "项目编号", "项目名称")).first
        self.new_project_link = action(page, "新建项目", exact=False)
        self.filing_button = action(page, "提交报备申请", exact=False)
        self.unit_choices = action(page, "进入", exact=False)

    def open(self) -> None:
        self.page.goto(path("hgr"))

    def acting_unit(self, unit_name: str) -> Locator:
        """ "办理单位：<单位>": the unit the user acts for in the system."""
        return self.page.get_by_text(f"办理单位：{unit_name}")

    def unit_choice(self, unit_name: str) -> Locator:
        """选择单位名称: the choice to act for this unit: its 进入 (named "以“<单位>”进入" for screen readers
        when the portal says so; else the 进入 of the item that shows the unit's name)."""
        item = self.page.get_by_role("listitem").filter(has=self.page.get_by_text(unit_name, exact=True))
        return action(self.page, f"以“{unit_name}”进入", exact=False).or_(action(item, "进入")).first

    def choose_unit(self, unit_name: str) -> None:
        self.unit_choice(unit_name).click()

    def matter(self, name: str) -> Locator:
        """A 申报事项 the landing page offers (shown under the system's title)."""
        return content_of(self.page).get_by_text(name, exact=True).filter(visible=True).first

    def project_row(self, text: str) -> Locator:
        return self.projects.get_by_role("row").filter(has_text=text)

    def start_new_project(self) -> None:
        self.new_project_link.click()

    def open_project(self, name: str) -> None:
        action(self.project_row(name), "查看", exact=False).first.click()

    def request_filing(self) -> None:
        self.filing_button.click()

    def _under(self, title: str) -> Locator:
        """The page's content, when it shows a heading of this name (at any level)."""
        return content_of(self.page).filter(has=self.page.get_by_role("heading", name=title, exact=True))

    def materials_item(self, text: str) -> Locator:
        """An item of the 办理材料 list shown to a unit that has not filed."""
        return self._under("开通网上申报系统（报备）").get_by_role("listitem").filter(has_text=text)

    def window_fact(self, text: str) -> Locator:
        """Address, postcode or phone of the 遗传办窗口."""
        return self._under("遗传办窗口").get_by_text(text).filter(visible=True).first


class HgrBackupPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.number = field(page, "备份号")
        self.match_button = action(page, "匹配", exact=False)

    def open(self) -> None:
        self.page.goto(path("hgr_backup"))

    def match(self, number: str) -> None:
        self.number.fill(number)
        self.match_button.click()


class HgrMigrationPage:
    """项目迁移申请（单位名称变更）."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.numbers = field(page, "项目编号")
        self.login_name = field(page, "自然人账号（登录名）")
        self.old_name = field(page, "原单位名称")
        self.new_name = field(page, "变更后单位名称")
        self.submit_button = action(page, "提交迁移申请", exact=False)

    def open(self) -> None:
        self.page.goto(path("hgr_migration"))

    def request(self, numbers: list[str], login_name: str, old_name: str, new_name: str) -> None:
        self.numbers.fill(",".join(numbers))
        self.login_name.fill(login_name)
        self.old_name.fill(old_name)
        self.new_name.fill(new_name)
        self.submit_button.click()


class HgrTransferPage:
    """项目移送申请（员工离职）."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.from_login = field(page, "离职员工账号（登录名）")
        self.to_login = field(page, "在职员工账号（登录名）")
        self.submit_button = action(page, "提交移送申请", exact=False)

    def open(self) -> None:
        self.page.goto(path("hgr_transfer"))

    def request(self, from_login: str, to_login: str) -> None:
        self.from_login.fill(from_login)
        self.to_login.fill(to_login)
        self.submit_button.click()
