"""Access control on the server: every object fetched by id is checked against the session's
account and unit (HGR projects and their attachments, authorization grants, appeals), and a
mass-assignment field (unit_id, account_id, role …) posted with a form has no effect."""

from __future__ import annotations

import re

import pytest

from tests.unit.conftest import make_portal

ALERT = re.compile(r'role="alert">([^<]*)<')
MASS = {
    "unit_id": "",
    "account_id": "1",
    "owner_account_id": "1",
    "kind": "legal",
    "role": "管理员",
    "is_admin": "1",
    "realname_status": "passed",
}


def alert(response) -> str:
    found = ALERT.search(response.text)
    return found.group(1) if found else ""


@pytest.fixture
def two_units(tmp_path):
    portal = make_portal(tmp_path)
    a = portal.seed_legal("fr_a", unit_name="甲单位科技有限公司", credit_code="91350100M000100Y43")
    b = portal.seed_legal("fr_b", unit_name="乙单位科技有限公司", credit_code="91110000100000000B")
    portal.seed_natural("zr_a", id_number="110101199003077777")
    portal.seed_natural("zr_b", id_number="110101199003071111")
    for unit, who in ((a, "zr_a"), (b, "zr_b")):
        portal.api("POST", "/hgr/grants", json={"unit_id": unit["unit_id"], "login_name": who})
        portal.api("POST", f"/hgr/units/{unit['unit_id']}/filed")
    project = portal.api(
        "POST", "/hgr/projects", json={"login_name": "zr_b", "unit_id": b["unit_id"], "name": "乙单位的项目"}
    )
    return portal, a, b, project


def as_user(portal, login_name: str) -> None:
    portal.client.cookies.clear()
    portal.sign_in(login_name)


@pytest.mark.parametrize("who", ["zr_a", "fr_a"])
def test_another_units_project_is_refused_for_every_action(two_units, who):
    portal, _a, _b, project = two_units
    as_user(portal, who)
    base = f"/systems/hgr/projects/{project['id']}"
    for response in (
        portal.client.get(base),
        portal.client.get(base + "/download"),
        portal.post_form(base + "/submit", {}, form_page="/"),
        portal.post_form(base + "/attachments/1/delete", {}, form_page="/"),
        portal.client.post(
            base + "/attachments",
            data={"csrf_token": portal.csrf("/")},
            files={"attachment": ("a.docx", b"PK\x03\x04" + b"0" * 64, "application/zip")},
        ),
    ):
        assert response.status_code == 403, response.request.url
        assert "该项目不属于您" in alert(response)
        assert "乙单位的项目" not in response.text and project["number"] not in response.text
    as_user(portal, "zr_b")
    assert portal.client.get(base).status_code == 200  # the owner still sees it


def test_another_units_grant_cannot_be_seen_changed_or_revoked(two_units):
    portal, a, b, _project = two_units
    grant = next(g for g in portal.api("GET", "/authorization/grants", params={"unit_id": b["unit_id"]}))
    as_user(portal, "fr_a")
    base = f"/online/authorization/grants/{grant['id']}"
    assert portal.client.get(base + "/edit").status_code == 403
    assert portal.post_form(base + "/edit", {"role": [], "end_date": "2030-01-01"}, form_page="/").status_code == 403
    assert portal.post_form(base + "/revoke", {}, form_page="/").status_code == 403
    after = portal.api("GET", "/authorization/grants", params={"unit_id": b["unit_id"]})
    assert [(g["id"], g["roles"], g["end_date"]) for g in after] == [(grant["id"], grant["roles"], grant["end_date"])]


def test_an_appeal_status_page_is_only_for_the_browser_that_filed_it(two_units):
    portal, *_ = two_units
    with portal.app.state.sessionmaker() as db:
        from mock_portal.services import reviews

        review = reviews.submit(
            db,
            "appeal_natural",
            "自然人申诉找回密码：张三",
            portal.app.state.clock.now(),
            phone="13800138000",
            payload={},
        )
        db.commit()
        review_id = review.id
    as_user(portal, "zr_a")
    assert portal.client.get(f"/recovery/appeals/{review_id}").status_code == 403


def test_mass_assignment_fields_are_ignored_when_creating_a_project(two_units):
    portal, a, b, _project = two_units
    as_user(portal, "zr_a")
    form = {
        "name": "甲单位的新项目",
        "matter": "采集审批",
        "leader": "负责人",
        **MASS,
        "unit_id": str(b["unit_id"]),
        "unit_name": "乙单位科技有限公司",
    }
    response = portal.post_form(
        "/systems/hgr/projects/new", form, form_page="/systems/hgr/projects/new", follow_redirects=False
    )
    assert response.status_code in (303, 422), alert(response)
    mine = portal.api("GET", "/hgr/projects", params={"unit_id": a["unit_id"]})
    theirs = portal.api("GET", "/hgr/projects", params={"unit_id": b["unit_id"]})
    assert all(p["name"] != "甲单位的新项目" for p in theirs)
    if response.status_code == 303:
        assert any(p["name"] == "甲单位的新项目" and p["unit_name"] == "甲单位科技有限公司" for p in mine)


def test_mass_assignment_fields_are_ignored_when_granting(two_units):
    portal, a, b, _project = two_units
    person = portal.api("GET", "/accounts/zr_b")
    as_user(portal, "fr_a")
    page = portal.client.get(f"/online/authorization/people/{person['id']}")
    roles = re.findall(r'name="role" value="([^"]+)"', page.text)
    before_b = portal.api("GET", "/authorization/grants", params={"unit_id": b["unit_id"]})
    portal.post_form(
        f"/online/authorization/people/{person['id']}",
        {"role": roles[:1], "end_date": "", **MASS, "unit_id": str(b["unit_id"])},
        form_page=f"/online/authorization/people/{person['id']}",
    )
    assert portal.api("GET", "/authorization/grants", params={"unit_id": b["unit_id"]}) == before_b
    assert all(
        g["unit_id"] == a["unit_id"]
        for g in portal.api("GET", "/authorization/grants", params={"login_name": "zr_b"})
        if g not in before_b
    )


def test_mass_assignment_cannot_change_the_login_type_or_account(tmp_path):
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_mass")
    portal.client.get("/login")
    response = portal.login("zr_mass", "Aa123456#x", **MASS)
    assert response.status_code == 303
    account = portal.api("GET", "/accounts/zr_mass")
    assert account["kind"] == "natural" and account["unit_id"] is None
    assert "自然人" in portal.client.get("/").text


def test_grants_and_revocations_are_audited(two_units):
    portal, a, _b, _project = two_units
    grant = portal.api("GET", "/authorization/grants", params={"unit_id": a["unit_id"]})[0]
    as_user(portal, "fr_a")
    assert (
        portal.post_form(
            f"/online/authorization/grants/{grant['id']}/revoke",
            {},
            form_page="/online/authorization/grants",
            follow_redirects=False,
        ).status_code
        == 303
    )
    events = [(e["event"], e["result"]) for e in portal.api("GET", "/audit", params={"login_name": "zr_a"})]
    assert ("grant", "ok") in events and ("grant-revoke", "ok") in events
