"""Unit tests of tools/faq_coverage.py on the small fixture trees in tools/fixtures/coverage."""

import json
from pathlib import Path

from tools import faq_coverage

TOOLS = Path(faq_coverage.__file__).resolve().parent

FIXTURES = TOOLS / "fixtures" / "coverage"
CATALOG = str(FIXTURES / "catalog.yaml")


def call(tree, tmp_path, capsys, results=None):
    argv = [
        "--features",
        str(FIXTURES / tree / "features"),
        "--catalog",
        CATALOG,
        "--output",
        str(tmp_path / "faq-coverage.md"),
        "--results",
        str(results or tmp_path / "no-results"),
    ]
    code = faq_coverage.main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_fully_covered_tree_passes_and_writes_the_matrix(tmp_path, capsys):
    code, out, err = call("ok", tmp_path, capsys)
    assert code == 0, err
    matrix = (tmp_path / "faq-coverage.md").read_text(encoding="utf-8")
    assert "| FAQ-2.1 |" in matrix and "法人给自然人授予人遗角色" in matrix  # tag on the 例子 block
    assert "platform/login.feature:4" in out  # feature-level tag applies to the scenario
    assert "已覆盖 3/3" in out


def test_security_scenario_without_faq_tag_is_accepted(tmp_path, capsys):
    code, _out, err = call("ok", tmp_path, capsys)
    assert code == 0
    assert "未登录时不能打开授权页面" not in err


def test_uncovered_entry_fails_naming_the_id(tmp_path, capsys):
    code, _out, err = call("uncovered", tmp_path, capsys)
    assert code == 1
    assert "FAQ-2.1" in err and "without a scenario" in err
    assert "FAQ-1.1.1," not in err  # covered IDs are not listed


def test_unknown_faq_id_fails(tmp_path, capsys):
    code, _out, err = call("unknown", tmp_path, capsys)
    assert code == 1
    assert "FAQ-9.9" in err and "unknown FAQ ID" in err


def test_scenario_without_faq_tag_fails(tmp_path, capsys):
    code, _out, err = call("untagged", tmp_path, capsys)
    assert code == 1
    assert "忘了打 FAQ 标签的场景" in err and "no FAQ tag" in err
    assert "有标签的场景" not in err


def test_empty_features_directory_fails_with_every_id(tmp_path, capsys):
    (tmp_path / "features").mkdir()
    argv = [
        "--features",
        str(tmp_path / "features"),
        "--catalog",
        CATALOG,
        "--output",
        str(tmp_path / "m.md"),
        "--results",
        str(tmp_path / "none"),
    ]
    assert faq_coverage.main(argv) == 1
    err = capsys.readouterr().err
    assert all(faq_id in err for faq_id in ("FAQ-1.1.1", "FAQ-1.1.2", "FAQ-2.1"))


def allure_result(name, tag, browser, status, stop):
    return {
        "name": name,
        "status": status,
        "stop": stop,
        "labels": [{"name": "tag", "value": tag}, {"name": "feature", "value": "x"}],
        "parameters": [{"name": "browser_name", "value": browser}],
    }


def test_last_allure_result_per_browser_and_global_attachment(tmp_path, capsys):
    results = tmp_path / "allure-results"
    results.mkdir()
    name = "密码错误时提示登录名或密码错误"
    runs = [
        allure_result(name, "FAQ-1.1.2", "chromium", "failed", 1),
        allure_result(name, "FAQ-1.1.2", "chromium", "passed", 2),
        allure_result(name, "FAQ-1.1.2", "firefox", "broken", 2),
    ]
    for number, run in enumerate(runs):
        (results / f"{number}-result.json").write_text(json.dumps(run, ensure_ascii=False), encoding="utf-8")
    code, _out, _err = call("ok", tmp_path, capsys, results)
    assert code == 0
    matrix = (tmp_path / "faq-coverage.md").read_text(encoding="utf-8")
    assert "chromium: passed, firefox: broken" in matrix
    globals_item = json.loads((results / faq_coverage.GLOBALS_FILE).read_text(encoding="utf-8"))
    attachment = globals_item["attachments"][0]
    # CSV: the report renders it as a full table (a Markdown preview was a clipped 150-px box)
    assert attachment["name"].startswith("FAQ 覆盖矩阵") and attachment["type"] == "text/csv"
    table = (results / attachment["source"]).read_text(encoding="utf-8")
    assert table.splitlines()[0] == "FAQ,标题,场景,位置,最近结果"
    assert (
        f"FAQ-1.1.2,登录名或密码错误（密码忘记）,{name},"
        'features/platform/login.feature:4,"chromium: passed, firefox: broken"' in table
    )


def test_a_text_only_drift_check_does_not_cover_an_entry(tmp_path, capsys):
    features = tmp_path / "features" / "platform"
    features.mkdir(parents=True)
    for source in (FIXTURES / "ok" / "features").rglob("*.feature"):
        target = tmp_path / "features" / source.relative_to(FIXTURES / "ok" / "features")
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        target.write_text(text.replace("@FAQ-2.1", "@FAQ-2.1 @faq-drift"), encoding="utf-8")
    code = faq_coverage.main(
        [
            "--features",
            str(tmp_path / "features"),
            "--catalog",
            CATALOG,
            "--output",
            str(tmp_path / "m.md"),
            "--results",
            str(tmp_path / "none"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and "FAQ-2.1" in err and "without a scenario" in err
