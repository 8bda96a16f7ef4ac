"""Honest skips on a target that lacks a capability: a scenario tagged @mock-only needs the test
control plane; @needs-<capability> needs that capability (which tag needs which: support/gherkin/tags.py).
Decided at collection from --base-url/--target-config, so `--collect-only` (make plan) shows it too.
Steps that reach for a missing capability at run time skip through Target.require with the same reasons."""

from __future__ import annotations

import pytest

from support.gherkin.tags import CAPABILITY_TAGS
from support.target import staging
from support.target.portal import CAPABILITY_REASONS

PLAN_KEY = pytest.StashKey[list]()


def pytest_addoption(parser):
    parser.getgroup("portal").addoption(
        "--plan",
        action="store_true",
        help="dry run: list which scenarios would run or be skipped (and why) on the target; no browser, no portal",
    )


def pytest_configure(config):
    if config.getoption("--target-config") and not config.getoption("--base-url"):
        url = staging.load(config).get("base_url")
        if url:
            config.option.base_url = url
        elif not config.getoption("--plan"):
            raise pytest.UsageError("--target-config 需要同时给出 --base-url（或在目标配置中写 base_url）")


def required(item) -> list[str]:
    return [cap for marker, cap in CAPABILITY_TAGS.items() if item.get_closest_marker(marker)]


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


def pytest_collection_finish(session):
    """--plan: print the plan and stop before any fixture (portal, browser) starts."""
    config = session.config
    if not config.getoption("--plan"):
        return
    plan = config.stash.get(PLAN_KEY, [])
    write = config.get_terminal_writer().line
    write("")
    write(pytest_report_header(config)[0])
    for nodeid, reason in plan:
        write(f"  {'跳过' if reason else '运行'}  {nodeid}" + (f"  —— {reason}" if reason else ""))
    skipped = sum(1 for _, reason in plan if reason)
    write(
        f"计划：共 {len(plan)} 个，将运行 {len(plan) - skipped} 个，将跳过 {skipped} 个。"
        "运行中某一步需要目标缺少的能力（账号、验证码、短信）时，该场景会跳过并写明原因。"
    )
    pytest.exit("计划已列出（未启动浏览器和门户）", returncode=0)


def pytest_report_header(config):
    if config.getoption("--base-url"):
        data = staging.load(config)
        caps = "、".join(sorted(data.get("capabilities", ()))) or "（无）"
        return [f"目标：{config.getoption('--base-url')}（{data.get('kind', 'staging')}），能力：{caps}"]
    return ["目标：嵌入式模拟门户（全部能力）"]
