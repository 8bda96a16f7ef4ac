"""One tag vocabulary (support/gherkin/tags.py): the lint (tools/gherkin_lint.py) and the run
(support/gherkin/tagging.py under pytest-bdd with the project's pytest.ini) accept and refuse exactly the
same forms; pytest.ini, the target's capabilities and the docs cannot drift from it."""

from __future__ import annotations

import configparser
import re
import subprocess
import sys
from pathlib import Path

import pytest

from support.gherkin import faq_catalog, tags
from support.target.portal import CAPABILITY_REASONS
from tools import faq_coverage, gherkin_lint

ROOT = Path(__file__).resolve().parents[2]
GOOD = [e for t in tags.VOCABULARY for e in t.examples] + list(tags.CUSTOM_GOOD + tags.FAQ_GOOD)
BAD = [e for t in tags.VOCABULARY for e in t.bad] + list(tags.CUSTOM_BAD + tags.FAQ_BAD + tags.NEEDS_BAD)

SCENARIO = "# language: zh-CN\n功能: 标签 {n}\n\n  @{tag}\n  场景: 标签 {n}\n    假如 用户打开首页\n"
EXAMPLES = (
    "# language: zh-CN\n功能: 标签 {n}\n\n  场景大纲: 标签 {n}\n    假如 用户打开<页面>\n\n"
    "    @{tag}\n    例子:\n      | 页面 |\n      | 首页 |\n"
)


def test_documented_forms_include_the_one_the_issue_names():
    assert "only_browser:chromium:原因" in GOOD
    assert {"only_browser:chromium", "skip_browser(firefox)", "chromium-only", "mock_only"} <= set(BAD)


@pytest.mark.parametrize("tag", GOOD)
def test_good_forms_pass_on_a_scenario(tag):
    assert tags.problem(tag, faq_catalog.entries()) is None


@pytest.mark.parametrize("tag", BAD)
def test_bad_forms_are_refused_with_a_reason(tag):
    assert f"'@{tag}'" in (tags.problem(tag, faq_catalog.entries()) or "")


def test_lint_and_run_agree_on_every_documented_form(tmp_path):
    """Every good and bad form, on a scenario and on an 例子 block: one feature and one test module each,
    collected once by pytest with the suite's plugins (-p conftest) and the project's pytest.ini, and
    linted by tools/gherkin_lint.py. A module the run refuses is exactly a feature the lint reports."""
    cases = {}
    for placement, template in (("s", SCENARIO), ("x", EXAMPLES)):
        for n, tag in enumerate(GOOD + BAD):
            name = f"{placement}{n:03d}"
            feature = tmp_path / f"{name}.feature"
            feature.write_text(template.format(n=name, tag=tag), encoding="utf-8")
            (tmp_path / f"test_{name}.py").write_text(
                f"from pytest_bdd import scenarios\n\nscenarios({str(feature)!r})\n", encoding="utf-8"
            )
            cases[name] = (tag, placement, feature)
    (tmp_path / "pytest.ini").write_text((ROOT / "pytest.ini").read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "conftest", "-p", "no:randomly", "-p", "no:cacheprovider"]
        + ["--collect-only", "-q", "-n", "0", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PLAYWRIGHT_BROWSERS_PATH": str(ROOT / ".playwright")},
    )
    output = done.stdout + done.stderr
    assert "Traceback" not in output.split("ERRORS")[0], output[-3000:]
    run_refused = set(re.findall(r"ERROR collecting test_(\w+)\.py", output))
    run_refused |= set(re.findall(r"^\s+test_(\w+)\.py::", output, re.MULTILINE))
    run_collected = set(re.findall(r"^test_(\w+)\.py::", output, re.MULTILINE))
    assert run_refused | run_collected == set(cases), output[-3000:]
    faq_ids = set(faq_catalog.entries())
    disagreements = []
    for name, (tag, placement, feature) in sorted(cases.items()):
        lint_refuses = bool(gherkin_lint.lint_file(feature, faq_ids))
        if lint_refuses != (name in run_refused):
            where = "例子" if placement == "x" else "场景"
            verdicts = (
                f"lint {'refuses' if lint_refuses else 'accepts'}, run {'accepts' if lint_refuses else 'refuses'}"
            )
            disagreements.append(f"@{tag} on {where}: {verdicts}")
    assert not disagreements, "\n".join(disagreements)
    assert "s000" not in run_refused  # the plain forms of the vocabulary, on a scenario
    documented = f"s{GOOD.index('only_browser:chromium:原因'):03d}"
    assert documented in run_collected and not gherkin_lint.lint_file(cases[documented][2], faq_ids)


def test_capability_tags_are_the_targets_capabilities():
    assert set(tags.CAPABILITY_TAGS.values()) == set(CAPABILITY_REASONS), (
        "每个目标能力都要有标签 (support/gherkin/tags.py) / every capability of support/target/portal.py needs a tag"
    )
    for name, capability in tags.CAPABILITY_TAGS.items():
        assert name == ("mock-only" if capability == "test-api" else f"needs-{capability}")


def test_pytest_ini_lists_no_marker_beside_the_vocabulary():
    ini = configparser.ConfigParser(interpolation=None)
    ini.read(ROOT / "pytest.ini", encoding="utf-8")
    listed = [line.strip() for line in ini.get("pytest", "markers", fallback="").splitlines() if line.strip()]
    assert set(listed) <= set(tags.marker_lines()), "pytest.ini 的 markers 与 support/gherkin/tags.py 不一致 (drift)"


def test_the_coverage_gate_reads_the_vocabulary():
    assert faq_coverage.EXEMPT_TAGS == {"security", "a11y", "perf"} == tags.FAQ_EXEMPT
    assert faq_coverage.TEXT_ONLY_TAGS == {"faq-drift"} == tags.NOT_COVERAGE


def test_the_docs_list_every_tag_of_the_vocabulary():
    text = (ROOT / "docs" / "writing-scenarios.md").read_text(encoding="utf-8")
    assert "support/gherkin/tags.py" in text
    missing = [tag.form for tag in tags.VOCABULARY if f"| `{tag.form}` | {tag.meaning} |" not in text]
    assert not missing, f"docs/writing-scenarios.md 的标签表缺少 (tag table lacks) {missing}"
    rows = re.findall(r"^\| `(@[^`]+)` \|", text, re.MULTILINE)
    extra = [row for row in rows if row != tags.FAQ_FORM and row not in {tag.form for tag in tags.VOCABULARY}]
    assert not extra, f"docs/writing-scenarios.md 的标签表多出 (tag table lists unknown tags) {extra}"
