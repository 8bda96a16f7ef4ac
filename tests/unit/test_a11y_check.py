"""The axe-core check (support/a11y/axe.py) on deliberately broken pages: it fails naming the rule."""

from __future__ import annotations

from support.a11y import axe

BROKEN_FORM = """<!DOCTYPE html><html lang="zh-CN"><head><title>坏页面</title></head><body><main><h1>坏页面</h1>
<form><input type="text" name="login_name"><button type="submit">登录</button></form></main></body></html>"""


def test_an_input_without_label_fails_naming_the_rule(page):
    page.set_content(BROKEN_FORM)
    result = axe.check(page, label="单元测试")
    message = result.failure_message()
    assert message is not None
    assert "规则 label" in message and "表单输入框没有可读出的标签" in message
    assert 'name="login_name"' in message


def test_a_labelled_form_passes(page):
    page.set_content(
        BROKEN_FORM.replace(
            '<input type="text" name="login_name">',
            '<label for="n">登录名</label><input id="n" type="text" name="login_name">',
        )
    )
    result = axe.check(page, label="单元测试")
    assert result.failure_message() is None, result.report()


def test_an_unknown_rule_falls_back_to_axe_help():
    violation = axe.Violation("some-new-rule", "serious", "Elements must be nice", "https://example.invalid")
    assert violation.failing and violation.explanation == "（axe 说明）Elements must be nice"
