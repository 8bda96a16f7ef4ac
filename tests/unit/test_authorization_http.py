"""用户授权管理 and 办理入口 over HTTP: enter-once rule, grant, change, revoke, expiry by the
portal clock, search rules, cross-unit refusal."""

import re

from tests.unit.conftest import make_portal

ALERT = re.compile(r'role="alert">([^<]*)<')
STATUS = re.compile(r'role="status">([^<]*)<')
PL = "pathogen_lab"


def alert(response) -> str:
    found = ALERT.search(response.text)
    return found.group(1) if found else ""


def setup(tmp_path, **natural):
    p = make_portal(tmp_path)
    legal = p.seed_legal("fr_a", realname_status="passed")
    person = p.seed_natural("zr_a", id_number="110101199003077777", realname_status="passed", **natural)
    return p, legal, person


def grant_pl(p, person_id, role="pathogen_lab:事项办理员", end_date="2999-12-31"):
    path = f"/online/authorization/people/{person_id}"
    return p.post_form(path, {"role": role, "end_date": end_date}, follow_redirects=False)


def test_granting_before_entering_once_says_no_permission_and_succeeds_after(tmp_path):
    p, legal, person = setup(tmp_path)
    p.sign_in("fr_a")
    form = p.client.get(f"/online/authorization/people/{person['id']}")
    assert "没有权限" in form.text and 'value="pathogen_lab:事项办理员"' not in form.text
    crafted = grant_pl(p, person["id"])
    assert crafted.status_code == 422 and "没有权限" in alert(crafted)
    entered = p.post_form(f"/services/{PL}/enter", {}, form_page="/services", follow_redirects=False)
    assert entered.status_code == 303 and entered.headers["location"] == f"/systems/{PL}"
    assert 'value="pathogen_lab:事项办理员"' in p.client.get(f"/online/authorization/people/{person['id']}").text
    ok = grant_pl(p, person["id"])
    assert ok.status_code == 303
    assert "授权成功" in p.client.get(ok.headers["location"]).text


def test_natural_person_enters_with_grant_and_loses_access_on_revoke(tmp_path):
    p, legal, person = setup(tmp_path)
    p.api("POST", "/authorization/unit-permissions", json={"unit_id": legal["unit_id"], "system": PL})
    p.sign_in("fr_a")
    grant_pl(p, person["id"])
    grant_id = p.api("GET", "/authorization/grants", params={"login_name": "zr_a"})[0]["id"]
    p.sign_in("zr_a")
    landing = p.post_form(f"/services/{PL}/enter", {}, form_page="/services")
    assert landing.status_code == 200 and "当前角色：事项办理员" in landing.text
    p.sign_in("fr_a")
    p.post_form(
        f"/online/authorization/grants/{grant_id}/edit",
        {"role": "事项管理员", "end_date": "2999-01-01"},
        form_page=f"/online/authorization/grants/{grant_id}/edit",
    )
    p.sign_in("zr_a")
    assert "当前角色：事项管理员" in p.client.get(f"/systems/{PL}").text
    p.sign_in("fr_a")
    p.post_form(f"/online/authorization/grants/{grant_id}/revoke", {}, form_page="/online/authorization/grants")
    p.sign_in("zr_a")
    refused = p.client.get(f"/systems/{PL}")
    assert refused.status_code == 403 and "没有该系统的权限" in alert(refused)


def test_grant_expires_by_the_portal_clock(tmp_path):
    p, legal, person = setup(tmp_path)
    p.api("POST", "/authorization/unit-permissions", json={"unit_id": legal["unit_id"], "system": PL})
    p.api(
        "POST",
        "/authorization/grants",
        json={"unit_id": legal["unit_id"], "login_name": "zr_a", "system": PL, "valid_days": 2},
    )
    p.sign_in("zr_a")
    assert p.client.get(f"/systems/{PL}").status_code == 200
    p.advance(days=3)
    p.sign_in("zr_a")  # the old session timed out meanwhile
    expired = p.client.get(f"/systems/{PL}")
    assert expired.status_code == 403 and "授权已过期" in alert(expired)


def test_search_finds_only_verified_people_by_real_name(tmp_path):
    p, legal, person = setup(tmp_path)
    p.seed_natural("zr_b", name="王五", realname_status="none", id_number="110101199003078888")
    p.sign_in("fr_a")
    by_name = p.client.get("/online/authorization", params={"searched": "1", "name": "张三"})
    assert f"/online/authorization/people/{person['id']}" in by_name.text
    by_login = p.client.get("/online/authorization", params={"searched": "1", "name": "zr_a"})
    assert "未查询到符合条件的自然人" in alert(by_login)
    unverified = p.client.get("/online/authorization", params={"searched": "1", "name": "王五"})
    assert "未查询到" in alert(unverified)
    empty = p.client.get("/online/authorization", params={"searched": "1", "name": " "})
    assert empty.status_code == 422 and alert(empty) == "请输入自然人姓名"


def test_bad_input_is_refused_with_the_values_kept(tmp_path):
    p, legal, person = setup(tmp_path)
    p.api("POST", "/authorization/unit-permissions", json={"unit_id": legal["unit_id"], "system": PL})
    p.sign_in("fr_a")
    none = grant_pl(p, person["id"], role=[])
    assert none.status_code == 422 and alert(none) == "请至少勾选一个授权角色"
    past = grant_pl(p, person["id"], end_date="2000-01-01")
    assert past.status_code == 422 and alert(past) == "授权截止日期不能早于今天" and "2000-01-01" in past.text
    bogus = grant_pl(p, person["id"], role="pathogen_lab:超级管理员")
    assert bogus.status_code == 422 and "不属于该系统" in alert(bogus)
    garbled = grant_pl(p, person["id"], end_date="明天")
    assert garbled.status_code == 422 and "格式不正确" in alert(garbled)


def test_another_units_grant_is_refused(tmp_path):
    p, legal, person = setup(tmp_path)
    p.seed_legal("fr_b", unit_name="另一科技有限公司", credit_code="91110000MA00000005")
    p.api("POST", "/authorization/unit-permissions", json={"unit_id": legal["unit_id"], "system": PL})
    grant = p.api(
        "POST", "/authorization/grants", json={"unit_id": legal["unit_id"], "login_name": "zr_a", "system": PL}
    )
    p.sign_in("fr_b")
    assert p.client.get(f"/online/authorization/grants/{grant['id']}/edit").status_code == 403
    revoke = p.post_form(
        f"/online/authorization/grants/{grant['id']}/revoke", {}, form_page="/online/authorization/grants"
    )
    assert revoke.status_code == 403
    assert p.api("GET", "/authorization/grants", params={"login_name": "zr_a"})


def test_natural_accounts_cannot_manage_grants_and_see_their_units(tmp_path):
    p, legal, person = setup(tmp_path)
    p.api("POST", "/authorization/unit-permissions", json={"unit_id": legal["unit_id"], "system": PL})
    p.api("POST", "/authorization/grants", json={"unit_id": legal["unit_id"], "login_name": "zr_a", "system": PL})
    p.sign_in("zr_a")
    assert p.client.get("/online/authorization").status_code == 403
    units = p.client.get("/online/info/units")
    assert "测试科技有限公司" in units.text and "李四" in units.text and "正常" in units.text
    detail = p.client.get(f"/online/info/units/{legal['unit_id']}")
    assert "高等级病原微生物实验室建设审查" in detail.text and "事项办理员" in detail.text
    assert p.client.get(f"/online/info/units/{legal['unit_id'] + 99}").status_code == 403
