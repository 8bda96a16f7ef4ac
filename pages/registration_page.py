"""用户注册 (自然人注册 / 法人注册) with the SMS code, and 检索已注册账号."""

from playwright.sync_api import Page

from pages.frame import action, field
from support.target.routes import path


class RegistrationPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.login_name = field(page, "登录名")
        self.password = field(page, "密码", exact=True)
        self.confirm_password = field(page, "确认密码")
        self.name = field(page, "姓名", exact=True)
        self.id_type = field(page, "证件类型")
        self.id_number = field(page, "证件号码")
        self.phone = field(page, "手机号", exact=True)
        self.unit_name = field(page, "单位名称")
        self.credit_code = field(page, "统一社会信用代码")
        self.unit_type = field(page, "单位类型")
        self.agent_name = field(page, "主代办人姓名")
        self.agent_phone = field(page, "主代办人手机号")
        self.sms_code = field(page, "短信验证码")
        self.send_code_button = action(page, "获取短信验证码", exact=False)
        self.register_button = action(page, "注册")
        self.lookup_query = field(page, "登录名或证件号码")
        self.lookup_button = action(page, "检索", exact=False)

    def open(self, kind: str) -> None:
        """kind: 自然人 or 法人."""
        self.page.goto(path("register_natural" if kind == "自然人" else "register_legal"))

    def fill_person(self, login_name: str, name: str, id_number: str, phone: str) -> None:
        self.login_name.fill(login_name)
        self.name.fill(name)
        self.id_type.select_option("居民身份证")
        self.id_number.fill(id_number)
        self.phone.fill(phone)

    def fill_unit(self, unit_name: str, credit_code: str, agent_name: str, phone: str, login_name: str) -> None:
        self.unit_name.fill(unit_name)
        self.credit_code.fill(credit_code)
        self.unit_type.select_option("企业法人")
        self.agent_name.fill(agent_name)
        self.agent_phone.fill(phone)
        self.login_name.fill(login_name)

    def request_code(self) -> None:
        with self.page.expect_navigation():  # the page comes back with the notice
            self.send_code_button.click()

    def submit(self, password: str, code: str) -> None:
        """Passwords are typed last: the page never sends them back after 获取短信验证码."""
        self.password.fill(password)
        self.confirm_password.fill(password)
        self.sms_code.fill(code)
        self.register_button.click()

    def look_up(self, query: str) -> None:
        self.page.goto(path("register_lookup"))
        self.lookup_query.fill(query)
        self.lookup_button.click()
