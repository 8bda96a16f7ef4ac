"""A fresh browser every so many scenarios (issue 24), instead of pytest-playwright's one browser per session.

Firefox ESR driven over WebDriver BiDi keeps memory of every context it has opened and closed: over the
two-hour staging demo each worker's Firefox parent process grew to about 4.4 GB and every step slowed with
it (docs/performance.md). Relaunching it every `--recycle-browser` scenarios (between scenarios, never
inside one) bounds that (through a whole make test it stayed under 1 GB); a launch took 3.6 s at load 10.
Chromium was not measured growing so and is kept for the run unless asked (`--recycle-browser-all`).

`browser` stays the fixture every scenario and hook asks for; only its scope changes, from the session's
one browser to the browser of this scenario, taken from the worker's pool.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser

DEFAULT_EVERY = 40  # Firefox scenarios per browser; 0 = never relaunch


def pytest_addoption(parser):
    group = parser.getgroup("portal")
    group.addoption(
        "--recycle-browser",
        type=int,
        default=DEFAULT_EVERY,
        metavar="N",
        help=f"relaunch Firefox after every N scenarios of a worker (default {DEFAULT_EVERY}; 0 = never)",
    )
    group.addoption(
        "--recycle-browser-all",
        action="store_true",
        help="relaunch every browser, Chromium too, after every --recycle-browser scenarios",
    )


class BrowserPool:
    """One browser at a time for one worker; `take()` hands out the current one, and relaunches it first
    when it has served `every` scenarios (or was closed, e.g. after a crash)."""

    def __init__(self, launch: Callable[[], Browser], every: int) -> None:
        self._launch = launch
        self._every = every
        self._browser: Browser | None = None
        self._served = 0
        self.launches = 0

    def take(self) -> Browser:
        worn = self._every and self._served >= self._every
        if self._browser is None or worn or not self._browser.is_connected():
            self.close()
            self._browser = self._launch()
            self.launches += 1
            self._served = 0
        self._served += 1
        return self._browser

    def close(self) -> None:
        if self._browser is not None and self._browser.is_connected():
            self._browser.close()
        self._browser = None


def every_for(config, browser_name: str) -> int:
    every = max(0, config.getoption("--recycle-browser"))
    if browser_name == "firefox" or config.getoption("--recycle-browser-all"):
        return every
    return 0


@pytest.fixture(scope="session")
def browser_pool(launch_browser, browser_name, pytestconfig):
    pool = BrowserPool(launch_browser, every_for(pytestconfig, browser_name))
    yield pool
    pool.close()


@pytest.fixture
def browser(browser_pool) -> Browser:
    """This scenario's browser (pytest-playwright's session `browser`, relaunched every so often)."""
    return browser_pool.take()
