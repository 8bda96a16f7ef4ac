"""Allure labels and attachments: epic/feature/story and a link from the @FAQ-<id> tag,
the browser and its version, step screenshots on request, the environment of the run."""
from __future__ import annotations

import fcntl
import platform
import subprocess
from importlib.metadata import version
from pathlib import Path

import allure
import pytest

from support import faq_catalog
from support import allure_safe

SEVERITY = {"blocker": allure.severity_level.BLOCKER, "critical": allure.severity_level.CRITICAL,
            "normal": allure.severity_level.NORMAL, "minor": allure.severity_level.MINOR}


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
        for faq_id in ids:
            allure.dynamic.feature(f"{faq_id} {entries[faq_id]['title']}")
            allure.dynamic.link(f"{faq_catalog.source_url()}#{faq_id}", name=f"{faq_id} 常见问题")
        allure.dynamic.severity(SEVERITY.get(first.get("severity", "normal"), allure.severity_level.NORMAL))
    else:
        allure.dynamic.epic("横向检查（安全 / 无障碍 / 性能）")
        allure.dynamic.feature(feature.name)
    allure.dynamic.story(scenario.name)
    # Scenarios ask for `page` only inside their steps: `browser_name` (autouse, tests/e2e/conftest.py)
    # is what tells a browser scenario apart; the session's browser is launched for it anyway.
    if "browser" in request.fixturenames or "browser_name" in request.fixturenames:
        browser = request.getfixturevalue("browser")
        allure.dynamic.parameter("浏览器", f"{browser.browser_type.name} {browser.version}")
        target = request.getfixturevalue("target")
        write_environment(request.config, target, {browser.browser_type.name: browser.version})


@pytest.hookimpl
def pytest_bdd_after_step(request, feature, scenario, step, step_func, step_func_args):
    if step.type == "then" and request.config.getoption("--screenshot-steps") and "page" in request.fixturenames:
        page = request.getfixturevalue("page")
        allure_safe.attach(page.screenshot(full_page=True), name=f"截图：{step.keyword.strip()} {step.name}",
                      attachment_type=allure.attachment_type.PNG)


def _git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=False).stdout.strip() or "unknown"
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


@pytest.hookimpl
def pytest_runtest_logfinish(nodeid, location):
    """The scenario's Allure result is written after its teardown: attachments stop here."""
    allure_safe.set_scenario_running(False)
