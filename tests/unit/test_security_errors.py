"""Errors, logs, audit, the test control plane's guard, security headers and uploads."""

from __future__ import annotations

import datetime as dt
import logging
import re

import pytest
from fastapi.testclient import TestClient

from mock_portal.__main__ import main as portal_main
from mock_portal.routers.selftest import LEAKY_DETAIL
from mock_portal.services import uploads
from tests.unit.conftest import TOKEN, make_portal

INCIDENT = re.compile(r"事件编号：([0-9A-F]{8})")
CODE = re.compile(r"验证码为(\d{6})")
NOW = dt.datetime(2026, 11, 27, 9, 0)


def force_error(portal):
    portal.api("PUT", "/faults", json={"profiles": ["internal-error"]})
    return portal.client.get("/selftest")


def test_internal_error_page_is_generic_with_an_incident_id(tmp_path, caplog):
    portal = make_portal(tmp_path)
    with caplog.at_level(logging.DEBUG):
        page = force_error(portal)
    assert page.status_code == 500
    incident = INCIDENT.search(page.text).group(1)
    for leak in ("db_password", "604231", "Traceback", "SelfTestFailure", "/srv/portal", "selftest.py"):
        assert leak not in page.text
    logged = caplog.text
    assert incident in logged and "SelfTestFailure" in logged  # enough for the operator to find it
    for leak in ("db_password", "604231", "Traceback", LEAKY_DETAIL):
        assert leak not in logged


def test_sms_codes_and_passwords_never_reach_the_log(tmp_path, caplog):
    portal = make_portal(tmp_path)
    account = portal.seed_natural("zr_logs", phone="13800138022")
    with caplog.at_level(logging.DEBUG):
        portal.login("zr_logs", "Secret#Pass1")
        portal.post_form("/recovery/reset", {"login_name": "zr_logs"}, form_page="/recovery/reset")
        portal.post_form("/recovery/reset/verify", {"action": "code"}, form_page="/recovery/reset/verify")
    code = CODE.search(portal.api("GET", "/sms", params={"phone": account["phone"]})[-1]["text"]).group(1)
    assert code not in caplog.text
    assert "Secret#Pass1" not in caplog.text


def test_not_found_and_malformed_ids_get_chinese_pages_not_500(tmp_path):
    portal = make_portal(tmp_path)
    missing = portal.client.get("/no/such/page")
    assert missing.status_code == 404 and "您访问的页面不存在" in missing.text
    portal.seed_legal("fr_ids")
    portal.sign_in("fr_ids")
    for path in ("/online/authorization/grants/abc/edit", "/online/authorization/grants/99999999999999999999/edit"):
        response = portal.client.get(path)
        assert response.status_code < 500, path


def test_every_page_carries_the_security_headers(tmp_path):
    portal = make_portal(tmp_path)
    for path in ("/", "/login", "/no/such/page"):
        headers = portal.client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]


def test_control_plane_refuses_non_loopback_clients_even_with_the_token(tmp_path):
    portal = make_portal(tmp_path)
    remote = TestClient(portal.app, client=("203.0.113.7", 40000))
    assert remote.post("/__test__/reset", headers={"X-Test-Token": TOKEN}).status_code == 403
    assert remote.get("/__test__/sms", headers={"X-Test-Token": TOKEN}).status_code == 403


def test_test_api_flag_needs_a_token(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("PORTAL_TEST_API_TOKEN", raising=False)
    assert portal_main(["serve", "--test-api", "--db", str(tmp_path / "p.db")]) == 2
    assert "--test-api-token" in capsys.readouterr().err


def test_logins_failures_resets_are_audited(tmp_path):
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_audit")
    portal.login("zr_audit", "Wrong#123x")
    portal.client.cookies.clear()
    portal.login("zr_audit", "Aa123456#x")
    for _ in range(5):
        portal.login("zr_audit", "Wrong#123x")
    events = portal.api("GET", "/audit", params={"login_name": "zr_audit"})
    seen = [(e["event"], e["result"]) for e in events]
    assert ("login", "failed") in seen and ("login", "ok") in seen and ("login", "locked") in seen
    assert all(e["at"] and e["login_name"] == "zr_audit" for e in events)


@pytest.mark.parametrize(
    "content, ok",
    [
        (b"\x89PNG\r\n\x1a\n" + b"0" * 20, True),
        (b"%PDF-1.7\n...", True),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", False),
        (b"<!DOCTYPE html><script>alert(1)</script>", False),
        (b"GIF89a....", False),
        (b"", False),
    ],
    ids=["png", "pdf", "svg-script", "html", "gif", "empty"],
)
def test_uploads_are_checked_by_content(tmp_path, content, ok):
    portal = make_portal(tmp_path)
    with portal.app.state.sessionmaker() as db:
        if ok:
            stored = uploads.store(db, portal.settings, "证件.png", content, NOW)
            assert stored.stored_name != "证件.png" and re.fullmatch(r"[0-9a-f]{32}", stored.stored_name)
            path = portal.settings.upload_dir / stored.stored_name
            assert path.read_bytes() == content
            assert "static" not in path.parts and "templates" not in path.parts
        else:
            with pytest.raises(uploads.UploadError):
                uploads.store(db, portal.settings, "a.svg", content, NOW)


def test_uploads_have_a_size_limit(tmp_path):
    portal = make_portal(tmp_path, upload_max_bytes=1024)
    with portal.app.state.sessionmaker() as db, pytest.raises(uploads.UploadError, match="超过"):
        uploads.store(db, portal.settings, "big.pdf", b"%PDF-" + b"0" * 1024, NOW)


def test_uploaded_files_are_served_only_as_downloads(tmp_path):
    portal = make_portal(tmp_path)
    portal.api("POST", "/reviewers", json={"username": "shenhe", "password": "Rv123456#x"})
    with portal.app.state.sessionmaker() as db:
        stored = uploads.store(db, portal.settings, "x.pdf", b"%PDF-<html><script>alert(1)</script>", NOW)
        db.commit()
    portal.post_form("/admin/login", {"username": "shenhe", "password": "Rv123456#x"}, form_page="/admin/login")
    response = portal.client.get(f"/admin/uploads/{stored.id}")
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert portal.client.get(f"/static/{stored.stored_name}").status_code == 404
