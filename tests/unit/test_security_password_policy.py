"""Password policy, both modes: 等保 (8–64, three classes, periodic change) by default and ASVS
(12–64, no composition rules, no rotation, breached list) as an option; long Chinese passwords are
not truncated; a change needs the current password; the ASVS mode of a real portal process."""

from __future__ import annotations

import datetime as dt
import re

import httpx
import pytest

from mock_portal.messages import auth as M
from mock_portal.services import passwords
from support.target.portal_process import start_portal
from tests.unit.conftest import make_portal

ALERT = re.compile(r'role="alert">([^<]*)<')
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
NOW = dt.datetime(2026, 11, 27, 9, 0)


def alert(response) -> str:
    found = ALERT.search(response.text)
    return found.group(1) if found else ""


@pytest.mark.parametrize(
    "password, message",
    [
        ("Ab1#xyz", M.RULE_LENGTH_DENGBAO),  # 7 characters
        ("A" * 30 + "b1#" + "c" * 32, M.RULE_LENGTH_DENGBAO),  # 65 characters
        ("abcdefgh1", M.RULE_CLASSES),  # two classes
        ("abcdefgh", M.RULE_CLASSES),
        ("Xzr_user1#", M.RULE_CONTAINS_LOGIN),
        ("Kqzvbtm7", None),  # three classes, 8 characters
        ("Abcdefg1", M.RULE_BREACHED),  # three classes, but well known (issue 21)
        ("P@ssw0rd", M.RULE_BREACHED),
        ("密码很长Ab1" + "汉" * 56, None),  # 64 characters incl. Chinese
    ],
)
def test_dengbao_policy(password, message):
    assert passwords.policy_violation(password, "dengbao", "zr_user") == message


@pytest.mark.parametrize(
    "password, message",
    [
        ("Abcdefg1#xy", M.RULE_LENGTH_ASVS),  # 11 characters, even with every class
        ("a" * 65, M.RULE_LENGTH_ASVS),
        ("password1234", M.RULE_BREACHED),
        ("PASSWORD1234", M.RULE_BREACHED),
        ("kqzvbtmwplrs", None),  # no composition rules
        ("qwertyasdfgh", M.RULE_BREACHED),  # but a well-known password (issue 21)
        ("我的密码是一句很长的中文诗句", None),
    ],
)
def test_asvs_policy(password, message):
    assert passwords.policy_violation(password, "asvs") == message


def test_rotation_only_in_dengbao_mode():
    changed = NOW - dt.timedelta(days=91)
    assert passwords.is_expired(changed, NOW, "dengbao", 90)
    assert not passwords.is_expired(NOW - dt.timedelta(days=89), NOW, "dengbao", 90)
    assert not passwords.is_expired(changed - dt.timedelta(days=1000), NOW, "asvs", 90)


def test_64_character_chinese_password_is_not_truncated():
    full = "长城" * 30 + "Ab1#"
    assert len(full) == 64
    stored = passwords.hash_password(full)
    assert passwords.verify_password(stored, full)
    assert not passwords.verify_password(stored, full[:-1])
    assert not passwords.verify_password(stored, full[:63] + "$")
    assert not passwords.verify_password(stored, full[:32])


def test_long_chinese_password_logs_in_over_http_and_a_prefix_does_not(tmp_path):
    portal = make_portal(tmp_path)
    full = "科技部政务服务" * 8 + "Aa1#xyz9"
    assert len(full) == 64
    portal.seed_natural("zr_long", password=full)
    assert portal.login("zr_long", full[:56]).status_code == 422
    assert portal.login("zr_long", full).status_code == 303


def test_change_needs_the_current_password_and_follows_the_policy(tmp_path):
    portal = make_portal(tmp_path)
    portal.seed_natural("zr_chg", password="Aa123456#x")
    portal.sign_in("zr_chg")
    wrong = portal.post_form(
        "/password/change",
        {"old_password": "Bb123456#x", "new_password": "Cc123456#x", "confirm_password": "Cc123456#x"},
    )
    assert wrong.status_code == 422 and alert(wrong) == M.OLD_PASSWORD_WRONG
    weak = portal.post_form(
        "/password/change", {"old_password": "Aa123456#x", "new_password": "abcdefgh", "confirm_password": "abcdefgh"}
    )
    assert weak.status_code == 422 and alert(weak) == M.RULE_CLASSES
    ok = portal.post_form(
        "/password/change",
        {"old_password": "Aa123456#x", "new_password": "长城Cc123456#x", "confirm_password": "长城Cc123456#x"},
        follow_redirects=False,
    )
    assert ok.status_code == 303
    portal.client.cookies.clear()  # a new browser
    assert portal.login("zr_chg", "长城Cc123456#x").status_code == 303


def test_a_portal_started_with_asvs_policy_applies_it(tmp_path):
    portal = start_portal(tmp_path, "asvs", extra_args=["--password-policy", "asvs"])
    try:
        api = httpx.Client(base_url=portal.base_url, headers={"X-Test-Token": portal.token}, timeout=30)
        api.post(
            "/__test__/accounts",
            json={
                "kind": "natural",
                "login_name": "zr_asvs",
                "password": "Aa123456#x",
                "name": "王五",
                "password_age_days": 400,
            },
        ).raise_for_status()
        # No rotation: the 400-day-old password still logs in, no 修改密码 demanded.
        fresh = httpx.Client(base_url=portal.base_url, timeout=30)
        login_page = fresh.get("/login")
        captcha = api.get(f"/__test__/captcha/{fresh.cookies['MOSTSESSION']}").json()["answer"]
        done = fresh.post(
            "/login",
            data={
                "csrf_token": CSRF.search(login_page.text).group(1),
                "login_name": "zr_asvs",
                "password": "Aa123456#x",
                "captcha": captcha,
                "login_type": "natural",
            },
        )
        assert done.status_code == 303, alert(done)
        page = fresh.get("/password/change")
        assert "12至64位" in page.text  # the hint names the ASVS rule
        token = CSRF.search(page.text).group(1)

        def change(new: str):
            return fresh.post(
                "/password/change",
                data={"csrf_token": token, "old_password": "Aa123456#x", "new_password": new, "confirm_password": new},
            )

        assert alert(change("Abcdefg1#xy")) == M.RULE_LENGTH_ASVS
        assert alert(change("password1234")) == M.RULE_BREACHED
        assert change("一二三四五六七八九十百千").status_code == 303  # no composition rule
    finally:
        portal.stop()
