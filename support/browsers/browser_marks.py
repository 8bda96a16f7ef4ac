"""Which browsers a run may use, checked before anything starts, and scenarios limited to one
browser WITH a reason. The Gherkin tags (support/gherkin/tags.py, applied by support/gherkin/tagging.py):

    @only_browser:chromium:Firefox的下载对话框不同      → pytest.mark.only_browser("chromium", reason=…)
    @skip_browser:firefox:原因                         → pytest.mark.skip_browser("firefox", reason=…)

pytest-playwright honours the markers; this plugin skips first so the reason reaches pytest's summary
and Allure, and refuses (usage error) any only_browser/skip_browser marker without a reason (one
written in Python as well as one from a tag)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support.browsers.executables import BrowserUnavailable, launch_options
from support.gherkin.tags import BROWSER_TAGS


def pytest_collection_modifyitems(config, items):
    bare = [
        item.nodeid
        for item in items
        for name in BROWSER_TAGS
        if (m := item.get_closest_marker(name)) and not m.kwargs.get("reason")
    ]
    if bare:
        raise pytest.UsageError("以下场景限定了浏览器却没有写原因（reason=…）：\n  " + "\n  ".join(sorted(set(bare))))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    browser = getattr(item, "callspec", None) and item.callspec.params.get("browser_name")
    if not browser:
        return
    only = item.get_closest_marker("only_browser")
    if only and only.args[0] != browser:
        pytest.skip(f"仅在 {only.args[0]} 上运行：{only.kwargs['reason']}")
    skip = item.get_closest_marker("skip_browser")
    if skip and skip.args[0] == browser:
        pytest.skip(f"不在 {browser} 上运行：{skip.kwargs['reason']}")


class _InstalledType:
    """Just enough of a Playwright BrowserType for launch_options() to decide without starting Playwright."""

    def __init__(self, name: str) -> None:
        self.name = name

    @property
    def executable_path(self) -> str:
        root = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH", Path.home() / ".cache" / "ms-playwright"))
        builds = sorted(root.glob(f"{self.name}-*"))
        if not builds:
            raise FileNotFoundError(self.name)
        return str(builds[-1])


def unavailable(browsers: list[str], channel: str | None) -> str | None:
    """The message of the first requested browser that is not installed here, else None."""
    for name in browsers or ["chromium"]:
        try:
            launch_options(_InstalledType(name), channel)
        except BrowserUnavailable as exc:
            return str(exc)
    return None


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    """Fail fast (exit code 2, no stack trace, before any portal starts) on a browser that is not installed."""
    if hasattr(config, "workerinput") or config.getoption("--remote-browser", None):
        return
    if config.getoption("--collect-only", False) or config.getoption("--plan", False):
        return
    message = unavailable(config.getoption("--browser", None) or [], config.getoption("--browser-channel", None))
    if message:
        pytest.exit(message, returncode=2)
