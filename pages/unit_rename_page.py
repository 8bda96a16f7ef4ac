"""我的信息 → 单位名称变更: a verified unit's new name with a stamped 变更声明, for the back office to approve."""

from playwright.sync_api import Page

from pages.frame import action, field, shown_message
from support.target.routes import path


class UnitRenamePage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.new_name = field(page, "变更后的单位名称")
        self.declaration = field(page, "单位名称变更声明（加盖公章）")
        self.submit_button = action(page, "提交变更申请", exact=False)

    def open(self) -> None:
        self.page.goto(path("my_info_rename"))

    def request(self, new_name: str, declaration: list[dict]) -> None:
        self.new_name.fill(new_name)
        self.declaration.set_input_files(declaration)
        self.submit_button.click()

    def message(self, text: str):
        return shown_message(self.page, text)
