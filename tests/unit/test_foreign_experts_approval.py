"""外国专家项目管理信息系统 (FAQ-5.1): registration → 归口单位 approval → the unit holds the system →
it may grant it → the natural person enters and sees the unit's earlier records (or whom to call)."""

import re

ALERT = re.compile(r'role="alert">([^<]*)<')
STATUS = re.compile(r'role="status">([^<]*)<')


def text_of(pattern, response) -> str:
    found = pattern.search(response.text)
    return found.group(1) if found else ""


def register(portal, **form):
    data = {"competent_unit": "北京市科学技术委员会", "contact_name": "赵联系", "contact_phone": "13900001111", **form}
    return portal.post_form(
        "/systems/foreign_experts/register", data, form_page="/systems/foreign_experts", follow_redirects=False
    )


def grant(portal, unit_id, login="zr_wz"):
    response = portal.client.request(
        "POST",
        "/__test__/business/grants",
        headers=portal.api_headers,
        json={"login_name": login, "unit_id": unit_id, "systems": ["foreign_experts"], "roles": ["事项办理员"]},
    )
    return response.status_code


def pending_review(portal, unit_id):
    return [
        r
        for r in portal.api("GET", "/reviews", params={"kind": "wzj_registration", "unit_id": unit_id})
        if r["status"] == "pending"
    ]


def test_the_whole_approval_chain(portal):
    legal = portal.seed_legal()
    portal.seed_natural(login_name="zr_wz", id_number="110101199003077000")
    unit_id = legal["unit_id"]
    portal.sign_in(legal["login_name"])
    first = portal.client.get("/systems/foreign_experts")
    assert "外国专家项目管理信息系统单位注册" in first.text and "归口单位" in first.text
    assert grant(portal, unit_id) == 409  # no 外国专家项目管理系统 option before registration
    assert portal.api("GET", f"/business/units/{unit_id}")["systems"] == []  # entering does not give it

    assert register(portal).status_code == 303
    waiting = portal.client.get("/systems/foreign_experts")
    assert text_of(STATUS, waiting) == "注册信息正在由归口单位审核，审核通过后即可办理业务和授权"
    assert grant(portal, unit_id) == 409  # still none while pending

    [review] = pending_review(portal, unit_id)
    portal.api("POST", f"/reviews/{review['id']}/decide", json={"approve": True})
    assert "foreign_experts" in portal.api("GET", f"/business/units/{unit_id}")["systems"]
    assert grant(portal, unit_id) == 200

    portal.sign_in("zr_wz")
    landing = portal.client.get("/systems/foreign_experts")
    assert landing.status_code == 200
    assert "如无以前的办理信息，请联系外国专家项目系统技术人员（电话：010-58235529）" in landing.text
    portal.api("POST", "/business/legacy_records", json={"unit_id": unit_id, "titles": ["2019年度外国专家项目"]})
    again = portal.client.get("/systems/foreign_experts")
    assert "2019年度外国专家项目" in again.text and "010-58235529" not in again.text


def test_rejection_names_the_reason_and_allows_resubmission(portal):
    legal = portal.seed_legal()
    portal.sign_in(legal["login_name"])
    register(portal)
    [review] = pending_review(portal, legal["unit_id"])
    portal.api("POST", f"/reviews/{review['id']}/decide", json={"approve": False, "reason": "单位联系人信息不符"})
    page = portal.client.get("/systems/foreign_experts")
    assert text_of(ALERT, page) == "归口单位审核未通过：单位联系人信息不符。请修改后重新提交"
    assert register(portal, contact_name="钱联系").status_code == 303
    assert len(pending_review(portal, legal["unit_id"])) == 1


def test_registration_form_is_validated_on_the_server(portal):
    legal = portal.seed_legal()
    portal.sign_in(legal["login_name"])
    bad = register(portal, competent_unit="随便写的单位")
    assert bad.status_code == 422 and text_of(ALERT, bad) == "请选择归口单位"
    bad = register(portal, contact_phone="12")
    assert bad.status_code == 422 and text_of(ALERT, bad) == "请填写正确的联系电话" and 'value="赵联系"' in bad.text


def test_natural_person_without_a_grant_is_refused_and_cannot_register(portal):
    portal.seed_natural(login_name="zr_wz", id_number="110101199003077000")
    portal.sign_in("zr_wz")
    assert portal.client.get("/systems/foreign_experts").status_code == 403
    assert register(portal).status_code == 403
