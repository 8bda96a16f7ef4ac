"""The portal's per-request savings keep the security behaviour: a session's row is written at most
once a minute while in use, yet the idle timeout still counts from the latest use, to the second;
the plain ASGI session middleware still sets cookies and security headers."""

from __future__ import annotations

import datetime as dt

from mock_portal import sessions
from mock_portal.models.web import WebSession
from tests.unit.conftest import make_portal


def stored_last_seen(portal, session_id: str) -> dt.datetime | None:
    with portal.app.state.sessionmaker() as db:
        row = db.get(WebSession, session_id)
        return row.last_seen_at if row else None


def test_reading_pages_does_not_write_the_session_row_every_time(tmp_path):
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_touch")
    portal.sign_in("zr_touch")
    sid = portal.client.cookies.get("MOSTSESSION")
    assert portal.client.get("/services").status_code == 200
    first = stored_last_seen(portal, sid)
    portal.advance(minutes=0.5)  # the test API takes fractions too
    assert portal.client.get("/services").status_code == 200
    assert stored_last_seen(portal, sid) == first  # within the minute: not written
    portal.advance(minutes=1)
    assert portal.client.get("/services").status_code == 200
    assert stored_last_seen(portal, sid) - first >= dt.timedelta(minutes=1.5)  # a minute or more behind: written


def test_idle_timeout_counts_from_the_latest_use_even_when_the_row_is_behind(tmp_path):
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_exact")
    portal.sign_in("zr_exact")
    assert portal.client.get("/password/change").status_code == 200  # t = 0: row written
    portal.advance(minutes=0.75)
    assert portal.client.get("/password/change").status_code == 200  # t = 45 s: row not written
    portal.advance(minutes=29.5)
    # 30 min 15 s after the row's time, 29 min 30 s after the latest use: still logged in.
    assert portal.client.get("/password/change", follow_redirects=False).status_code == 200
    portal.advance(minutes=30 + 5 / 60)
    gone = portal.client.get("/password/change", follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"].startswith("/login?reason=idle")


def test_last_seen_keeps_live_sessions_when_it_prunes():
    idle = dt.timedelta(minutes=30)
    seen = sessions.LastSeen()
    start = dt.datetime(2026, 1, 5, 9, 0)
    seen.set("old", start, idle)
    for i in range(2000):
        seen.set(f"s{i}", start + dt.timedelta(minutes=31), idle)
    assert seen.get("old") is None  # idle by any measure: dropped
    assert seen.get("s0") == start + dt.timedelta(minutes=31)
    seen.set("s0", start, idle)  # never moves back
    assert seen.get("s0") == start + dt.timedelta(minutes=31)


def test_new_session_cookie_and_security_headers_on_pages_errors_and_static(tmp_path):
    portal = make_portal(tmp_path)
    page = portal.client.get("/login")
    assert "MOSTSESSION=" in page.headers["set-cookie"] and "httponly" in page.headers["set-cookie"].lower()
    for response in (page, portal.client.get("/no-such-page"), portal.client.get("/static/no-such-file.css")):
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    again = portal.client.get("/login")
    assert "set-cookie" not in again.headers  # the session is known: no new cookie
