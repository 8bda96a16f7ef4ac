"""FAQ-2.1/2.2/2.3/2.5: entering by grant, 新建项目 only for 事项办理员, expiry, online filing."""

from tests.unit.hgr_portal import UNIT, alert, enter_as_employee, hgr_portal, status


def test_granted_employee_chooses_the_unit_and_enters(tmp_path):
    p, _ = hgr_portal(tmp_path)
    landing = enter_as_employee(p)
    assert UNIT in landing.text and "项目列表" in landing.text and "新建项目" in landing.text


def test_person_granted_by_two_units_chooses_one(tmp_path):
    p, unit_id = hgr_portal(tmp_path)
    other = p.seed_legal("fr_o", unit_name="另一家生物有限公司", credit_code="91110000MA0000001X")
    p.api("POST", "/hgr/grants", json={"unit_id": other["unit_id"], "login_name": "zr_h", "roles": ["事项管理员"]})
    p.sign_in("zr_h")
    choose = p.client.get("/systems/hgr", follow_redirects=True)
    assert "选择单位名称" in choose.text and UNIT in choose.text and "另一家生物有限公司" in choose.text
    foreign = p.post_form("/systems/hgr/choose-unit", {"unit_id": "999"}, form_page="/systems/hgr/choose-unit")
    assert foreign.status_code == 422 and "请选择您已获授权的单位" in alert(foreign)
    landing = enter_as_employee(p, unit_id=unit_id)
    assert "当前角色：事项办理员" in landing.text and UNIT in landing.text


def test_ungranted_person_is_refused(tmp_path):
    p, _ = hgr_portal(tmp_path)
    p.seed_natural("zr_x", id_number="110101199003071234", realname_status="passed")
    p.sign_in("zr_x")
    r = p.client.get("/systems/hgr")
    assert r.status_code == 403 and "没有该系统的权限" in alert(r)


def test_other_roles_see_the_list_without_create_and_a_direct_post_is_refused(tmp_path):
    p, unit_id = hgr_portal(tmp_path, roles=("事项管理员",))
    landing = enter_as_employee(p)
    assert "项目列表" in landing.text and ">新建项目<" not in landing.text
    r = p.client.post(
        "/systems/hgr/projects/new",
        data={"csrf_token": p.csrf("/systems/hgr"), "name": "x", "matter": "采集审批", "leader": "y"},
    )
    assert r.status_code == 403 and "事项办理员" in alert(r)
    p.api("POST", "/hgr/grants", json={"unit_id": unit_id, "login_name": "zr_h", "roles": ["事项办理员"]})
    assert ">新建项目<" in p.client.get("/systems/hgr").text


def test_expired_grant_says_so_and_a_new_grant_restores(tmp_path):
    p, unit_id = hgr_portal(tmp_path)
    p.api("POST", "/hgr/grants", json={"unit_id": unit_id, "login_name": "zr_h", "days": 3})
    enter_as_employee(p)
    p.advance(days=4)
    p.sign_in("zr_h")  # the old session timed out meanwhile
    r = p.client.get("/systems/hgr", follow_redirects=True)
    assert "授权已过期" in alert(r)
    p.api("POST", "/hgr/grants", json={"unit_id": unit_id, "login_name": "zr_h", "days": 30})
    assert "项目列表" in enter_as_employee(p).text


def test_unfiled_unit_is_told_the_window_and_filing_is_a_review(tmp_path):
    p, unit_id = hgr_portal(tmp_path, filed=False)
    p.sign_in("fr_h")
    r = p.client.get("/systems/hgr")
    assert r.status_code == 403 and "尚未开通网上申报系统或未报备" in alert(r)
    for text in (
        "七、开通网上申报系统提交材料清单",
        "北京市海淀区西四环中路16号院4号楼1层",
        "中国生物技术发展中心",
        "100039",
        "010-88225151",
    ):
        assert text in r.text
    done = p.post_form("/systems/hgr/filing", {}, form_page="/systems/hgr")
    assert "报备申请已提交" in status(done)
    review = p.api("GET", "/reviews", params={"kind": "hgr_filing"})[0]
    assert review["payload"] == {"单位名称": UNIT}
    p.api("POST", f"/reviews/{review['id']}/decide", json={"approve": True})
    assert "项目列表" in p.client.get("/systems/hgr").text


def test_natural_person_cannot_request_filing(tmp_path):
    p, _ = hgr_portal(tmp_path, filed=False)
    enter_as_employee(p)
    r = p.post_form("/systems/hgr/filing", {}, form_page="/systems/hgr")
    assert r.status_code == 422 and "须由单位法人账号提交" in r.text
    assert p.api("GET", "/reviews", params={"kind": "hgr_filing"}) == []
