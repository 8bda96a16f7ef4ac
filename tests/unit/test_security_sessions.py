"""等保 login-failure handling and session security on the server: the lock and its end, reset
still working while locked, idle timeout, logout and password changes ending sessions, cookie
flags, CSRF refusals."""

from __future__ import annotations

import re

from tests.unit.conftest import make_portal

ALERT = re.compile(r'role="alert">([^<]*)<')
CODE = re.compile(r"验证码为(\d{6})")
LOCKED = "登录失败次数过多，账号已临时锁定，请15分钟后再试"
CSRF_REFUSED = "请求已失效或来源不可信，请刷新页面后重试"


def alert(response) -> str:
    found = ALERT.search(response.text)
    return found.group(1) if found else ""


def fail_times(portal, login_name: str, times: int):
    response = None
    for _ in range(times):
        response = portal.login(login_name, "Wrong#123x")
    return response


def test_fifth_wrong_password_locks_even_the_right_one(tmp_path):
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_lock")
    assert alert(fail_times(portal, "zr_lock", 4)) == "登录名或密码错误"
    assert alert(fail_times(portal, "zr_lock", 1)).startswith(LOCKED)
    right = portal.login("zr_lock", "Aa123456#x")
    assert right.status_code == 422 and alert(right).startswith(LOCKED)
    portal.advance(minutes=14)
    assert alert(portal.login("zr_lock", "Aa123456#x")).startswith(LOCKED)
    portal.advance(minutes=1)
    assert portal.login("zr_lock", "Aa123456#x").status_code == 303


def test_lock_never_tells_whether_the_name_exists(tmp_path):
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_known")
    known = fail_times(portal, "zr_known", 5)
    unknown = fail_times(portal, "zr_unknown_name", 5)
    assert alert(known) == alert(unknown) and alert(known).startswith(LOCKED)
    assert known.status_code == unknown.status_code == 422


def test_threshold_and_duration_are_configurable(tmp_path):
    portal = make_portal(tmp_path, lockout_threshold=3, lockout_minutes=60)
    portal.seed_natural("zr_cfg")
    assert "请60分钟后再试" in alert(fail_times(portal, "zr_cfg", 3))
    portal.advance(minutes=59)
    assert portal.login("zr_cfg", "Aa123456#x").status_code == 422
    portal.advance(minutes=1)
    assert portal.login("zr_cfg", "Aa123456#x").status_code == 303


def test_reset_by_login_name_works_while_locked_and_ends_the_lock(tmp_path):
    portal = make_portal(tmp_path)
    account = portal.seed_natural("zr_victim", phone="13800138011")
    fail_times(portal, "zr_victim", 5)
    portal.post_form("/recovery/reset", {"login_name": "zr_victim"}, form_page="/recovery/reset")
    sent = portal.post_form("/recovery/reset/verify", {"action": "code"}, form_page="/recovery/reset/verify")
    assert sent.status_code == 200, alert(sent)
    code = CODE.search(portal.api("GET", "/sms", params={"phone": account["phone"]})[-1]["text"]).group(1)
    done = portal.post_form(
        "/recovery/reset/verify",
        {"action": "reset", "code": code, "new_password": "Nn654321#y", "confirm_password": "Nn654321#y"},
        form_page="/recovery/reset/verify",
    )
    assert done.status_code == 200, alert(done)
    portal.client.cookies.clear()
    assert portal.login("zr_victim", "Nn654321#y").status_code == 303


def test_idle_session_is_gone_and_login_returns_to_the_page(tmp_path):
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_idle")
    portal.sign_in("zr_idle")
    assert portal.client.get("/password/change").status_code == 200
    portal.advance(minutes=29)
    assert portal.client.get("/password/change").status_code == 200  # use keeps it alive
    portal.advance(minutes=31)
    gone = portal.client.get("/password/change", follow_redirects=False)
    assert gone.status_code == 303
    assert gone.headers["location"] == "/login?reason=idle&next=/password/change"
    page = portal.client.get(gone.headers["location"])
    assert "由于长时间未操作，您已自动退出，请重新登录" in page.text
    assert 'name="next" value="/password/change"' in page.text
    portal.client.cookies.clear()
    portal.client.get("/login?next=/password/change")
    back = portal.login("zr_idle", "Aa123456#x", next="/password/change")
    assert back.headers["location"] == "/password/change"


def test_a_favicon_request_after_the_idle_period_leaves_the_notice_to_the_page(tmp_path):
    """Browsers fetch /favicon.ico on their own, after the page: it must not be the request that ends
    the idle session (it would take the 您已自动退出 notice with it; found by make flake-check)."""
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_icon")
    portal.sign_in("zr_icon")
    assert portal.client.get("/password/change").status_code == 200
    portal.advance(minutes=31)
    icon = portal.client.get("/favicon.ico")
    assert "set-cookie" not in icon.headers
    gone = portal.client.get("/password/change", follow_redirects=False)
    assert gone.headers["location"] == "/login?reason=idle&next=/password/change"


def test_pages_name_their_icon_under_static(tmp_path):
    portal = make_portal(tmp_path)
    page = portal.client.get("/login")
    assert '<link rel="icon" href="/static/favicon.svg"' in page.text
    assert portal.client.get("/static/favicon.svg").status_code == 200


def test_login_never_follows_an_offsite_next(tmp_path):
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_next")
    for bad in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        portal.client.cookies.clear()
        assert portal.login("zr_next", "Aa123456#x", next=bad).headers["location"] == "/"


def test_logout_destroys_the_session_and_a_replayed_cookie_gets_the_login_page(tmp_path):
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_out")
    portal.client.get("/login")
    portal.login("zr_out", "Aa123456#x")
    stolen = portal.client.cookies.get("MOSTSESSION")
    assert portal.post_form("/logout", {}, form_page="/").status_code == 200
    portal.client.cookies.clear()
    portal.client.cookies.set("MOSTSESSION", stolen)
    replay = portal.client.get("/password/change", follow_redirects=False)
    assert replay.status_code == 303 and replay.headers["location"].startswith("/login?reason=login")


def test_password_change_ends_every_other_session(tmp_path):
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_two")
    second_sid = portal.api("POST", "/sessions", json={"login_name": "zr_two"})["session_id"]
    portal.sign_in("zr_two")
    portal.post_form(
        "/password/change",
        {"old_password": "Aa123456#x", "new_password": "Bb654321#y", "confirm_password": "Bb654321#y"},
    )
    portal.client.cookies.clear()
    portal.client.cookies.set("MOSTSESSION", second_sid)
    assert portal.client.get("/password/change", follow_redirects=False).status_code == 303


def test_session_cookie_flags(tmp_path):
    portal = make_portal(tmp_path)
    header = portal.client.get("/login").headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=lax" in header and "path=/" in header
    assert "secure" not in header
    https = make_portal(tmp_path / "https", https=True)
    assert "secure" in https.client.get("/login").headers["set-cookie"].lower()


def test_login_rotates_the_session_id(tmp_path):
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_fix")
    portal.client.get("/login")
    planted = portal.client.cookies.get("MOSTSESSION")
    portal.login("zr_fix", "Aa123456#x")
    assert portal.client.cookies.get("MOSTSESSION") != planted
    portal.client.cookies.clear()
    portal.client.cookies.set("MOSTSESSION", planted)
    assert "当前用户" not in portal.client.get("/").text


def test_csrf_refusals(tmp_path):
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_csrf")
    portal.sign_in("zr_csrf")
    change = {"old_password": "Aa123456#x", "new_password": "Bb654321#y", "confirm_password": "Bb654321#y"}
    missing = portal.client.post("/password/change", data=change)
    assert missing.status_code == 403 and CSRF_REFUSED in missing.text
    other = make_portal(tmp_path / "other")
    foreign_token = other.csrf("/login")
    wrong = portal.client.post("/password/change", data={"csrf_token": foreign_token, **change})
    assert wrong.status_code == 403 and CSRF_REFUSED in wrong.text
    as_json = portal.client.post("/password/change", json={"csrf_token": portal.csrf("/"), **change})
    assert as_json.status_code == 403
    portal.client.cookies.clear()
    assert portal.login("zr_csrf", "Aa123456#x").status_code == 303  # the password did not change


def test_a_refused_cross_site_post_leaves_the_users_session_cookie_alone(tmp_path):
    """A forged form on another site posts without the SameSite=Lax cookie: the portal refuses it and
    must not answer with a new session cookie, which would replace the user's and log them out."""
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_forged")
    portal.client.get("/login")
    portal.login("zr_forged", "Aa123456#x")
    mine = portal.client.cookies.get("MOSTSESSION")
    portal.client.cookies.clear()  # what the browser sends cross-site: no session cookie
    forged = portal.client.post("/logout", data={})
    assert forged.status_code == 403 and CSRF_REFUSED in forged.text
    assert "set-cookie" not in forged.headers
    portal.client.cookies.set("MOSTSESSION", mine)
    assert "当前用户" in portal.client.get("/").text
