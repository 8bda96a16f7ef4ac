"""A message check that fails says first what the page shows (issue 19): a forbidden action that
succeeded reads as such, not as "element(s) not found"."""

from __future__ import annotations

import pytest

from pages.frame import what_page_shows
from support.gherkin.message_checks import expect_message

RESET_DONE = """<!doctype html><html lang="zh-CN"><body>
<nav><a href="/">首页</a><a href="/services">服务事项</a></nav>
<main><h1>登录名重置密码</h1><div role="status">密码重置成功，请使用新密码登录</div>
<p>请返回登录页。</p></main></body></html>"""

PLAIN = """<!doctype html><html lang="zh-CN"><body><div class="nav">首页 服务事项</div>
<div class="main"><h2>用户登录</h2><div class="msg">登录名或密码错误</div></div></body></html>"""


def test_the_first_line_names_the_expected_message_and_what_the_page_shows(page):
    page.set_content(RESET_DONE)
    with pytest.raises(AssertionError) as failure:
        expect_message(page, "登录名或密码错误", "页面提示错误")
    first = str(failure.value).splitlines()[0]
    assert first == "期望页面提示错误“登录名或密码错误”，但页面显示：“密码重置成功，请使用新密码登录”"
    assert "Actual value:" not in str(failure.value)  # the failure header must pick our line


def test_a_page_without_announced_messages_is_read_in_its_content(page):
    page.set_content(PLAIN)
    shown = what_page_shows(page)
    assert "登录名或密码错误" in shown and "用户登录" in shown


def test_what_the_page_shows_is_bounded(page):
    page.set_content(f"<main><p>{'很长的说明' * 200}</p></main>")
    shown = what_page_shows(page, limit=50)
    assert len(shown) == 50 and shown.endswith("…")


def test_a_shown_message_passes(page):
    page.set_content(RESET_DONE)
    expect_message(page, "密码重置成功，请使用新密码登录")
