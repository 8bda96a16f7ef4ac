"""自然人申诉找回密码 / 单位法人用户申诉找回密码: who, the phone and its SMS code, two documents."""

from playwright.sync_api import Page

from pages.frame import action, field
from support.target.routes import path

APPEAL_ROUTES = {"自然人": "appeal_natural", "法人": "appeal_legal"}


class AppealPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.name = field(page, "姓名", exact=True)
        self.id_number = field(page, "证件号码", exact=True)
        self.unit_name = field(page, "单位名称")
        self.credit_code = field(page, "统一社会信用代码")
        self.agent_name = field(page, "主代办人姓名")
        self.agent_id_number = field(page, "主代办人证件号码")
        self.phone = field(page, "手机号")
        self.code = field(page, "短信验证码")
        self.request_code_button = action(page, "获取验证码", exact=False)
        self.front = field(page, "证件正面")
        self.back = field(page, "证件反面")
        self.submit_button = action(page, "提交申诉", exact=False)

    def open(self, kind: str) -> None:
        """kind: 自然人 or 法人."""
        self.page.goto(path(APPEAL_ROUTES[kind]))

    def fill_person(self, name: str, id_number: str) -> None:
        self.name.fill(name)
        self.id_number.fill(id_number)

    def fill_unit(self, unit_name: str, credit_code: str, agent_name: str, agent_id_number: str) -> None:
        self.unit_name.fill(unit_name)
        self.credit_code.fill(credit_code)
        self.agent_name.fill(agent_name)
        self.agent_id_number.fill(agent_id_number)

    def request_code(self, phone: str) -> None:
        self.phone.fill(phone)
        with self.page.expect_navigation():  # the page comes back with the notice
            self.request_code_button.click()

    def attach(self, front: dict, back: dict) -> None:
        """front/back: file payloads (support/data/documents.py) for the 证件正面 / 证件反面 slots."""
        self.front.set_input_files(front)
        self.back.set_input_files(back)

    def submit(self, code: str) -> None:
        self.code.fill(code)
        self.submit_button.click()
