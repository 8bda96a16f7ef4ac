"""What a reviewer reads first in an Allure result, as pure functions (unit-tested in
tests/unit/test_reporting_rules.py); support/reporting/allure_results.py applies them to each result before
allure-python writes it.

- Blame: a portal 5xx seen during a failed scenario leads its message ("门户返回 500（事件编号 …）"),
  quoting the portal's log lines, and makes it a product defect (allurerc.mjs matches the message).
- Browser: the name ends in "[chromium]" / "[firefox]"; history keys hold the browser's name, never
  its version (an update must not reset every trend).
- Secrets: step parameters keep only what the step's text says; every registered secret is masked.
"""

from __future__ import annotations

import re

import pytest
from allure_commons.utils import md5

from support.reporting import redaction

INCIDENT = re.compile(r"事件编号[：:]\s*([0-9A-F]{8})")
LOG_INCIDENT = re.compile(r"incident ([0-9A-F]{8})")
BROWSER_PARAMETER = "浏览器"
BROWSER_VERSION_PARAMETER = "浏览器版本"
# pytest-playwright's parametrisation, shown by allure-python as 'chromium' (quotes included).
PYTEST_BROWSER_PARAMETER = "browser_name"
# support/run/markup_variants.py's parametrisation (None on every original): the plain copies say
# 页面写法 = plain instead, so the originals keep the parameters and history keys they always had.
PYTEST_MARKUP_PARAMETER = "portal_markup"
MARKUP_PARAMETER = "页面写法"
LOG_LINES = 12
# What the suite learns about a scenario while it runs, kept on its pytest item.
STEP_TEXT_PARAMETERS = pytest.StashKey[dict]()  # step name → the names its text gives
PORTAL_RESPONSES = pytest.StashKey[list]()  # the portal's 4xx/5xx answers (support/run/fixtures.py)
PORTAL_LOG = pytest.StashKey[str]()  # the portal log written during a failed scenario


def incident_of(text: str | None) -> str | None:
    found = INCIDENT.search(text or "")
    return found.group(1) if found else None


def with_browser(name: str, browser: str | None) -> str:
    if not browser or name.endswith(f"[{browser}]"):
        return name
    return f"{name} [{browser}]"


def history_keys(full_name: str, browser: str | None, parameters: list[dict]) -> tuple[str, str]:
    """(testCaseId, historyId): the scenario and browser NAME; plus the outline row for historyId.
    Excluded parameters (the browser version) never count."""
    test_case_id = md5(full_name, browser or "")
    kept = sorted(
        (p["name"], str(p["value"]))
        for p in parameters
        if not p.get("excluded") and p["name"] not in (BROWSER_PARAMETER, PYTEST_BROWSER_PARAMETER)
    )
    return test_case_id, md5(test_case_id, *(f"{n}={v}" for n, v in kept))


def browser_parameters(parameters: list[dict], browser: str | None) -> list[dict]:
    """浏览器 = the name (grouping, history); 浏览器版本 = the version, shown but excluded from history.
    pytest-playwright's own browser_name parameter is dropped (it repeated the name in quotes), and so is
    portal_markup (页面写法 names the plain copies)."""
    out, version = [], None
    for p in parameters:
        if p["name"] in (PYTEST_BROWSER_PARAMETER, PYTEST_MARKUP_PARAMETER):
            continue
        if p["name"] == MARKUP_PARAMETER:
            p = {**p, "value": str(p["value"]).strip("'\"")}
        if p["name"] == BROWSER_PARAMETER:  # allure-python quotes it: "'chromium 140.0.1'"
            name, _, version = str(p["value"]).strip("'\"").partition(" ")
            browser = browser or name
            continue
        out.append(p)
    if browser:
        out.insert(0, {"name": BROWSER_PARAMETER, "value": browser})
    if version:
        out.insert(1, {"name": BROWSER_VERSION_PARAMETER, "value": version, "excluded": True})
    return out


def log_quote(excerpt: str | None, incident: str | None) -> str:
    """The portal log lines that name the incident (or the last lines), for the message."""
    lines = [line for line in (excerpt or "").splitlines() if line.strip()]
    if not lines:
        return ""
    chosen = [line for line in lines if incident and incident in line] or lines[-LOG_LINES:]
    return "\n".join(chosen[:LOG_LINES])


def portal_error_head(responses: list[dict], log_excerpt: str | None = None) -> str | None:
    """ "门户返回 500（事件编号 …）：GET /path" for the first 5xx answer of a scenario; None without one."""
    server = [r for r in responses if r["status"] >= 500]
    if not server:
        return None
    first = server[0]
    incident = first.get("incident") or next((m for m in LOG_INCIDENT.findall(log_excerpt or "")), None)
    return f"门户返回 {first['status']}（事件编号 {incident or '未知'}）：{first['method']} {first['path']}"


def blame(message: str | None, responses: list[dict], log_excerpt: str | None) -> str | None:
    """The message for a failed scenario that saw portal error responses; None when there were none.
    5xx: the first one leads the message and the log is quoted. 4xx only: listed after the failure
    (a 403/404 can be what a scenario expects, so it does not take the blame)."""
    server = [r for r in responses if r["status"] >= 500]
    client = [r for r in responses if 400 <= r["status"] < 500]
    if not server and not client:
        return None
    listed = "\n".join(
        f"- {r['status']} {r['method']} {r['path']}" + (f"（{r['actor']}）" if r.get("actor") else "")
        for r in (server + client)[:10]
    )
    if not server:
        return f"{message or ''}\n\n场景期间门户的错误响应：\n{listed}"
    head = portal_error_head(responses, log_excerpt)
    incident = server[0].get("incident") or next((m for m in LOG_INCIDENT.findall(log_excerpt or "")), None)
    parts = [head]
    quoted = log_quote(log_excerpt, incident)
    if quoted:
        parts.append("门户日志：\n" + quoted)
    parts.append("场景期间门户的错误响应：\n" + listed)
    parts.append("随后的失败：\n" + (message or "（无消息）"))
    return "\n\n".join(parts)


def step_text_parameters(steps: list[dict], allowed: dict[str, set[str]]) -> None:
    """Keep only the parameters a step's own text gives (its name → names); fixtures' values go."""
    for step in steps:
        names = allowed.get(step.get("name", ""), set())
        if step.get("parameters"):
            step["parameters"] = [p for p in step["parameters"] if p["name"] in names]
        step_text_parameters(step.get("steps") or [], allowed)


def redact_tree(value, values=None):
    """Every string of a result (as plain dicts and lists) with the secrets masked."""
    if isinstance(value, str):
        return redaction.redact_text(value, values)
    if isinstance(value, list):
        return [redact_tree(v, values) for v in value]
    if isinstance(value, dict):
        return {k: redact_tree(v, values) for k, v in value.items()}
    return value
