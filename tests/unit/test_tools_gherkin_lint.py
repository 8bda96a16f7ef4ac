"""Unit tests of tools/gherkin_lint.py on tools/fixtures/lint."""

import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))
import gherkin_lint  # noqa: E402

LINT = TOOLS / "fixtures" / "lint"
CATALOG = str(TOOLS / "fixtures" / "coverage" / "catalog.yaml")


def lint(name, capsys):
    code = gherkin_lint.main(["--catalog", CATALOG, "--pytest-ini", "/nonexistent", str(LINT / name)])
    return code, capsys.readouterr().out


def test_clean_feature_passes(capsys):
    code, out = lint("good.feature", capsys)
    assert code == 0, out


def test_english_keyword_is_reported_with_its_line(capsys):
    code, out = lint("english.feature", capsys)
    assert code == 1
    assert "english.feature:5:" in out and "'Given'" in out


def test_css_selector_in_step_is_reported(capsys):
    code, out = lint("css.feature", capsys)
    assert code == 1
    assert "css.feature:5:" in out and "#login-submit" in out


def test_tags_waits_xpath_and_duplicate_names(capsys):
    code, out = lint("messy.feature", capsys)
    assert code == 1
    assert "'@no-such-tag'" not in out and "'@FAQ-1.1.2'" not in out  # custom tags need no code
    assert "'@FAQ-9.9.9'" in out and "'@mock_only'" in out and "'@mock-only' (did you mean)" in out
    assert "等待 3 秒" in out
    assert "XPath" in out and "attribute selector" in out
    assert "locator" in out and ".error" in out
    assert "duplicate scenario name" in out


def test_missing_language_header(capsys):
    code, out = lint("noheader.feature", capsys)
    assert code == 1
    assert "noheader.feature:1:" in out and "# language: zh-CN" in out


def test_browser_tags_are_registered():
    assert gherkin_lint.registered("skip_browser(firefox)", set())
    assert gherkin_lint.registered("only_browser", set())
    assert not gherkin_lint.registered("FAQ-9.9", {"FAQ-1.1.1"})
    assert gherkin_lint.registered("qa-trial", set())
    assert not gherkin_lint.registered("mockonly", set())
