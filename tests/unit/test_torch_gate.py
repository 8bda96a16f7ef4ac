"""The Torch completeness gate (FAQ-3.1.3, 3.1.4): real name first, then every missing piece named."""

import re

import pytest

ALERT = re.compile(r'role="alert">([^<]*)<')
POPUP = "您的个人信息没有实名认证，则需先实名认证个人信息才能进行下一步操作。请点击确定前往个人信息页面。"


def alert(response) -> str:
    found = ALERT.search(response.text)
    return found.group(1) if found else ""


def legal_unit(portal, login="91350100M000100Y43", **extra) -> dict:
    return portal.seed_legal(login_name=login, **extra)


def fill(portal, unit_id, **missing):
    return portal.api("POST", "/business/unit_info", json={"unit_id": unit_id, **missing})


@pytest.mark.parametrize("system,title", [("sme", "科技型中小企业评价系统"), ("hnte", "高新技术企业认定系统")])
def test_complete_information_opens_the_system(portal, system, title):
    row = legal_unit(portal)
    fill(portal, row["unit_id"])
    portal.sign_in(row["login_name"])
    page = portal.client.get(f"/systems/{system}")
    assert page.status_code == 200 and f"<h1>{title}</h1>" in page.text


def test_unverified_account_gets_the_popup_leading_to_the_info_page(portal):
    row = legal_unit(portal, realname_status="none")
    fill(portal, row["unit_id"])
    portal.sign_in(row["login_name"])
    page = portal.client.get("/systems/sme")
    assert page.status_code == 403
    assert 'role="alertdialog"' in page.text and POPUP in page.text and 'href="/online/info">确定<' in page.text


@pytest.mark.parametrize(
    "missing,expected",
    [
        ({"other_missing": ["所属行业2", "企业类型"]}, "请先完善：法人单位其他信息（所属行业2、企业类型）"),
        ({"basic_missing": ["法定代表人类型"]}, "请先完善：法人单位基本信息（法定代表人类型）"),
        ({"unit_realname": "none"}, "请先完善：法人单位基本信息（实名认证）"),
        ({"agent_missing": ["实名认证"]}, "请先完善：主代办人信息（实名认证）"),
        (
            {"agent_missing": ["手机号码"], "other_missing": ["外资来源地"]},
            "请先完善：法人单位其他信息（外资来源地）；主代办人信息（手机号码）",
        ),
    ],
)
def test_each_missing_piece_is_named(portal, missing, expected):
    row = legal_unit(portal)
    fill(portal, row["unit_id"], **missing)
    portal.sign_in(row["login_name"])
    page = portal.client.get("/systems/hnte")
    assert page.status_code == 403
    assert alert(page) == expected


def test_every_other_info_field_is_required(portal):
    fields = [
        "单位经营期限",
        "所属行业1",
        "所属行业2",
        "工商登记机关",
        "核准日期",
        "外资来源地",
        "所得税征收方式",
        "企业类型",
    ]
    row = legal_unit(portal)
    seeded = fill(portal, row["unit_id"], other_missing=fields)
    assert seeded["missing"] == ["法人单位其他信息（" + "、".join(fields) + "）"]


def natural_admin(portal, unit_id, login="zr_admin"):
    portal.seed_natural(login_name=login, id_number="110101199003077000", realname_status="passed")
    portal.api(
        "POST",
        "/business/grants",
        json={"login_name": login, "unit_id": unit_id, "systems": ["sme", "hnte", "torch"], "migration": True},
    )


def test_natural_admin_completes_the_unit_information_then_enters(portal):
    row = legal_unit(portal)
    fill(portal, row["unit_id"], other_missing=["所属行业2", "企业类型"])
    natural_admin(portal, row["unit_id"])
    portal.sign_in("zr_admin")
    assert alert(portal.client.get("/systems/sme")) == "请先完善：法人单位其他信息（所属行业2、企业类型）"
    path = f"/online/info/units/{row['unit_id']}/edit"
    form = portal.client.get(path)
    assert form.status_code == 200
    unit = portal.api("GET", f"/business/units/{row['unit_id']}")
    data = {**unit["basic_info"], **unit["other_info"], "外资来源地": "无"}
    bad = portal.post_form(path, data)
    assert bad.status_code == 422 and alert(bad) == "请填写完整：所属行业2、企业类型"
    assert 'value="无"' in bad.text  # entered values kept
    data["所属行业2"], data["企业类型"] = "制造业", "有限责任公司"
    assert portal.post_form(path, data, follow_redirects=False).status_code == 303
    assert portal.client.get("/systems/sme").status_code == 200


def test_unit_information_is_editable_only_by_its_natural_admin(portal):
    row = legal_unit(portal)
    other = portal.seed_legal(login_name="fr_other", unit_name="另一家公司", credit_code="91110000600037341L")
    natural_admin(portal, other["unit_id"])
    portal.sign_in("zr_admin")
    assert portal.client.get(f"/online/info/units/{row['unit_id']}/edit").status_code == 403
    portal.sign_in(row["login_name"])
    assert portal.client.get(f"/online/info/units/{row['unit_id']}/edit").status_code == 403


def test_torch_platform_lists_by_account_kind(portal):
    row = legal_unit(portal)
    natural_admin(portal, row["unit_id"])
    portal.sign_in(row["login_name"])
    legal_page = portal.client.get("/systems/torch").text
    assert "火炬统计调查" in legal_page
    portal.sign_in("zr_admin")
    natural_page = portal.client.get("/systems/torch").text
    assert "<li>火炬统计调查</li>" not in natural_page and "火炬统计调查等业务需使用法人账号办理" in natural_page
