"""Failures told on the Gherkin line.

When a step fails, pytest-bdd calls ``pytest_bdd_step_error``: the feature file, line, keyword as written
and step text are kept on the test item. The pytest failure text then starts with
``features/…feature:LINE 那么 …`` and the expected vs actual text (read from the assertion's message, e.g.
Playwright's ``expect``), before the Python traceback; the Allure result's message starts the same way
(an allure-python plugin, beside support/reporting/allure_results.py's own).
"""

from __future__ import annotations

import os
import re

import allure_commons
import pytest

from support.reporting import report_rules

STEP_FAILURE = pytest.StashKey[str]()
_PLUGIN_NAME = "suite-gherkin-failure-line"
_current_item = None

# Playwright: "Locator expected to contain text '登录名或密码错误'\nActual value: 验证码错误"
_EXPECTED = re.compile(r"expected to (?P<how>[^'\"\n]*?)\s*['\"](?P<value>.*)['\"]\s*$", re.MULTILINE)
_ACTUAL = re.compile(r"^Actual value:\s*(?P<value>.*)$", re.MULTILINE)
_PLAIN_ASSERT = re.compile(r"^assert (?P<actual>.+?) == (?P<expected>.+)$", re.MULTILINE)


def gherkin_line(config, feature, step) -> str:
    try:
        path = os.path.relpath(feature.filename, str(config.rootpath))
    except ValueError:
        path = feature.filename
    return f"{path}:{step.line_number} {step.keyword.strip()} {step.name}"


def expected_and_actual(message: str) -> list[str]:
    """期望/实际 lines read from an assertion message; [] when it says neither."""
    lines = []
    expected = _EXPECTED.search(message)
    if expected:
        lines.append(f"期望 (expected, {expected.group('how')}): {expected.group('value')}")
    actual = _ACTUAL.search(message)
    if actual:
        lines.append(f"实际 (actual): {actual.group('value').strip() or '（空）'}")
    plain = _PLAIN_ASSERT.search(message) if not lines else None
    if plain:
        lines += [f"期望 (expected): {plain.group('expected')}", f"实际 (actual): {plain.group('actual')}"]
    return lines


def failure_header(line: str, exception: BaseException) -> str:
    message = str(exception).split("\nCall log:")[0].strip()
    details = expected_and_actual(message)
    if not details:
        first = message.splitlines()[0] if message else type(exception).__name__
        details = [f"失败原因 (error): {first}"]
    return "\n".join([line, *details])


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception):
    request.node.stash[STEP_FAILURE] = failure_header(gherkin_line(request.config, feature, step), exception)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Outermost wrapper: allure-python writes the result inside this hook (teardown), so the item is
    known to GherkinLineFirst; the call report's text gets the Gherkin line first."""
    global _current_item
    _current_item = item
    try:
        outcome = yield
    finally:
        _current_item = None
    report = outcome.get_result()
    header = item.stash.get(STEP_FAILURE, None)
    if report.when != "call" or not report.failed or isinstance(report.longrepr, str):
        return
    # A portal 5xx seen during the scenario takes the blame on the console as in the report.
    blamed = report_rules.portal_error_head(item.stash.get(report_rules.PORTAL_RESPONSES, []))
    lead = [text for text in (blamed, header) if text]
    if lead:
        report.longrepr = "\n".join(lead) + f"\n\n{report.longrepr}"


class GherkinLineFirst:
    """Puts the Gherkin line (and expected vs actual) at the head of a failed result's message."""

    @allure_commons.hookimpl(tryfirst=True)  # before the file writer
    def report_result(self, result):
        header = _current_item.stash.get(STEP_FAILURE, None) if _current_item is not None else None
        details = getattr(result, "statusDetails", None)
        if header and details is not None and not (details.message or "").startswith(header):
            details.message = f"{header}\n\n{details.message or ''}"


def pytest_configure(config):
    if not allure_commons.plugin_manager.has_plugin(_PLUGIN_NAME):
        allure_commons.plugin_manager.register(GherkinLineFirst(), name=_PLUGIN_NAME)


def pytest_unconfigure(config):
    if allure_commons.plugin_manager.has_plugin(_PLUGIN_NAME):
        allure_commons.plugin_manager.unregister(name=_PLUGIN_NAME)
