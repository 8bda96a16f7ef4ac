"""Each check of tests/http fails on a portal without its guard: the in-process mock
(tests/unit/conftest.make_portal) with that guard switched off (GUARDS_OFF / NO_STORE_OFF, as in
tests/unit/test_security_depth.py) or replaced by the weak behaviour. Races are shown within a few
rounds: the unguarded read-then-write window is short and a busy machine may serialise one round."""

from __future__ import annotations

import contextlib

import pytest
from fastapi.responses import Response

from mock_portal import app as portal_app
from mock_portal.routers import auth
from mock_portal.services import passwords, sms, throttle
from tests.http import checks
from tests.http.portal_http import HttpPortal
from tests.unit.conftest import make_portal

pytestmark = pytest.mark.security


@pytest.fixture(autouse=True)
def _only_without_a_target(request):
    if request.config.getoption("--base-url"):
        pytest.skip("关掉防护的证明只在进程内的模拟门户上运行（与 --base-url 的目标无关）")


@contextlib.contextmanager
def guard_off(guards: set[str], name: str):
    guards.add(name)
    try:
        yield
    finally:
        guards.discard(name)


def portal(tmp_path) -> HttpPortal:
    return HttpPortal.in_process(make_portal(tmp_path))


def fails_in_some_round(check, tmp_path, rounds: int) -> list[str]:
    """The check's failure in the first of `rounds` fresh portals where the limit is broken ([] if none)."""
    for i in range(rounds):
        try:
            check(portal(tmp_path / str(i)))
        except AssertionError as exc:
            assert "突破" in str(exc), f"失败的不是并发上限本身：{exc}"
            return [str(exc)]
    return []


def test_without_the_dummy_hash_the_http_timing_check_fails(tmp_path):
    with guard_off(passwords.GUARDS_OFF, "uniform-timing"), pytest.raises(AssertionError, match="耗时"):
        checks.check_timing_uniform(portal(tmp_path))


def test_without_the_atomic_counter_the_http_parallel_login_check_fails(tmp_path):
    with guard_off(throttle.GUARDS_OFF, "atomic"):
        assert fails_in_some_round(checks.check_parallel_wrong_passwords, tmp_path, 3)


def test_without_atomic_code_tries_the_http_parallel_code_check_fails(tmp_path):
    with guard_off(sms.GUARDS_OFF, "atomic"):
        assert fails_in_some_round(checks.check_parallel_wrong_codes, tmp_path, 6)


def test_without_the_atomic_cooldown_the_http_parallel_resend_check_fails(tmp_path):
    with guard_off(sms.GUARDS_OFF, "atomic"):
        assert fails_in_some_round(checks.check_parallel_resends, tmp_path, 6)


def test_without_no_store_the_http_cache_check_fails(tmp_path):
    with guard_off(portal_app.NO_STORE_OFF, "no-store"), pytest.raises(AssertionError, match="no-store"):
        checks.check_personal_pages_no_store(portal(tmp_path))


class _ScriptReadableCookies(Response):
    """A portal that sets its session cookie without HttpOnly and SameSite."""

    def set_cookie(self, key, value="", *args, **kw):
        kw.update(httponly=False, samesite=None)
        super().set_cookie(key, value, *args, **kw)


def test_with_a_script_readable_session_cookie_the_http_cookie_check_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(portal_app, "Response", _ScriptReadableCookies)
    with pytest.raises(AssertionError, match="HttpOnly"):
        checks.check_cookie_attributes(portal(tmp_path))


def test_without_secure_on_https_the_http_cookie_check_fails(tmp_path):
    """The same portal seen at an https address (its cookie has no Secure without --https)."""
    p = portal(tmp_path)
    p.base_url = "https://testserver"
    with pytest.raises(AssertionError, match="Secure"):
        checks.check_cookie_attributes(p)


def test_with_logout_on_get_the_http_get_check_fails(tmp_path):
    made = make_portal(tmp_path)
    made.app.router.add_api_route("/logout", auth.logout, methods=["GET"])  # a portal that logs out on GET
    with pytest.raises(AssertionError, match="用 GET 请求退出登录"):
        checks.check_no_state_change_on_get(HttpPortal.in_process(made))
