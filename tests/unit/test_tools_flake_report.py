"""tools/flake_report.py: per-case failure counts over the JUnit XML files of repeated runs."""

import io

from tools import flake_report

RUN = """<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest">
<testcase classname="tests.e2e.test_security" name="test_lock[chromium]"/>
<testcase classname="tests.e2e.test_security" name="test_idle[chromium]">{idle}</testcase>
<testcase classname="tests.e2e.test_platform" name="test_login[firefox]"><skipped message="x"/></testcase>
</testsuite></testsuites>"""


def write(tmp_path, name, idle=""):
    path = tmp_path / name
    path.write_text(RUN.format(idle=idle), encoding="utf-8")
    return path


def test_clean_runs_report_zero_failures(tmp_path):
    files = [write(tmp_path, f"run-{i}.xml") for i in range(3)]
    out = io.StringIO()
    assert flake_report.report(flake_report.read(files), out) == 0
    assert "3 runs, 3 cases, 0 failures" in out.getvalue()


def test_failures_are_counted_per_case(tmp_path):
    files = [
        write(tmp_path, "run-1.xml", '<failure message="TimeoutError: locator">trace</failure>'),
        write(tmp_path, "run-2.xml"),
        write(tmp_path, "run-3.xml", '<error message="setup failed"/>'),
    ]
    out = io.StringIO()
    assert flake_report.report(flake_report.read(files), out) == 1
    text = out.getvalue()
    assert "   2/3     tests.e2e.test_security::test_idle[chromium]" in text
    assert "TimeoutError: locator" in text
    assert "test_lock" not in text.split("flaky or failing")[1]


def test_missing_file_is_a_usage_error(tmp_path):
    assert flake_report.main([str(tmp_path / "nope.xml")]) == 2
