"""Every scenario runs once per --browser: pytest-bdd scenarios request `page` only inside
their steps, so this autouse fixture puts `browser_name` in their signature for parametrizing."""

import pytest


@pytest.fixture(autouse=True)
def _one_run_per_browser(browser_name):
    return browser_name
