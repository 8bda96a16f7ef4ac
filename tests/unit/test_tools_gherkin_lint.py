"""Unit tests of tools/gherkin_lint.py on tools/fixtures/lint (which tags it accepts: tests/unit/test_tags.py)."""

from pathlib import Path

from tools import gherkin_lint

TOOLS = Path(gherkin_lint.__file__).resolve().parent

LINT = TOOLS / "fixtures" / "lint"
CATALOG = str(TOOLS / "fixtures" / "coverage" / "catalog.yaml")


def lint(name, capsys):
    code = gherkin_lint.main(["--catalog", CATALOG, str(LINT / name)])
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
    assert "messy.feature:2: 标签 '@FAQ-9.9.9'" in out
    assert "'@mock_only'" in out and "'@mock-only' (did you mean)" in out
    assert "等待 3 秒" in out
    assert "XPath" in out and "attribute selector" in out
    assert "locator" in out and ".error" in out
    assert "duplicate scenario name" in out


def test_missing_language_header(capsys):
    code, out = lint("noheader.feature", capsys)
    assert code == 1
    assert "noheader.feature:1:" in out and "# language: zh-CN" in out


def test_the_documented_browser_tag_passes_and_a_reasonless_one_is_reported(tmp_path, capsys):
    feature = tmp_path / "browser.feature"
    feature.write_text(
        "# language: zh-CN\n@FAQ-1.1.2\n功能: 浏览器\n\n"
        "  @only_browser:chromium:Firefox的下载对话框不同\n  场景: 下载\n    假如 用户打开首页\n\n"
        "  @skip_browser:firefox\n  场景: 不下载\n    假如 用户打开首页\n",
        encoding="utf-8",
    )
    code = gherkin_lint.main(["--catalog", CATALOG, str(feature)])
    out = capsys.readouterr().out
    assert code == 1
    assert "browser.feature:9: 标签 '@skip_browser:firefox' 格式应为" in out
    assert "only_browser" not in out
