"""pytest plugin loaded by tools/bench/bench.py (`-p bench_timing`, tools/bench on PYTHONPATH) to say
where the suite's time goes. It only measures: nothing about the run changes.

Writes JSON to $BENCH_TIMINGS at session end:
  marks      seconds since $BENCH_T0 (set by bench.py just before starting pytest): configured
             (python + pytest + plugins + conftest imported), collected, first_test, session_end
  fixtures   set-up seconds of the session fixtures that start things (portal, Playwright, browser)
  tests      per node id: setup / call / teardown (pytest's report durations), protocol (the whole
             runtest protocol, so protocol − the three = reporting hooks), allure (time spent writing
             Allure result, container and attachment files during that test)
"""

from __future__ import annotations

import functools
import json
import os
import time

import pytest

T0 = float(os.environ.get("BENCH_T0", time.time()))
_marks: dict[str, float] = {}
_fixtures: dict[str, float] = {}
_tests: dict[str, dict[str, float]] = {}
_allure = {"seconds": 0.0}
WATCHED_FIXTURES = {"target", "playwright", "browser", "browser_type_launch_args"}


def _since_start() -> float:
    return time.time() - T0


def _time_allure_writes() -> None:
    try:
        from allure_commons.logger import AllureFileLogger
    except ImportError:
        return

    def timed(method):
        @functools.wraps(method)  # keeps allure's hookimpl marker, or the logger would not be registered
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                _allure["seconds"] += time.perf_counter() - start

        return wrapper

    for name in ("report_result", "report_container", "report_attached_file", "report_attached_data"):
        setattr(AllureFileLogger, name, timed(getattr(AllureFileLogger, name)))


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    _marks["configured"] = _since_start()
    _time_allure_writes()


def pytest_collection_finish(session):
    _marks["collected"] = _since_start()


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef, request):
    start = time.perf_counter()
    yield
    if fixturedef.argname in WATCHED_FIXTURES and fixturedef.scope == "session":
        _fixtures[fixturedef.argname] = _fixtures.get(fixturedef.argname, 0.0) + time.perf_counter() - start


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _marks.setdefault("first_test", _since_start())
    allure_before = _allure["seconds"]
    start = time.perf_counter()
    yield
    entry = _tests.setdefault(item.nodeid, {})
    entry["protocol"] = time.perf_counter() - start
    entry["allure"] = _allure["seconds"] - allure_before


def pytest_runtest_logreport(report):
    _tests.setdefault(report.nodeid, {})[report.when] = report.duration


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session):
    _marks["session_end"] = _since_start()
    path = os.environ.get("BENCH_TIMINGS")
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump({"marks": _marks, "fixtures": _fixtures, "tests": _tests}, fh, ensure_ascii=False)
