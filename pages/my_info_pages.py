"""在线办事 → 我的信息: the tabs, 自然人用户信息, 法人单位基本信息 (法定代表人信息), 法人单位其他信息,
主代办人信息 and the 实名认证 status with its 上传…信息 page."""

import re
from urllib.parse import urlsplit

from playwright.sync_api import Locator, Page, Response

from pages.frame import action, content_of, field, label_and_value, landmark, section
from support.target.routes import path, without_query

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
        self.tabs = landmark(page, "navigation", "我的信息")
        self.change_password_link = action(page, "修改密码", exact=False)
        self.save_button = action(page, "保存", exact=False)
        content = content_of(page)
        # "实名认证状态：审核中" as the page shows it; check it with realname_state_is.
        self.realname_line = content.get_by_text(re.compile(r"^\s*实名认证状态\s*[:：]"))
        # The review promise under it. Visible only: the folded 实名认证指南 quotes the same 1-2个工作日.
        self.realname_promise = content.get_by_text("1-2个工作日").filter(visible=True).last
        self.content = content
        self.current_password = field(page, "当前密码")
        self.representative = section(page, "法定代表人信息")
        self.rep_type = field(self.representative, "类型", exact=True)
        self.rep_continent = field(self.representative, "所属大洲")
        self.updates = page.get_by_role("table")

    @staticmethod
    def realname_state_is(text: str) -> re.Pattern:
        """What realname_line reads when the state shown is `text`."""
        return label_and_value("实名认证状态", text)

    def update_row(self, section: str) -> Locator:
        """The newest 信息更新记录 row of this section (自然人用户信息, 主代办人信息 …)."""
        return self.updates.get_by_role("row").filter(has_text=section).first

    def open_by_address(self) -> Response | None:
        """我的信息 straight from the address bar (a bookmark); the response, to read its headers."""
        return self.page.goto(path("my_info"))

    def open(self, tab: str = "自然人用户信息") -> None:
        """From the main navigation: 在线办事 → 我的信息 → the tab; returns once the tab's page has loaded,
        its scripts included (法人单位基本信息 stops asking for 所属大洲 when 类型 is 中华人民共和国大陆地区 only
        once its script runs: a step that chose 类型 before that found 所属大洲 disabled a moment later)."""
        self.page.goto(path("online"))
        action(self.page, "我的信息", exact=False).click()
        if TABS[tab] != "my_info":
            action(self.tabs, tab, exact=False).first.click()
        tab_path = without_query(TABS[tab])
        self.page.wait_for_url(lambda url: urlsplit(url).path == tab_path)  # and its load event

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
        action(self.content, entry, exact=False).click()
        field(self.page, slot).set_input_files(files)
        action(self.page, "提交审核", exact=False).click()
