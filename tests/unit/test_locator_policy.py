"""pages/ and steps/ locate elements by what a user sees and take every portal path from the route map
(tools/locator_policy.py); the scanner itself is proven on planted bad examples."""

from __future__ import annotations

import pytest

from tools import locator_policy


def test_pages_and_steps_locate_by_what_a_user_sees():
    found = locator_policy.scan()
    assert not found, "定位器规则违规：\n" + "\n".join(map(str, found))


@pytest.mark.parametrize(
    "bad",
    [
        'page.get_by_test_id("current-user")',
        "page.locator('article[id=\"FAQ-1.1.1\"]')",
        'page.locator("#main")',
        'page.locator(".alert")',
        "page.locator(\"//div[@role='alert']\")",
        'page.locator("css=div.userbar")',
        'page.locator("text=登录")',
        'page.locator(f"[data-id={x}]")',
        'page.query_selector("div")',
        'page.get_by_role("heading", level=1)',
        'page.get_by_role("heading", name="常见问题", level=1)',
        'page.get_by_role("alert")',
        'page.get_by_role(role="status")',
        'page.get_by_role("alertdialog")',
        'page.goto("/login")',
        'page.wait_for_url("**/login?reason=logout")',
        'expect(page).to_have_url("/online/info")',
        'page.goto(f"/systems/hgr/projects/{n}")',
    ],
)
def test_the_scanner_catches_a_planted_bad_locator(bad):
    found = locator_policy.check_source(f"def step(page, expect, x, n):\n    {bad}\n", "steps/planted.py")
    assert [v.line for v in found] == [2], bad


@pytest.mark.parametrize(
    "good",
    [
        'page.get_by_role("heading", name="常见问题")',
        'page.get_by_label("登录名")',
        'page.get_by_text("验证码错误")',
        'page.get_by_role("link", name="用户登录", exact=True)',
        'page.goto(path("login"))',
        'page.wait_for_url(url_glob("logout_landing"))',
        "main.filter(has=target)",
        "\"page.locator('#main') in a string is only text\"",
    ],
)
def test_the_scanner_accepts_what_a_user_sees(good):
    assert (
        locator_policy.check_source(f"def step(page, path, url_glob, main, target):\n    {good}\n", "steps/planted.py")
        == []
    )


def test_only_the_frame_builds_the_aria_fallback():
    source = 'def message(page):\n    return page.get_by_role("alert").or_(page.get_by_text("x"))\n'
    assert locator_policy.check_source(source, "pages/frame.py") == []
    assert len(locator_policy.check_source(source, "pages/other.py")) == 1
