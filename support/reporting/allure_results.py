"""Allure labels and attachments: epic/feature/story and a link from the @FAQ-<id> tag,
the browser and its version, step screenshots on request, the environment of the run; and, just
before allure-python writes a result, the reviewer's view of it (support/reporting/report_rules.py): the
browser in its name and history keys, a portal 5xx leading the message, only the step's own
parameters, every registered secret masked."""

from __future__ import annotations

import fcntl
import platform
import subprocess
from importlib.metadata import version
from pathlib import Path

import allure
import allure_commons
import pytest
from allure_commons.model2 import Parameter, Status
from pytest_bdd.steps import step_function_context_registry

from support.gherkin import faq_catalog
from support.reporting import allure_safe, redaction, report_rules

SEVERITY = {
    "blocker": allure.severity_level.BLOCKER,
    "critical": allure.severity_level.CRITICAL,
    "normal": allure.severity_level.NORMAL,
    "minor": allure.severity_level.MINOR,
}


def faq_ids(feature, scenario, node=None) -> list[str]:
    """Tags of the feature and scenario, plus those of its 例子 block (pytest-bdd makes them marks)."""
    tags = set(getattr(feature, "tags", ())) | set(scenario.tags)
    if node is not None:
        tags |= {mark.name for mark in node.iter_markers()}
    return sorted(t for t in tags if t.startswith("FAQ-"))


@pytest.hookimpl(trylast=True)
def pytest_bdd_before_scenario(request, feature, scenario):
    """Runs after allure-pytest-bdd scheduled the test case, so the dynamic labels stick."""
    allure_safe.set_scenario_running(True)
    entries = faq_catalog.entries()
    ids = [i for i in faq_ids(feature, scenario, request.node) if i in entries]
    if ids:
        first = entries[ids[0]]
        allure.dynamic.epic(first["chapter"])
        faq_page = faq_page_url(request.config)
        for faq_id in ids:
            allure.dynamic.feature(f"{faq_id} {entries[faq_id]['title']}")
            allure.dynamic.link(f"{faq_page}#{faq_id}", name=f"{faq_id} 常见问题条目")
        allure.dynamic.severity(SEVERITY.get(first.get("severity", "normal"), allure.severity_level.NORMAL))
    else:
        allure.dynamic.epic("横向检查（安全 / 无障碍 / 性能）")
        allure.dynamic.feature(feature.name)
    allure.dynamic.story(scenario.name)
    # Scenarios ask for `page` only inside their steps: `browser_name` (autouse, tests/e2e/conftest.py)
    # is what tells a browser scenario apart; the session's browser is launched for it anyway.
    if "browser" in request.fixturenames or "browser_name" in request.fixturenames:
        browser = request.getfixturevalue("browser")
        # "chromium 140.0…": the polisher splits it into 浏览器 (history key) and 浏览器版本 (excluded).
        allure.dynamic.parameter("浏览器", f"{browser.browser_type.name} {browser.version}")
        target = request.getfixturevalue("target")
        write_environment(request.config, target, {browser.browser_type.name: browser.version})


@pytest.hookimpl
def pytest_bdd_after_step(request, feature, scenario, step, step_func, step_func_args):
    if step.type == "then" and request.config.getoption("--screenshot-steps") and "page" in request.fixturenames:
        page = request.getfixturevalue("page")
        allure_safe.attach(
            page.screenshot(full_page=True),
            name=f"截图：{step.keyword.strip()} {step.name}",
            attachment_type=allure.attachment_type.PNG,
        )


# The portal's 常见问题 page: each entry is an element whose id is its FAQ number (mock_portal
# templates/consult/faq.html). On a staging target: that target's page; on the embedded mock (gone
# after the run): the one `make portal` serves.
FAQ_PAGE_PATH = "/consult/faq"
LOCAL_PORTAL = "http://127.0.0.1:8080"


def faq_page_url(config) -> str:
    base = config.getoption("--base-url", default=None) or LOCAL_PORTAL
    return base.rstrip("/") + FAQ_PAGE_PATH


def _git_commit() -> str:
    try:
        return (
            subprocess.run(
                ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
            ).stdout.strip()
            or "unknown"
        )
    except OSError:
        return "unknown"


_WRITTEN: set[str] = set()


def write_environment(config, target, browsers: dict[str, str]) -> None:
    """reports/allure-results/environment.properties: what a reviewer needs to reproduce a run.
    Workers merge their browsers into one file under a lock."""
    results = config.getoption("--alluredir", default=None)
    if not results or set(browsers) <= _WRITTEN:
        return
    _WRITTEN.update(browsers)
    lines = {
        "target": target.base_url if target.kind != "mock" else "嵌入式模拟门户 (embedded mock, one per worker)",
        "target.kind": target.kind,
        "portal.version": _portal_version(target),
        "commit": _git_commit(),
        "python": platform.python_version(),
        "playwright": version("playwright"),
        "pytest-bdd": version("pytest-bdd"),
        **{f"browser.{name}": v for name, v in sorted(browsers.items())},
    }
    path = Path(results) / "environment.properties"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        existing = path.read_text(encoding="utf-8") if path.exists() else ""
        merged = dict(line.split(" = ", 1) for line in existing.splitlines() if " = " in line)
        merged.update(lines)
        path.write_text("".join(f"{k} = {v}\n" for k, v in sorted(merged.items())), encoding="utf-8")


def _portal_version(target) -> str:
    try:
        import httpx

        return httpx.get(target.base_url + "/healthz", timeout=5).headers.get("x-portal-version", "unknown")
    except Exception:  # noqa: BLE001 - informational only
        return "unknown"


@pytest.hookimpl(trylast=True)
def pytest_bdd_before_step_call(request, feature, scenario, step, step_func, step_func_args):
    """Which of the step's arguments come from its text (the rest are fixtures: never shown)."""
    try:
        names = text_arguments(step, step_func)
    except Exception:  # noqa: BLE001 - fewer parameters shown is the safe side
        names = set()
    allowed = request.node.stash.setdefault(STEP_TEXT_PARAMETERS, {})
    allowed[f"{step.keyword} {step.name}"] = names


def text_arguments(step, step_func) -> set[str]:
    """The names the step's text gives, read from the definition pytest-bdd already chose (step_func).
    Not get_step_function again: that scans every registered fixture for a matching parser, about
    4 ms a step, a second time (docs/performance.md)."""
    for context in list(step_function_context_registry.values()):
        if context.step_func is not step_func or context.type not in (None, step.type):
            continue
        if context.parser.is_matching(step.name):
            return set(context.parser.parse_arguments(step.name) or {})
    return set()


STEP_TEXT_PARAMETERS = report_rules.STEP_TEXT_PARAMETERS
PORTAL_RESPONSES = report_rules.PORTAL_RESPONSES
PORTAL_LOG = report_rules.PORTAL_LOG
_current_item = None


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """allure-python writes the result inside this hook (teardown; setup for early skips): the
    polisher below reads the item it belongs to from here."""
    global _current_item
    _current_item = item
    try:
        yield
    finally:
        _current_item = None


class ResultPolisher:
    """An allure-python plugin: runs on each result before the file writer (tryfirst)."""

    @allure_commons.hookimpl(tryfirst=True)
    def report_result(self, result):
        polish(result, _current_item)


def browser_of(item) -> str | None:
    params = getattr(getattr(item, "callspec", None), "params", {}) or {}
    return params.get("browser_name")


def polish(result, item) -> None:
    browser = browser_of(item) if item is not None else None
    result.name = report_rules.with_browser(result.name or "", browser)
    params = report_rules.browser_parameters(
        [{"name": p.name, "value": p.value, "excluded": p.excluded, "mode": p.mode} for p in result.parameters], browser
    )
    result.parameters = [
        Parameter(name=p["name"], value=p["value"], excluded=p.get("excluded"), mode=p.get("mode")) for p in params
    ]
    if result.fullName:
        result.testCaseId, result.historyId = report_rules.history_keys(
            result.fullName,
            browser,
            [{"name": p.name, "value": p.value, "excluded": p.excluded} for p in result.parameters],
        )
    if item is not None:
        allowed = item.stash.get(STEP_TEXT_PARAMETERS, {})
        _filter_step_parameters(result.steps, allowed)
        responses = item.stash.get(PORTAL_RESPONSES, [])
        if result.status in (Status.FAILED, Status.BROKEN) and responses and result.statusDetails:
            message = report_rules.blame(result.statusDetails.message, responses, item.stash.get(PORTAL_LOG, ""))
            if message:
                result.statusDetails.message = message
                if any(r["status"] >= 500 for r in responses):
                    result.status = Status.FAILED  # the portal failed, not the suite
    _redact(result)


def _filter_step_parameters(steps, allowed) -> None:
    for step in steps or []:
        if step.parameters:
            names = allowed.get(step.name, set())
            step.parameters = [p for p in step.parameters if p.name in names]
        _filter_step_parameters(step.steps, allowed)


def _redact(obj) -> None:
    """Every string field of an allure model object, recursively, with the secrets masked."""
    if not redaction.known() or obj is None:
        return
    for field in getattr(type(obj), "__attrs_attrs__", ()):
        value = getattr(obj, field.name)
        if isinstance(value, str):
            setattr(obj, field.name, redaction.redact_text(value))
        elif isinstance(value, list):
            for i, entry in enumerate(value):
                if isinstance(entry, str):
                    value[i] = redaction.redact_text(entry)
                else:
                    _redact(entry)
        elif hasattr(type(value), "__attrs_attrs__"):
            _redact(value)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    """Self-check of every run with --alluredir: none of the secrets this process registered (seeded
    passwords, ID numbers, SMS codes, staging credentials) may appear in the results, the text
    attachments or inside the trace archives. Names the files, never the secret; fails the run."""
    results = session.config.getoption("--alluredir", default=None)
    if not results or not redaction.known():
        return
    found = redaction.leaks(Path(results))
    if found:
        session.config.get_terminal_writer().line(
            f"\n报告中发现已登记的秘密（密码、证件号、短信验证码等），见 {results}：" + "、".join(found[:20]), red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    # Registered before other result plugins (support/reporting/gherkin_failures.py): among allure's tryfirst hooks
    # the earliest registered runs last, so "门户返回 500（事件编号 …）" ends up heading the message.
    if config.getoption("--alluredir", default=None) and not allure_commons.plugin_manager.has_plugin(
        "suite-result-polisher"
    ):
        allure_commons.plugin_manager.register(ResultPolisher(), name="suite-result-polisher")


@pytest.hookimpl
def pytest_unconfigure(config):
    if allure_commons.plugin_manager.has_plugin("suite-result-polisher"):
        allure_commons.plugin_manager.unregister(name="suite-result-polisher")


@pytest.hookimpl
def pytest_runtest_logfinish(nodeid, location):
    """The scenario's Allure result is written after its teardown: attachments stop here."""
    allure_safe.set_scenario_running(False)
