"""申诉找回密码 (自然人 / 单位法人用户): fill the appeal, verify the phone by SMS code, upload the
two documents, see 审核中 with the promised date, get the decision by SMS and log in with it."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import expect
from pytest_bdd import then, when

from pages.frame import PortalFrame
from pages.login_page import LoginPage
from pages.recovery_appeal_page import AppealPage
from support.data import documents, factories
from support.data.working_days import add_working_days, chinese_date
from support.gherkin.parsing import param_type, phrase
from support.target.sms_outbox import credentials_in

UNIT_NAMES = {"注册时的名称": "unit_name", "变更后的名称": "new_unit_name"}  # the account's attribute
AGENTS = ("当前主代办人", "单位的另一名员工")
param_type("申诉单位名称", lambda: UNIT_NAMES, origin="steps/recovery_appeals.py 的 UNIT_NAMES")
param_type("申诉主代办人", AGENTS, origin="steps/recovery_appeals.py 的 AGENTS")


@dataclass
class Appeal:
    """What the applicant typed that later steps need: the phone and the title the reviewer sees."""

    phone: str
    title: str
    agent_name: str = ""


@when("我为该账号填写自然人申诉信息，用一个新手机号获取短信验证码", target_fixture="appeal")
def when_fill_natural_appeal(appeal_page: AppealPage, account):
    phone = factories.new_phone()
    appeal_page.fill_person(account.name, account.id_number)
    appeal_page.request_code(phone)
    return Appeal(phone, f"自然人申诉找回密码：{account.name}")


@when(
    phrase(
        "我为该账号填写法人申诉信息，单位名称填{which:申诉单位名称}，主代办人填{who:申诉主代办人}，"
        "用一个新手机号获取短信验证码"
    ),
    target_fixture="appeal",
)
def when_fill_legal_appeal(appeal_page: AppealPage, account, which, who):
    unit_name = getattr(account, UNIT_NAMES[which], "")
    agent = factories.Person() if who == "单位的另一名员工" else None
    agent_name = agent.name if agent else account.name
    agent_id = agent.id_number if agent else factories.Person().id_number
    phone = factories.new_phone()
    appeal_page.fill_unit(unit_name, account.credit_code, agent_name, agent_id)
    appeal_page.request_code(phone)
    return Appeal(phone, f"单位法人用户申诉找回密码：{unit_name}", agent_name)


@when("我上传身份证件正反面照片并提交申诉")
def when_submit_natural_documents(appeal_page: AppealPage, sms_code, appeal: Appeal):
    appeal_page.attach(documents.png_file("身份证正面.png"), documents.png_file("身份证反面.png"))
    appeal_page.submit(sms_code(appeal.phone))


@when("我在证件正面上传签字盖章的证件正反面复印件，在证件反面上传盖公章的变更声明，并提交申诉")
def when_submit_legal_documents(appeal_page: AppealPage, sms_code, appeal: Appeal):
    appeal_page.attach(
        documents.pdf_file("证件正反面复印件（本人签字盖章）.pdf", "ID copy signed and sealed"),
        documents.pdf_file("公司变更声明（盖公章）.pdf", "Change statement sealed"),
    )
    appeal_page.submit(sms_code(appeal.phone))


@then("页面显示申诉审核中，承诺1-2个工作日并给出预计办结日期")
def then_appeal_pending(frame: PortalFrame, target):
    """Today by the portal's clock: the mock's through its test API; a staging portal's is the real one."""
    today = target.today()
    notice = frame.message("审核中")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("1-2个工作日")
    expect(notice).to_contain_text(f"预计{chinese_date(add_working_days(today, 2))}前")


@then("该账号没有提交任何申诉")
def then_no_appeal(seeder, account, appeal: Appeal):
    """The mock: the account has no review; staging: 后台审核's queue has no appeal under that title."""
    seeder.no_appeal(account, appeal.title)


def _pending_appeal(api, account) -> dict:
    pending = [r for r in api.reviews(account_id=account.id) if r["status"] == "pending"]
    assert pending, "该账号没有待审核的申诉"
    return pending[-1]


@when(phrase("平台在{days:整数}个工作日后审核通过该申诉"))
def when_platform_approves(target, seeder, account, appeal: Appeal, days):
    """The mock: its clock moves N working days, then the test API approves. A staging portal's clock
    cannot be moved: the reviewer named in the target file approves in 后台审核 now. Nothing the portal
    does on approval depends on the day (mock_portal/services/reviews.decide); scenarios that check a
    date against the promise (预计办结日期, 在承诺的期限内) carry @needs-clock and do not run there."""
    if target.api is None:
        seeder.decide_review(appeal.title, approve=True, remark="材料齐全，同意找回")
        return
    target.api.advance_clock(working_days=int(days))
    target.api.decide(_pending_appeal(target.api, account)["id"], True)


@when(phrase('平台驳回该申诉，原因为"{reason}"'))
def when_platform_rejects(target, seeder, account, appeal: Appeal, reason):
    """The mock: through the test API. Staging: the reviewer named in the target file, in 后台审核."""
    if target.api is None:
        seeder.decide_review(appeal.title, approve=False, remark=reason)
        return
    target.api.decide(_pending_appeal(target.api, account)["id"], False, reason)


@then("申诉时填写的手机号收到了含登录名和新密码的短信")
def then_credentials_sms(sms_text, account, appeal: Appeal):
    login_name, _password = credentials_in(sms_text(appeal.phone), appeal.phone)
    assert login_name == account.login_name, "短信中的登录名应为申诉找回的账号"


@then(phrase('申诉时填写的手机号收到了驳回原因"{reason}"的短信'))
def then_rejection_sms(sms_text, appeal: Appeal, reason):
    latest = sms_text(appeal.phone)
    assert f"原因：{reason}" in latest, f"申诉时填写的手机号最近的短信不含驳回原因：{latest}"


@when(phrase("我用短信中的登录名和新密码以{kind:用户类型}身份登录"), target_fixture="account")
def when_log_in_with_sms_credentials(login_page: LoginPage, captcha_solver, sms_text, account, appeal: Appeal, kind):
    login_name, password = credentials_in(sms_text(appeal.phone), appeal.phone)
    login_page.open()
    login_page.log_in(kind, login_name, password, captcha_solver())
    account.password = password
    return account


@then(phrase('我已登录，当前用户为申诉时填写的主代办人，用户类型为"{kind}"'))
def then_logged_in_as_agent(frame: PortalFrame, appeal: Appeal, kind):
    expect(frame.current_user(appeal.agent_name)).to_be_visible()
    expect(frame.user_type(kind)).to_be_visible()
