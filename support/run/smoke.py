"""`make smoke` (issue 24): the first signal on every change, in one xdist run. Every item under
tests/unit carries the `unit` marker, so `-m "smoke or unit"` selects the @smoke scenarios on each
--browser together with the unit tests (the Makefile leaves out the slow unit modules, SMOKE_SKIP).

`--unit-on-first-browser`: a unit test that drives a browser (the page objects on vendor markup, a real
trace) runs on the run's first --browser only; the @smoke scenarios still run on every --browser, and
`make test` runs those unit tests on each. On a slow 2-core VM their Firefox copies were 73 of the 195
item-seconds of `make smoke` (docs/performance.md, session 14)."""

from __future__ import annotations

import pytest

from support.run.schedule import browser_of


def pytest_addoption(parser):
    parser.getgroup("portal").addoption(
        "--unit-on-first-browser",
        action="store_true",
        help="unit tests that drive a browser run on the first --browser only (make smoke)",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "unit: an item under tests/unit (set automatically)")


def is_unit(item) -> bool:
    return item.nodeid.startswith("tests/unit/")


@pytest.hookimpl(tryfirst=True)  # before -m deselects
def pytest_collection_modifyitems(config, items):
    for item in items:
        if is_unit(item):
            item.add_marker("unit")
    if not config.getoption("unit_on_first_browser"):
        return
    browsers = config.getoption("browser", None) or ["chromium"]
    first = browsers[0]
    other = [item for item in items if is_unit(item) and browser_of(item) not in (None, first)]
    if other:
        config.hook.pytest_deselected(items=other)
        dropped = set(other)
        items[:] = [item for item in items if item not in dropped]
