"""找回密码: 登录名重置密码 by SMS code, and the 自然人 / 单位法人用户 appeals (申诉找回密码)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, then, when

import support.recovery_personas  # noqa: F401  (registers the recovery personas)
from pages.frame import PortalFrame
from pages.login_page import LoginPage
from pages.recovery_appeal_page import AppealPage
from pages.recovery_choice_page import RecoveryChoicePage
from pages.recovery_reset_page import ResetLookupPage, ResetPasswordPage
from support import documents, factories
from support.fixtures import sign_in
from support.parsing import phrase
from support.working_days import add_working_days, chinese_date

CODE = re.compile(r"验证码为(\d{6})")
CREDENTIALS = re.compile(r"登录名：(?P<login>[^，]+)，新密码：(?P<password>[^，]+)，")


@dataclass
class Appeal:
    phone: str
    title: str
    agent_name: str = ""


@pytest.fixture
def recovery_choice_page(page) -> RecoveryChoicePage:
    return RecoveryChoicePage(page)


@pytest.fixture
def reset_lookup_page(page) -> ResetLookupPage:
    return ResetLookupPage(page)


@pytest.fixture
def reset_password_page(page) -> ResetPasswordPage:
    return ResetPasswordPage(page)


@pytest.fixture
def appeal_page(page) -> AppealPage:
    return AppealPage(page)


def latest_sms(api, phone: str) -> str:
    messages = api.sms(phone)
    assert messages, f"手机号 {phone} 没有收到短信"
    return messages[-1]["text"]


def latest_code(api, phone: str) -> str:
    found = CODE.search(latest_sms(api, phone))
    assert found, f"手机号 {phone} 最近的短信不含验证码"
    return found.group(1)


# -- 忘记密码 ---------------------------------------------------------------------------------

@when("我在登录页点击忘记密码")
def when_forgot_password(login_page: LoginPage):
    login_page.open()
    login_page.forgot_password()


@when(phrase('我选择找回方式"{way}"'))
def when_choose_way(recovery_choice_page: RecoveryChoicePage, way):
    recovery_choice_page.choose(way)


@then(phrase('页面提供"{first}"、"{second}"和"{third}"三种找回方式'))
def then_three_ways(recovery_choice_page: RecoveryChoicePage, first, second, third):
    expect(recovery_choice_page.heading).to_be_visible()
    for way in (first, second, third):
        expect(recovery_choice_page.way(way)).to_be_visible()


@then(phrase('我来到"{title}"页面'))
def then_on_recovery_page(frame: PortalFrame, title):
    expect(frame.heading).to_have_text(title)


# -- 登录名重置密码 ---------------------------------------------------------------------------

@when("我输入该账号的登录名并点击下一步")
def when_look_up_account(reset_lookup_page: ResetLookupPage, account):
    reset_lookup_page.look_up(account.login_name)


@when("我输入一个不存在的登录名并点击下一步")
def when_look_up_unknown(reset_lookup_page: ResetLookupPage):
    reset_lookup_page.look_up(factories.unique("nobody"))


@then(phrase('页面提供申诉入口"{link}"'))
def then_appeal_link_offered(reset_lookup_page: ResetLookupPage, link):
    expect(reset_lookup_page.appeal_link(link)).to_be_visible()


@when(phrase('我点击申诉入口"{link}"'))
def when_follow_appeal_link(reset_lookup_page: ResetLookupPage, link):
    reset_lookup_page.appeal_link(link).click()


@then("页面显示该账号打码后的预留手机号")
def then_masked_phone(reset_password_page: ResetPasswordPage, account):
    expect(reset_password_page.masked_phone).to_have_text(account.phone[:3] + "****" + account.phone[-4:])


@when("我获取重置密码的短信验证码")
def when_request_reset_code(reset_password_page: ResetPasswordPage):
    reset_password_page.request_code()


@then("该账号的预留手机号收到了6位短信验证码")
def then_reserved_phone_got_code(api, account):
    assert CODE.search(latest_sms(api, account.phone)), "预留手机号应收到6位验证码"


@when(phrase('我填写短信验证码并把新密码设为"{password}"'))
def when_reset_with(reset_password_page: ResetPasswordPage, api, account, password):
    reset_password_page.reset(latest_code(api, account.phone), password)


@when("我填写短信验证码并设置一个符合规则的新密码", target_fixture="account")
def when_reset_compliant(reset_password_page: ResetPasswordPage, api, account):
    new = factories.new_password()
    reset_password_page.reset(latest_code(api, account.phone), new)
    account.password = new
    return account


@given("该账号已在另一个浏览器中登录", target_fixture="other_page")
def given_signed_in_elsewhere(new_context, target, account):
    other = new_context()
    sign_in(other, target, account.login_name)
    other_page = other.new_page()
    other_page.goto("/")
    return other_page


@when("另一个浏览器刷新页面")
def when_other_reloads(other_page):
    other_page.reload()


@then("另一个浏览器中该账号已退出登录")
def then_other_logged_out(other_page):
    elsewhere = PortalFrame(other_page)
    expect(elsewhere.login_link).to_be_visible()
    expect(elsewhere.current_user).to_have_count(0)


# -- 申诉找回密码 -----------------------------------------------------------------------------

@when("我为该账号填写自然人申诉信息，用一个新手机号获取短信验证码", target_fixture="appeal")
def when_fill_natural_appeal(appeal_page: AppealPage, account):
    phone = factories.new_phone()
    appeal_page.fill_person(account.name, account.id_number)
    appeal_page.request_code(phone)
    return Appeal(phone, f"自然人申诉找回密码：{account.name}")


@when(phrase("我为该账号填写法人申诉信息，单位名称填{which}，主代办人填{who}，用一个新手机号获取短信验证码"),
      target_fixture="appeal")
def when_fill_legal_appeal(appeal_page: AppealPage, account, which, who):
    unit_name = {"注册时的名称": account.unit_name,
                 "变更后的名称": getattr(account, "new_unit_name", "")}[which]
    agent = factories.Person() if who == "单位的另一名员工" else None
    agent_name = agent.name if agent else account.name
    agent_id = agent.id_number if agent else factories.Person().id_number
    phone = factories.new_phone()
    appeal_page.fill_unit(unit_name, account.credit_code, agent_name, agent_id)
    appeal_page.request_code(phone)
    return Appeal(phone, f"单位法人用户申诉找回密码：{unit_name}", agent_name)


@when("我上传身份证件正反面照片并提交申诉")
def when_submit_natural_documents(appeal_page: AppealPage, api, appeal: Appeal):
    appeal_page.attach(documents.png_file("身份证正面.png"), documents.png_file("身份证反面.png"))
    appeal_page.submit(latest_code(api, appeal.phone))


@when("我在证件正面上传签字盖章的证件正反面复印件，在证件反面上传盖公章的变更声明，并提交申诉")
def when_submit_legal_documents(appeal_page: AppealPage, api, appeal: Appeal):
    appeal_page.attach(documents.pdf_file("证件正反面复印件（本人签字盖章）.pdf", "ID copy signed and sealed"),
                       documents.pdf_file("公司变更声明（盖公章）.pdf", "Change statement sealed"))
    appeal_page.submit(latest_code(api, appeal.phone))


@then("页面显示申诉审核中，承诺1-2个工作日并给出预计办结日期")
def then_appeal_pending(frame: PortalFrame, api):
    today = dt.datetime.fromisoformat(api.get("/clock")["now"]).date()
    expect(frame.status).to_contain_text("审核中")
    expect(frame.status).to_contain_text("1-2个工作日")
    expect(frame.status).to_contain_text(f"预计{chinese_date(add_working_days(today, 2))}前")


@then("该账号没有提交任何申诉")
def then_no_appeal(api, account):
    assert api.reviews(account_id=account.id) == [], "单位名称不匹配时不应生成申诉"


def _pending_appeal(api, account) -> dict:
    pending = [r for r in api.reviews(account_id=account.id) if r["status"] == "pending"]
    assert pending, "该账号没有待审核的申诉"
    return pending[-1]


@when(phrase("平台在{days}个工作日后审核通过该申诉"))
def when_platform_approves(api, account, days):
    api.advance_clock(working_days=int(days))
    api.decide(_pending_appeal(api, account)["id"], True)


@when(phrase('平台驳回该申诉，原因为"{reason}"'))
def when_platform_rejects(api, account, reason):
    api.decide(_pending_appeal(api, account)["id"], False, reason)


@then("申诉时填写的手机号收到了含登录名和新密码的短信")
def then_credentials_sms(api, account, appeal: Appeal):
    found = CREDENTIALS.search(latest_sms(api, appeal.phone))
    assert found, "审核通过的短信应包含登录名和新密码"
    assert found["login"] == account.login_name


@then(phrase('申诉时填写的手机号收到了驳回原因"{reason}"的短信'))
def then_rejection_sms(api, appeal: Appeal, reason):
    assert f"原因：{reason}" in latest_sms(api, appeal.phone)


@when(phrase("我用短信中的登录名和新密码以{kind}身份登录"), target_fixture="account")
def when_log_in_with_sms_credentials(login_page: LoginPage, captcha_solver, api, account, appeal: Appeal, kind):
    found = CREDENTIALS.search(latest_sms(api, appeal.phone))
    login_page.open()
    login_page.log_in(kind, found["login"], found["password"], captcha_solver())
    account.password = found["password"]
    return account


@then(phrase('我已登录，当前用户为申诉时填写的主代办人，用户类型为"{kind}"'))
def then_logged_in_as_agent(frame: PortalFrame, appeal: Appeal, kind):
    expect(frame.current_user).to_have_text(appeal.agent_name)
    expect(frame.user_type).to_have_text(kind)
