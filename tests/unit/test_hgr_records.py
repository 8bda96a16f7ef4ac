"""FAQ-2.6/2.7/2.9: migration after a rename, transfer after a departure, exact-name backup match."""

import pytest

from tests.unit.hgr_portal import UNIT, alert, enter_as_employee, hgr_portal, status

NEW = "遗传测试科技有限责任公司"


def seed_project(p, unit_id, login="zr_h", name="项目甲"):
    return p.api("POST", "/hgr/projects", json={"login_name": login, "unit_id": unit_id, "name": name})


def test_rename_hides_projects_until_filing_and_migration(tmp_path):
    p, unit_id = hgr_portal(tmp_path)
    project = seed_project(p, unit_id)
    p.api("POST", f"/hgr/units/{unit_id}/rename", json={"name": NEW})
    p.sign_in("fr_h")
    assert "尚未开通网上申报系统" in alert(p.client.get("/systems/hgr"))
    early = p.post_form(
        "/systems/hgr/migration",
        {"numbers": project["number"], "login_name": "zr_h", "old_name": UNIT, "new_name": NEW},
        form_page="/systems/hgr/migration",
    )
    assert early.status_code == 422 and "请先完成新单位名称的报备" in alert(early)
    p.api("POST", f"/hgr/units/{unit_id}/filed")
    assert project["number"] not in p.client.get("/systems/hgr").text
    form = p.client.get("/systems/hgr/migration")
    assert "fuwu@most.cn" in form.text
    wrong = p.post_form(
        "/systems/hgr/migration",
        {"numbers": "HGR000", "login_name": "zr_h", "old_name": UNIT, "new_name": NEW},
        form_page="/systems/hgr/migration",
    )
    assert wrong.status_code == 422 and "HGR000" in alert(wrong)
    ok = p.post_form(
        "/systems/hgr/migration",
        {"numbers": project["number"], "login_name": "zr_h", "old_name": UNIT, "new_name": NEW},
        form_page="/systems/hgr/migration",
    )
    assert "项目迁移申请已提交" in status(ok)
    review = p.api("GET", "/reviews", params={"kind": "hgr_migration"})[0]
    assert review["payload"] == {
        "项目编号": [project["number"]],
        "自然人账号": "zr_h",
        "原单位名称": UNIT,
        "新单位名称": NEW,
    }
    p.api("POST", f"/reviews/{review['id']}/decide", json={"approve": True})
    assert project["number"] in p.client.get("/systems/hgr").text
    assert project["number"] in enter_as_employee(p).text


def test_transfer_moves_all_projects_to_an_active_employee(tmp_path):
    p, unit_id = hgr_portal(tmp_path)
    first, second = seed_project(p, unit_id, name="项目一"), seed_project(p, unit_id, name="项目二")
    p.seed_natural("zr_new", id_number="110101199003071234", realname_status="passed")
    p.seed_natural("zr_stranger", id_number="110101199003075678", realname_status="passed")
    p.api("POST", "/hgr/grants", json={"unit_id": unit_id, "login_name": "zr_new"})
    p.sign_in("fr_h")
    refused = p.post_form("/systems/hgr/transfer", {"from_login": "zr_h", "to_login": "zr_stranger"})
    assert refused.status_code == 422 and "没有本单位人类遗传资源管理系统的有效授权" in alert(refused)
    assert "zr_stranger" in refused.text  # entered values kept
    ok = p.post_form("/systems/hgr/transfer", {"from_login": "zr_h", "to_login": "zr_new"})
    assert "项目移送申请已提交" in status(ok)
    review = p.api("GET", "/reviews", params={"kind": "hgr_transfer"})[0]
    p.api("POST", f"/reviews/{review['id']}/decide", json={"approve": True})
    new_list = enter_as_employee(p, "zr_new").text
    assert first["number"] in new_list and second["number"] in new_list
    old_list = enter_as_employee(p, "zr_h").text
    assert first["number"] not in old_list and second["number"] not in old_list


@pytest.mark.parametrize(
    "backup_name",
    ["遗传测试科技有限责任公司", " 遗传测试科技有限公司", "遗传测试科技 有限公司", "遗传测试科技有限公司（北京）"],
)
def test_backup_number_needs_the_exact_unit_name(tmp_path, backup_name):
    p, _ = hgr_portal(tmp_path)
    p.api("POST", "/hgr/backup-records", json={"unit_name": backup_name, "number": "BF001", "entered": True})
    p.sign_in("fr_h")
    r = p.post_form("/systems/hgr/backup", {"number": "BF001"})
    assert r.status_code == 422 and "备份号不匹配" in alert(r) and "BF001" in r.text


def test_brackets_differ_by_width(tmp_path):
    p = hgr_portal(tmp_path / "a")[0]
    # portal name uses full-width brackets; backup system half-width
    unit = p.api(
        "POST",
        "/accounts",
        json={
            "kind": "legal",
            "login_name": "fr_b",
            "password": "Aa123456#x",
            "unit": {"name": "某某（北京）生物有限公司", "credit_code": "91110000MA00000X1"},
        },
    )
    p.api("POST", f"/hgr/units/{unit['unit_id']}/filed")
    p.api("POST", "/hgr/backup-records", json={"unit_name": "某某(北京)生物有限公司", "number": "BF9", "entered": True})
    p.sign_in("fr_b")
    assert "备份号不匹配" in alert(p.post_form("/systems/hgr/backup", {"number": "BF9"}))


def test_backup_number_matches_only_after_entry(tmp_path):
    p, _ = hgr_portal(tmp_path)
    record = p.api("POST", "/hgr/backup-records", json={"unit_name": UNIT, "number": "BF002"})
    p.sign_in("fr_h")
    waiting = p.post_form("/systems/hgr/backup", {"number": "BF002"})
    assert "尚未录入" in alert(waiting) and "约5个工作日" in alert(waiting)
    p.api("POST", f"/hgr/backup-records/{record['id']}/enter")
    assert "备份号BF002匹配成功" in status(p.post_form("/systems/hgr/backup", {"number": "BF002"}))


def test_backup_number_is_entered_by_the_back_office_in_its_queue(tmp_path):
    """Staff enter a number in the back office (类型 人类遗传资源备份号录入, 审核通过); an entry through the test
    API closes that queue item too."""
    p, unit_id = hgr_portal(tmp_path)
    p.api("POST", "/hgr/backup-records", json={"unit_name": UNIT, "number": "BF003"})
    direct = p.api("POST", "/hgr/backup-records", json={"unit_name": UNIT, "number": "BF004"})
    p.api("POST", f"/hgr/backup-records/{direct['id']}/enter")
    queue = p.api("GET", "/reviews", params={"kind": "hgr_backup_entry"})
    assert [r["status"] for r in queue] == ["pending", "approved"]
    queued = queue[0]
    assert queued["unit_id"] == unit_id and "BF003" in queued["title"] and UNIT in queued["title"]
    p.api("POST", f"/reviews/{queued['id']}/decide", json={"approve": True})
    p.sign_in("fr_h")
    assert "备份号BF003匹配成功" in status(p.post_form("/systems/hgr/backup", {"number": "BF003"}))


def test_a_verified_unit_is_renamed_by_a_declaration_the_back_office_approves(tmp_path):
    """单位名称变更: the new name with a stamped declaration; nothing changes until the back office approves,
    then the unit carries the new name and its HGR filing (under the old name) no longer counts."""
    from support.data.documents import png_bytes

    p, unit_id = hgr_portal(tmp_path)
    p.sign_in("fr_h")
    token = p.csrf("/online/info/rename")
    no_file = p.client.post("/online/info/rename", data={"csrf_token": token, "new_name": NEW})
    assert no_file.status_code == 422 and "请上传加盖公章的单位名称变更声明" in alert(no_file)
    declaration = {"declaration": ("声明.png", png_bytes(), "image/png")}
    sent = p.client.post("/online/info/rename", data={"csrf_token": token, "new_name": NEW}, files=declaration)
    assert "单位名称变更申请已提交，审核通过后生效" in status(sent)
    assert "尚未开通网上申报系统" not in p.client.get("/systems/hgr").text  # not yet renamed
    [review] = p.api("GET", "/reviews", params={"kind": "unit_rename"})
    assert review["unit_id"] == unit_id and UNIT in review["title"] and NEW in review["title"]
    p.api("POST", f"/reviews/{review['id']}/decide", json={"approve": True})
    assert "尚未开通网上申报系统" in alert(p.client.get("/systems/hgr"))
    assert NEW in p.client.get("/online/info").text
