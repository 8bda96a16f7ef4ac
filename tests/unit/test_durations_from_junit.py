"""tools/durations_from_junit.py: the last run's junit times become .test_durations entries."""

from __future__ import annotations

import json

from tools import durations_from_junit as d

JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest">
<testcase classname="tests.e2e.test_platform" name="test_登录[chromium-自然人]" time="7.5"/>
<testcase classname="tests.unit.test_schedule" name="test_x" time="0.25"/>
<testcase classname="tests.e2e.test_platform" name="test_跳过[firefox]" time="0.01"><skipped message="x"/></testcase>
</testsuite></testsuites>
"""


def test_junit_cases_become_node_ids_with_their_times_and_skips_are_left_out(tmp_path):
    junit = tmp_path / "junit.xml"
    junit.write_text(JUNIT, encoding="utf-8")
    assert d.read_junit(junit) == {
        "tests/e2e/test_platform.py::test_登录[chromium-自然人]": 7.5,
        "tests/unit/test_schedule.py::test_x": 0.25,
    }


def test_a_slice_updates_its_items_and_keeps_the_rest_unless_pruned(tmp_path):
    junit, durations = tmp_path / "junit.xml", tmp_path / "durations.json"
    junit.write_text(JUNIT, encoding="utf-8")
    durations.write_text(
        json.dumps({"tests/unit/test_schedule.py::test_x": 9.0, "tests/e2e/test_a11y.py::test_y": 3.0})
    )
    assert d.main([str(junit), "--durations", str(durations)]) == 0
    written = json.loads(durations.read_text())
    assert written["tests/unit/test_schedule.py::test_x"] == 0.25 and written["tests/e2e/test_a11y.py::test_y"] == 3.0
    assert d.main([str(junit), "--durations", str(durations), "--prune"]) == 0
    assert "tests/e2e/test_a11y.py::test_y" not in json.loads(durations.read_text())


def test_check_writes_nothing(tmp_path):
    junit, durations = tmp_path / "junit.xml", tmp_path / "durations.json"
    junit.write_text(JUNIT, encoding="utf-8")
    assert d.main([str(junit), "--durations", str(durations), "--check"]) == 0
    assert not durations.exists()
