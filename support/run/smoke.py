"""`make smoke` (issue 24): the first signal on every change, in one xdist run. Every item under
tests/unit carries the `unit` marker, so `-m "smoke or unit"` selects the @smoke scenarios on each
--browser together with the unit tests (the Makefile leaves out the slow unit modules, SMOKE_SKIP)."""

from __future__ import annotations

import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "unit: an item under tests/unit (set automatically)")


@pytest.hookimpl(tryfirst=True)  # before -m deselects
def pytest_collection_modifyitems(items):
    for item in items:
        if item.nodeid.startswith("tests/unit/"):
            item.add_marker("unit")
