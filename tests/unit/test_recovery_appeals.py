"""申诉找回密码 on the server: matching, 主代办人 anyone, old unit name, the promise, the decision SMS."""

import re

from tests.unit.test_recovery_reset import CODE, alert

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%test\n"
STATUS = re.compile(r'role="status">([^<]*)<')


def appeal(portal, kind: str, form: dict, phone: str, files=None, code: str | None = None):
    path = f"/recovery/appeal/{kind}"
    token = portal.csrf(path)
    portal.client.post(path, data={"csrf_token": token, "action": "code", "phone": phone})
    code = code or CODE.search(portal.api("GET", "/sms", params={"phone": phone})[-1]["text"]).group(1)
    files = (
        files
        if files is not None
        else {"front": ("front.png", PNG, "image/png"), "back": ("back.pdf", PDF, "application/pdf")}
    )
    return portal.client.post(
        path,
        data={"csrf_token": token, "action": "submit", "phone": phone, "code": code, **form},
        files=files,
        follow_redirects=True,
    )


def legal_form(unit_name="旧名称科技有限公司", agent="王五"):
    return {
        "unit_name": unit_name,
        "credit_code": "91350100M000100Y43",
        "agent_name": agent,
        "agent_id_number": "11010519491231002X",
    }


def test_natural_appeal_pending_then_approved_sends_credentials_to_the_code_phone(portal):
    portal.seed_natural("zr_ap", id_number="11010519491231002X", phone="13900002222")
    page = appeal(portal, "natural", {"name": "张三", "id_number": "11010519491231002X"}, "13700003333")
    assert page.status_code == 200, page.text
    assert "审核中，平台将在1-2个工作日内" in STATUS.search(page.text).group(1)
    [review] = portal.api("GET", "/reviews", params={"kind": "appeal_natural"})
    portal.api("POST", f"/reviews/{review['id']}/decide", json={"approve": True})
    text = portal.api("GET", "/sms", params={"phone": "13700003333"})[-1]["text"]
    found = re.search(r"登录名：(\S+?)，新密码：(\S+?)，", text)
    assert found and found.group(1) == "zr_ap"
    assert portal.login("zr_ap", found.group(2)).status_code == 303


def test_legal_appeal_takes_the_old_unit_name_and_any_agent(portal):
    portal.seed_legal("fr_ap", unit_name="旧名称科技有限公司", phone="13900004444")
    refused = appeal(portal, "legal", legal_form("新名称科技有限公司"), "13700005555")
    assert refused.status_code == 422
    assert alert(refused) == "未找到与该单位名称匹配的法人账号，请填写注册账号时的单位名称"
    assert 'value="新名称科技有限公司"' in refused.text
    portal.advance(minutes=2)
    accepted = appeal(portal, "legal", legal_form(agent="赵六"), "13700005555")
    assert accepted.status_code == 200 and "审核中" in accepted.text
    [review] = portal.api("GET", "/reviews", params={"kind": "appeal_legal"})
    assert review["payload"]["主代办人姓名"] == "赵六"
    assert len(portal.api("GET", "/sms", params={"phone": "13700005555"})) == 2


def test_rejection_sends_the_reason(portal):
    portal.seed_legal("fr_rj", unit_name="旧名称科技有限公司")
    appeal(portal, "legal", legal_form(), "13700006666")
    [review] = portal.api("GET", "/reviews", params={"kind": "appeal_legal"})
    portal.api("POST", f"/reviews/{review['id']}/decide", json={"approve": False, "reason": "盖章不清晰"})
    assert "原因：盖章不清晰" in portal.api("GET", "/sms", params={"phone": "13700006666"})[-1]["text"]


def test_appeal_missing_document_and_wrong_code_keep_nothing(portal):
    portal.seed_natural("zr_md", id_number="11010519491231002X")
    form = {"name": "张三", "id_number": "11010519491231002X"}
    missing = appeal(portal, "natural", form, "13700007777", files={"front": ("a.png", PNG, "image/png")})
    assert missing.status_code == 422 and alert(missing) == "请上传证件反面"
    portal.advance(minutes=2)
    wrong = appeal(portal, "natural", form, "13700007777", code="000000")
    assert wrong.status_code == 422 and "短信验证码" in alert(wrong)
    assert portal.api("GET", "/reviews") == []


def test_status_page_is_only_for_the_browser_that_appealed(portal, tmp_path):
    portal.seed_natural("zr_own", id_number="11010519491231002X")
    appeal(portal, "natural", {"name": "张三", "id_number": "11010519491231002X"}, "13700008888")
    [review] = portal.api("GET", "/reviews")
    portal.client.cookies.clear()
    assert portal.client.get(f"/recovery/appeals/{review['id']}").status_code == 403


def test_legal_appeal_with_the_wrong_credit_code_is_refused(portal):
    portal.seed_legal("fr_cc", unit_name="旧名称科技有限公司")
    form = {**legal_form(), "credit_code": "91110000600037341L"}
    refused = appeal(portal, "legal", form, "13700001212")
    assert refused.status_code == 422 and alert(refused) == "统一社会信用代码与该单位名称登记的不一致，请核对后重新填写"


def test_natural_appeal_needs_the_bound_name_and_id_number(portal):
    portal.seed_natural("zr_nm", id_number="11010519491231002X")
    refused = appeal(portal, "natural", {"name": "李四", "id_number": "11010519491231002X"}, "13700001313")
    assert refused.status_code == 422 and alert(refused) == "未找到与该姓名和证件号码匹配的自然人账号，请核对后重新填写"


def test_empty_or_bad_input_gets_a_message_never_a_500(portal):
    token = portal.csrf("/recovery/appeal/natural")
    empty = portal.client.post("/recovery/appeal/natural", data={"csrf_token": token, "action": "submit"})
    assert empty.status_code == 422 and alert(empty) == "请填写姓名"
    bad_phone = portal.client.post(
        "/recovery/appeal/legal", data={"csrf_token": token, "action": "code", "phone": "12345"}
    )
    assert bad_phone.status_code == 422 and alert(bad_phone) == "手机号格式不正确，请输入11位手机号"
    assert portal.client.get("/recovery/appeal/other").status_code == 404
    no_csrf = portal.client.post("/recovery/appeal/natural", data={"action": "code", "phone": "13700001414"})
    assert no_csrf.status_code == 403
    assert portal.api("GET", "/sms", params={"phone": "13700001414"}) == []
