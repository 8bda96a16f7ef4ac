"""我的信息 and 实名认证 on the server: automatic check, upload → review → SMS, bound-elsewhere
messages, 法定代表人类型 / 所属大洲 rules, the reserved phone needing the current password."""

from tests.unit.test_registration_rules import alert

ID_A = "11010519491231002X"
ID_B = "440524188001010014"
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 32


def save(portal, path, data):
    return portal.post_form(path, data, form_page=path)


def person(**over):
    data = {
        "name": "张三",
        "gender": "男",
        "ethnicity": "汉族",
        "position": "工程师",
        "birth_date": "1949-12-31",
        "email": "z@example.com",
        "id_number": ID_A,
        "phone": "13800000009",
    }
    data.update(over)
    return data


def test_natural_auto_check_passes_against_the_registry(portal):
    portal.seed_natural("zr_p", realname_status="none", phone="13800000009")
    portal.api("POST", "/identity/registry", json={"kind": "person", "number": ID_A, "name": "张三"})
    portal.sign_in("zr_p")
    response = save(portal, "/online/info", person())
    assert response.status_code == 200 and "保存成功" in response.text
    assert "自然人实名认证已通过" in response.text and 'value="工程师"' in response.text


def test_natural_fail_upload_review_and_sms(portal):
    portal.seed_natural("zr_f", realname_status="none", phone="13800000009")
    portal.sign_in("zr_f")
    assert "自然人实名认证失败" in save(portal, "/online/info", person()).text
    token = portal.csrf("/online/realname/natural")
    response = portal.client.post(
        "/online/realname/natural", data={"csrf_token": token}, files={"documents": ("id.png", PNG, "image/png")}
    )
    assert response.status_code == 200 and "实名认证审核中" in response.text and "1-2个工作日" in response.text
    review = portal.api("GET", "/reviews", params={"kind": "realname_natural"})[0]
    portal.api("POST", f"/reviews/{review['id']}/decide", json={"approve": True})
    assert "自然人实名认证已通过" in portal.client.get("/online/info").text
    texts = [m["text"] for m in portal.api("GET", "/sms", params={"phone": "13800000009"})]
    assert any("自然人实名认证已通过" in t for t in texts)


def test_id_number_bound_elsewhere(portal):
    portal.seed_natural("zr_other", id_number=ID_A)
    portal.seed_natural("zr_me", realname_status="none", phone="13800000009")
    portal.sign_in("zr_me")
    response = save(portal, "/online/info", person())
    assert response.status_code == 422
    assert "证件号码已存在" in alert(response) and "/recovery/appeal/natural" in alert(response)


def test_required_name_and_phone_change_needs_password(portal):
    portal.seed_natural("zr_r", phone="13800000009", id_number=ID_B)
    portal.sign_in("zr_r")
    assert "姓名不能为空" in alert(save(portal, "/online/info", person(name="", id_number=ID_B)))
    assert "修改移动电话需要输入当前密码" in alert(
        save(portal, "/online/info", person(id_number=ID_B, phone="13900000000"))
    )
    ok = save(portal, "/online/info", person(id_number=ID_B, phone="13900000000", current_password="Aa123456#x"))
    assert "保存成功" in ok.text and 'value="13900000000"' in ok.text


def basic(**over):
    data = {
        "unit_name": "测试科技有限公司",
        "credit_code": "91350100M000100Y43",
        "unit_type": "企业法人",
        "rep_name": "王总",
        "rep_type": "中华人民共和国大陆地区",
        "rep_continent": "",
    }
    data.update(over)
    return data


def test_legal_rep_type_and_continent(portal):
    portal.seed_legal("fr_b")
    portal.sign_in("fr_b")
    assert alert(save(portal, "/online/info", basic(rep_type=""))) == "法定代表人类型不能为空"
    assert alert(save(portal, "/online/info", basic(rep_type="外国"))) == "所属大洲不能为空"
    assert "保存成功" in save(portal, "/online/info", basic()).text
    assert "保存成功" in save(portal, "/online/info", basic(rep_type="外国", rep_continent="欧洲")).text
    log = portal.client.get("/online/info/log").text
    assert "法人单位基本信息" in log and "法定代表人类型" in log


def test_unit_name_and_credit_code_bound_elsewhere(portal):
    portal.seed_legal("fr_x", unit_name="甲公司", credit_code="91110000600037341L")
    portal.seed_legal(
        "fr_y",
        unit_name="乙公司",
        credit_code="91350100M000100Y43",
        unit={"name": "乙公司", "credit_code": "91350100M000100Y43", "realname_status": "none"},
    )
    portal.sign_in("fr_y")
    r1 = save(portal, "/online/info", basic(unit_name="甲公司"))
    assert "单位名称已存在" in alert(r1) and "/recovery/appeal/legal" in alert(r1)
    r2 = save(portal, "/online/info", basic(unit_name="乙公司", credit_code="91110000600037341L"))
    assert "信用代码已存在" in alert(r2)


def test_other_info_all_required_and_kept(portal):
    portal.seed_legal("fr_o")
    portal.sign_in("fr_o")
    data = {
        "term": "长期",
        "industry1": "制造业",
        "industry2": "通用设备制造业",
        "registrar": "北京市市场监督管理局",
        "approved_on": "2020-01-02",
        "foreign_source": "无",
        "tax_method": "查账征收",
        "enterprise_type": "有限责任公司",
    }
    assert alert(save(portal, "/online/info/other", {**data, "registrar": ""})) == "工商登记机关不能为空"
    assert "保存成功" in save(portal, "/online/info/other", data).text
    account = portal.api("GET", "/accounts/fr_o")
    assert account["unit_id"]
