"""实名认证 (FAQ-1.8.1–1.8.5): the mock identity registry, the automatic check on saving 我的信息,
the 上传…信息 upload to manual review, the back office decision and its SMS, and identities
already bound to another account."""

import datetime as dt
import random
import secrets

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.frame import PortalFrame
from pages.frame import action as named_action  # the step names its parameter "action"
from pages.my_info_pages import MyInfoPage
from support.data import documents, factories, identity
from support.data.personas import Actor, legal_actor, persona, seed_natural
from support.data.working_days import add_working_days, chinese_date
from support.gherkin.parsing import param_type, phrase
from support.run.fixtures import sign_in

_rng = random.Random(secrets.randbits(64))
SUBJECTS = {"自然人": "realname_natural", "法人": "realname_legal", "主代办人": "realname_agent"}
UPLOAD_SLOTS = {
    "上传自然人信息": "身份证件扫描件",
    "上传法人信息": "营业执照（统一社会信用代码证书）扫描件",
    "上传主代办人信息": "主代办人身份证件扫描件",
}
MAINLAND = "中华人民共和国大陆地区"
REGISTRY_SUBJECTS = ("该账号本人", "该单位主代办人", "该单位")  # whose identity the mock registry holds
BOUND_VALUES = {"证件号码": "id_number", "单位名称": "unit_name", "统一社会信用代码": "credit_code"}
param_type("实名认证主体", lambda: SUBJECTS, origin="steps/realname.py 的 SUBJECTS")
param_type("上传入口", lambda: UPLOAD_SLOTS, origin="steps/realname.py 的 UPLOAD_SLOTS")
param_type("核验对象", REGISTRY_SUBJECTS, origin="steps/realname.py 的 REGISTRY_SUBJECTS")
param_type("已绑定的信息", lambda: BOUND_VALUES, origin="steps/realname.py 的 BOUND_VALUES")


@persona("待实名的自然人账号")
def _natural_to_verify(api) -> Actor:
    return seed_natural(api, realname_status="none", id_number=None)


@persona("待实名的法人账号")
def _legal_to_verify(api) -> Actor:
    unit = factories.LegalUnit()
    spec = factories.legal_spec(unit, realname_status="none", profile={})
    spec["unit"].update(
        realname_status="none", basic_info={"法定代表人类型": MAINLAND, "法定代表人姓名": factories.Person().name}
    )
    return legal_actor(unit, api.seed_account(**spec))


@given(phrase("我用另一个{description:账号描述}登录平台"), target_fixture="me")
def given_signed_in_as_another(context, target, seeder, description):
    me = seeder.account(description)
    sign_in(context, target, me.login_name)
    return me


@pytest.fixture
def registered_unit() -> dict:
    """The 法人单位基本信息 fields that make the unit the one the identity registry means: {} on the mock
    (the registry is written for the unit as it is); on staging the claimed test unit's name and code
    (support/seeding/registry.py), entered by 我确认法人单位基本信息并保存."""
    return {}


@given(phrase("身份核验库中登记了{who:核验对象}的身份信息"), target_fixture="identity_number")
def given_registry_knows(seeder, account, registered_unit, who):
    if who == "该单位":
        registered_unit.update(seeder.registry_unit(account))
        return None
    return seeder.registry_person(account, "agent" if who == "该单位主代办人" else "natural")


@given(phrase("身份核验库中没有{who:核验对象}的身份信息"), target_fixture="identity_number")
def given_registry_does_not_know(who):
    return None if who == "该单位" else identity.new_id_number(_rng)


@when("我填写本人的身份证号并保存")
def when_fill_own_id_number(my_info: MyInfoPage, identity_number):
    my_info.fill({"证件号码": identity_number})
    my_info.save()


@when("我确认法人单位基本信息并保存")
def when_confirm_basic_info(my_info: MyInfoPage, registered_unit):
    if registered_unit:
        my_info.fill(registered_unit)
    my_info.save()


@when(phrase('我把"{label:已绑定的信息}"填为该账号已绑定的值并保存'))
def when_fill_bound_value(my_info: MyInfoPage, account, label):
    value = getattr(account, BOUND_VALUES[label])
    my_info.fill({label: value})
    my_info.save()


@then(phrase('实名认证状态为"{text}"'))
def then_realname_state(my_info: MyInfoPage, text):
    expect(my_info.realname_line).to_have_text(my_info.realname_state_is(text))


@then(phrase('页面提供"{action}"的入口'))
def then_upload_offered(my_info: MyInfoPage, action):
    expect(named_action(my_info.content, action, exact=False)).to_be_visible()


@when(phrase('我点击"{action:上传入口}"上传证件扫描件并提交审核'))
def when_upload_documents(my_info: MyInfoPage, action):
    my_info.upload_documents(action, UPLOAD_SLOTS[action], [documents.png_file("证件扫描件.png")])


@then("页面承诺在1-2个工作日内完成审核，并给出预计办结日期")
def then_promise_shown(frame: PortalFrame, my_info: MyInfoPage, api):
    today = api.today()
    expect(my_info.realname_promise).to_contain_text(f"预计{chinese_date(add_working_days(today, 2))}前")


def _pending(api, account: Actor, who: str) -> dict:
    kind = SUBJECTS[who]
    found = (
        api.reviews(kind=kind, unit_id=account.unit_id)
        if who == "法人"
        else api.reviews(kind=kind, account_id=account.id)
    )
    pending = [r for r in found if r["status"] == "pending"]
    assert pending, f"没有待审核的{who}实名认证申请"
    return pending[-1]


@when(phrase("平台在{days:整数}个工作日后审核通过该{who:实名认证主体}实名认证申请"), target_fixture="decided")
def when_approve_after(target, seeder, account, days, who):
    """The mock: its clock moves N working days, then the test API approves. A staging portal's clock cannot
    be moved and need not be: what approval does (the status, the SMS) does not depend on the day, so the
    reviewer named in the target file approves in 后台审核 now. The scenario that compares the decision's
    day with the promise (审核在承诺的期限内完成) carries @needs-clock."""
    if target.api is None:
        applicant = account.unit_name if who == "法人" else account.name
        seeder.decide_review(f"{who}实名认证：{applicant}", approve=True)
        return None
    target.api.advance_clock(working_days=int(days))
    return target.api.decide(_pending(target.api, account, who)["id"], True)


@when(phrase('平台驳回该{who:实名认证主体}实名认证申请，原因为"{reason}"'), target_fixture="decided")
def when_reject(target, seeder, account, who, reason):
    """The mock: through the test API. Staging: the reviewer named in the target file rejects it in
    后台审核, where the queue names it "<主体>实名认证：<单位名称 for 法人, else the person's name>"."""
    if target.api is None:
        applicant = account.unit_name if who == "法人" else account.name
        seeder.decide_review(f"{who}实名认证：{applicant}", approve=False, remark=reason)
        return None
    return target.api.decide(_pending(target.api, account, who)["id"], False, reason)


@then("审核在承诺的期限内完成")
def then_within_promise(api, decided):
    today = api.today()
    assert today <= dt.date.fromisoformat(decided["due_date"]), "审核应在承诺的1-2个工作日内完成"


@then(phrase('该账号的手机号收到短信"{text}"'))
def then_sms_received(sms_text, account, text):
    """The latest SMS to the account's phone (mock: its outbox; staging: the target's sms.text_command)."""
    latest = sms_text(account.phone)
    assert text in latest, f"手机号 {account.phone} 最近的短信不含“{text}”：{latest}"
