"""在线办事 → 我的信息: the tabs, 自然人用户信息, 法人单位基本信息 (法定代表人信息), 法人单位其他信息,
主代办人信息 and the 实名认证 status with its 上传…信息 page."""

from playwright.sync_api import Locator, Page, Response

from pages.frame import action, field
from support.target.routes import path

# The tabs and the route each one shows (support/target/routes.py); 我的信息 opens on the first.
TABS = {
    "自然人用户信息": "my_info",
    "法人单位基本信息": "my_info",
    "法人单位其他信息": "my_info_other",
    "主代办人信息": "my_info_agent",
    "信息更新记录": "my_info_log",
}


class MyInfoPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.tabs = page.get_by_role("navigation", name="我的信息")
        self.change_password_link = action(page, "修改密码", exact=False)
        self.save_button = action(page, "保存", exact=False)
        self.realname_state = page.get_by_role("region", name="实名认证状态").get_by_role("strong")
        self.realname_section = page.get_by_role("region", name="实名认证状态")
        self.current_password = field(page, "当前密码")
        self.representative = page.get_by_role("group", name="法定代表人信息")
        self.rep_type = field(self.representative, "类型", exact=True)
        self.rep_continent = field(self.representative, "所属大洲")
        self.updates = page.get_by_role("table")

    def update_row(self, section: str) -> Locator:
        """The newest 信息更新记录 row of this section (自然人用户信息, 主代办人信息 …)."""
        return self.updates.get_by_role("row").filter(has_text=section).first

    def open_by_address(self) -> Response | None:
        """我的信息 straight from the address bar (a bookmark); the response, to read its headers."""
        return self.page.goto(path("my_info"))

    def open(self, tab: str = "自然人用户信息") -> None:
        """From the main navigation: 在线办事 → 我的信息 → the tab."""
        self.page.goto(path("online"))
        action(self.page, "我的信息", exact=False).click()
        if TABS[tab] != "my_info":
            action(self.tabs, tab, exact=False).click()

    def field(self, label: str):
        return field(self.page, label, exact=True)

    def fill(self, values: dict[str, str]) -> None:
        """Text fields are filled, drop-down lists chosen, by their labels."""
        for label, value in values.items():
            box = self.field(label)
            if box.evaluate("e => e.tagName") == "SELECT":
                box.select_option(value)
            else:
                box.fill(value)

    def save(self) -> None:
        self.save_button.click()

    def upload_documents(self, entry: str, slot: str, files: list[dict]) -> None:
        """上传自然人信息 / 上传法人信息 / 上传主代办人信息 (`entry`): choose the files, 提交审核."""
        action(self.realname_section, entry, exact=False).click()
        field(self.page, slot).set_input_files(files)
        action(self.page, "提交审核", exact=False).click()
