"""Helpers for the HGR unit tests: a filed unit, its legal account and a granted employee."""

from __future__ import annotations

import re

from tests.unit.conftest import make_portal

ALERT = re.compile(r'role="alert">([^<]*)<')
STATUS = re.compile(r'role="status">([^<]*)<')
UNIT = "遗传测试科技有限公司"


def alert(response) -> str:
    found = ALERT.search(response.text)
    return found.group(1) if found else ""


def status(response) -> str:
    found = STATUS.search(response.text)
    return found.group(1) if found else ""


def hgr_portal(tmp_path, filed=True, roles=("事项办理员",), **settings):
    p = make_portal(tmp_path, **settings)
    legal = p.seed_legal("fr_h", unit_name=UNIT, realname_status="passed")
    p.seed_natural("zr_h", id_number="110101199003077777", realname_status="passed")
    p.api("POST", "/hgr/grants", json={"unit_id": legal["unit_id"], "login_name": "zr_h", "roles": list(roles)})
    if filed:
        p.api("POST", f"/hgr/units/{legal['unit_id']}/filed")
    return p, legal["unit_id"]


def enter_as_employee(p, login_name="zr_h", unit_id=None):
    p.sign_in(login_name)
    landing = p.client.get("/systems/hgr", follow_redirects=True)
    if unit_id is None:
        return landing  # granted by one unit only: no 选择单位名称
    return p.post_form("/systems/hgr/choose-unit", {"unit_id": str(unit_id)}, form_page="/systems/hgr/choose-unit")


def create_project(p, name="项目甲"):
    r = p.post_form(
        "/systems/hgr/projects/new", {"name": name, "matter": "采集审批", "leader": "王五"}, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    return r.headers["location"].split("?")[0]


def upload(p, project_url, filename, content):
    token = p.csrf(project_url)
    return p.client.post(
        f"{project_url}/attachments",
        data={"csrf_token": token},
        files={"attachment": (filename, content, "application/octet-stream")},
        follow_redirects=True,
    )


def submit(p, project_url):
    return p.post_form(f"{project_url}/submit", {}, form_page=project_url)
