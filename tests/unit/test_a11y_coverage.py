"""The accessibility template-coverage verdict (support/a11y/a11y_coverage.py): judged only when every
@a11y scenario was selected, failing and naming each template a browser did not check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.a11y import a11y_coverage as cov


class FakeConfig:
    def __init__(self, browsers):
        self.browsers = browsers

    def getoption(self, name, default=None):
        return self.browsers if name == "--browser" else default


@pytest.fixture
def fresh_state(monkeypatch):
    monkeypatch.setattr(cov, "_checked", {})
    monkeypatch.setattr(cov, "_catalog", [])
    monkeypatch.setattr(cov, "_state", {"a11y_items": 0, "a11y_deselected": 0, "a11y_uncollected": 0})


def worker(checked: dict, items: int, deselected: int = 0, uncollected: int = 0) -> dict:
    return {
        "checked": checked,
        "catalog": ["a.html", "b.html", "c.html"],
        "a11y_items": items,
        "a11y_deselected": deselected,
        "a11y_uncollected": uncollected,
    }


def test_complete_run_missing_a_template_fails_naming_it(fresh_state):
    cov._merge(worker({"chromium": ["a.html", "b.html"]}, items=10))
    cov._merge(worker({"chromium": ["c.html"], "firefox": ["a.html", "b.html"]}, items=10))
    passed, lines = cov.verdict(FakeConfig(["chromium", "firefox"]))
    assert passed is False
    assert lines[0] == "chromium：无障碍检查覆盖页面模板 3/3"
    assert lines[1] == "firefox：无障碍检查覆盖页面模板 2/3，未检查：c.html"


def test_complete_run_with_every_template_passes(fresh_state):
    cov._merge(worker({"chromium": ["a.html", "b.html", "c.html"]}, items=4))
    assert cov.verdict(FakeConfig(["chromium"]))[0] is True


def test_partial_run_is_reported_but_not_judged(fresh_state):
    cov._merge(worker({"chromium": ["a.html"]}, items=10, deselected=7))
    passed, lines = cov.verdict(FakeConfig(["chromium"]))
    assert passed is None
    assert lines[0] == "chromium：无障碍检查覆盖页面模板 1/3"
    assert "不作判定" in lines[-1]


def test_a_run_of_some_test_files_is_not_judged(fresh_state):
    """`pytest tests/e2e/test_a11y.py` deselects nothing, yet never collects the @a11y scenarios of the
    other files (hgr, authorization, recovery): it must not fail for templates only those reach."""
    cov._merge(worker({"chromium": ["a.html"]}, items=30, uncollected=9))
    passed, lines = cov.verdict(FakeConfig(["chromium"]))
    assert passed is None
    assert "不作判定" in lines[-1]


def test_the_tagged_scenarios_are_read_from_the_feature_files():
    base = Path("features").resolve()
    tagged = {(str(Path(feature).relative_to(base)), name) for feature, name in cov.tagged_scenarios(base)}
    assert ("a11y/page_states.feature", "登录失败的错误提示") in tagged  # tagged on its feature
    assert any(feature == "hgr/entry.feature" for feature, _ in tagged)  # tagged on the scenario
    assert not any(feature == "platform/login.feature" for feature, _ in tagged)


def test_a_run_without_accessibility_checks_says_nothing(fresh_state):
    assert cov.verdict(FakeConfig(["chromium"])) == (None, [])


def test_worker_payload_round_trips(fresh_state):
    cov._merge(worker({"firefox": ["b.html"]}, items=3))
    payload = json.loads(json.dumps(cov._payload()))
    assert payload["checked"] == {"firefox": ["b.html"]} and payload["a11y_items"] == 3
