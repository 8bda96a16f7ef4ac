"""Honest skips on a target that lacks a capability: a scenario tagged @mock-only needs the test
control plane; @needs-<capability> (clock, back-office, faults, sms, captcha) needs that capability.
Decided at collection from --base-url/--target-config, so `--collect-only` (make plan) shows it too.
Steps that reach for a missing capability at run time skip through Target.require with the same reasons."""
from __future__ import annotations

import pytest

from support import staging
from support.target import CAPABILITY_REASONS

NEEDS = {f"needs-{cap}": cap for cap in CAPABILITY_REASONS if cap != "test-api"}
PLAN_KEY = pytest.StashKey[list]()


def pytest_configure(config):
    for marker, cap in NEEDS.items():
        config.addinivalue_line("markers", f"{marker}: the scenario needs the target capability '{cap}'")


def required(item) -> list[str]:
    caps = ["test-api"] if item.get_closest_marker("mock-only") else []
    return caps + [cap for marker, cap in NEEDS.items() if item.get_closest_marker(marker)]


def missing_reason(item, available: frozenset[str]) -> str | None:
    for cap in required(item):
        if cap not in available:
            return CAPABILITY_REASONS[cap]
    return None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    available = staging.capabilities(config)
    plan = []
    for item in items:
        reason = missing_reason(item, available)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))
        plan.append((item.nodeid, reason))
    config.stash[PLAN_KEY] = plan


def pytest_report_header(config):
    if config.getoption("--base-url"):
        data = staging.load(config)
        caps = "、".join(sorted(data.get("capabilities", ()))) or "（无）"
        return [f"目标：{config.getoption('--base-url')}（{data.get('kind', 'staging')}），能力：{caps}"]
    return ["目标：嵌入式模拟门户（全部能力）"]
