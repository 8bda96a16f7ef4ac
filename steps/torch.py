"""火炬中心 (FAQ-3.x): migrated enterprise accounts, the 高企/中小 completeness gate with its
real-name popup, the 管理员 path of a collided account, and 火炬中心业务办理平台's business list."""

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.frame import action
from pages.torch_system_page import TorchSystemPage
from pages.torch_unit_info_page import LegalOtherInfoPage, TorchUnitInfoPage
from pages.unit_grants_page import UnitGrantsPage
from support.data import factories
from support.data.personas import Actor, persona, seed_legal, seed_natural
from support.gherkin.message_checks import expect_message
from support.gherkin.parsing import param_type, phrase
from support.target.routes import url_regex

TORCH_SYSTEMS = ["sme", "hnte", "torch"]
GAP_KEYS = {
    "法人单位基本信息": "basic_missing",
    "授权单位基本信息": "basic_missing",
    "法人单位其他信息": "other_missing",
    "授权单位其他信息": "other_missing",
    "主代办人信息": "agent_missing",
}
param_type("企业信息部分", lambda: GAP_KEYS, origin="steps/torch.py 的 GAP_KEYS")
# Values a user would pick for the Torch 其他信息 (every field required; "无" where not applicable).
OTHER_INFO = {
    "单位经营期限": "2016-11-11至长期",
    "所属行业1": "制造业",
    "所属行业2": "科学研究和技术服务业",
    "工商登记机关": "北京市海淀区市场监督管理局",
    "核准日期": "2016-11-11",
    "外资来源地": "无",
    "所得税征收方式": "查账征收",
    "企业类型": "有限责任公司",
}


def _torch_enterprise(api, realname: str) -> Actor:
    """A Torch Center account migrated as the unit's legal account: login name = credit code."""
    unit = factories.LegalUnit()
    unit.login_name = unit.credit_code
    actor = seed_legal(api, unit, realname_status=realname)
    api.seed_unit_info(actor.unit_id)
    return actor


@persona("由火炬中心迁移的企业账号", "信息完整的火炬中心企业账号")
def _torch_legal(api) -> Actor:
    return _torch_enterprise(api, "passed")


@persona("未实名的火炬中心企业账号")
def _torch_legal_unverified(api) -> Actor:
    return _torch_enterprise(api, "none")


def _collided(api, realname: str) -> Actor:
    """The unit already had a legal account, so the migrated Torch account became a natural
    person with the unit's 管理员 role in the Torch systems (login name still the credit code)."""
    existing = seed_legal(api)
    api.seed_unit_info(existing.unit_id)
    actor = seed_natural(api, factories.Person(login_name=existing.credit_code), realname_status=realname)
    api.seed_grants(actor.login_name, existing.unit_id, TORCH_SYSTEMS, roles=["管理员"], migration=True)
    actor.unit_id, actor.unit_name, actor.credit_code = existing.unit_id, existing.unit_name, existing.credit_code
    return actor


@persona("因数据冲突迁移为自然人的企业账号")
def _torch_collided(api) -> Actor:
    return _collided(api, "passed")


@persona("未实名的因数据冲突迁移为自然人的企业账号")
def _torch_collided_unverified(api) -> Actor:
    return _collided(api, "none")


@pytest.fixture
def unit_gaps() -> dict:
    return {}


@pytest.fixture
def unit_gap_steps() -> list:
    return []


@given(phrase('该企业的"{piece:企业信息部分}"缺少"{fields}"'), target_fixture="account")
def given_unit_gap(seeder, account, unit_gaps, unit_gap_steps, piece, fields):
    """Leaves those fields empty (、-separated; 实名认证 = not verified) and everything else complete
    (test API); on staging the scenario goes on with a pre-provisioned account in that state."""
    names = [f for f in fields.split("、") if f]
    key = GAP_KEYS[piece]
    if key == "basic_missing" and "实名认证" in names:
        unit_gaps["unit_realname"] = "none"
        names.remove("实名认证")
    unit_gaps.setdefault(key, []).extend(names)
    unit_gap_steps.append((piece, fields))
    return seeder.torch_gaps(account, unit_gaps, unit_gap_steps)


@when("我在弹框中点击确定")
def when_confirm_popup(torch_page: TorchSystemPage):
    torch_page.confirm_dialog()


@when("我前往完善信息")
def when_go_complete_info(torch_page: TorchSystemPage):
    torch_page.go_complete_info()


@when(phrase('我在法人单位其他信息中把"{label}"选为"{value}"并保存'))
def when_legal_completes_other_info(page, label, value):
    other = LegalOtherInfoPage(page)
    other.set_value(label, value)
    other.save()


@when("我在法人(单位)授权办理情况中点击该授权单位名称")
def when_open_unit_from_grants(page, account):
    units = UnitGrantsPage(page)
    units.open()
    action(units.unit_row(account.unit_name), account.unit_name).click()


@when("我补全授权单位其他信息并保存")
def when_complete_other_info(torch_unit_info_page: TorchUnitInfoPage):
    for label, value in OTHER_INFO.items():
        torch_unit_info_page.set_value(label, value)
    torch_unit_info_page.save()


@when(phrase('我只把授权单位其他信息的"{label}"填为"{value}"就保存'))
def when_fill_one_and_save(torch_unit_info_page: TorchUnitInfoPage, label, value):
    torch_unit_info_page.set_value(label, value)
    torch_unit_info_page.save()


@then(phrase('弹框提示"{text}"'))
def then_popup(torch_page: TorchSystemPage, text):
    expect_message(torch_page.page, text, "弹框提示")  # in the page or in the browser's own dialog
    torch_page.expect_confirmable()


@then("我来到我的信息页面")
def then_on_my_info(page):
    expect(page).to_have_url(url_regex("my_info"))


@then(phrase('授权单位信息页面保留了我填写的"{label}"为"{value}"'))
def then_value_kept(torch_unit_info_page: TorchUnitInfoPage, label, value):
    expect(torch_unit_info_page.field(label)).to_have_value(value)


@then(phrase('火炬中心业务办理平台列出的业务为"{names}"'))
def then_torch_businesses(torch_page: TorchSystemPage, names):
    expect(torch_page.businesses_heading).to_be_visible()
    expect(torch_page.business_items(names.split("、")[0])).to_have_text(names.split("、"))
