"""授权法人(单位)基本信息 / 其他信息, maintained by a natural person holding the unit's 管理员 role."""

from playwright.sync_api import Locator, Page

from pages.frame import action, field, section

SELECTS = {"法定代表人类型", "单位性质", "外资来源地", "所得税征收方式", "企业类型"}


class TorchUnitInfoPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.basic_section = section(page, "授权法人(单位)基本信息")
        self.other_section = section(page, "授权法人(单位)其他信息")
        self.save_button = action(page, "保存")

    def field(self, label: str) -> Locator:
        return field(self.page, label, exact=True)

    def set_value(self, label: str, value: str) -> None:
        if label in SELECTS:
            self.field(label).select_option(value)
        else:
            self.field(label).fill(value)

    def save(self) -> None:
        self.save_button.click()


class LegalOtherInfoPage(TorchUnitInfoPage):
    """我的信息 → 法人单位其他信息 of a legal account (the page 前往完善信息 leads to): same labels."""
