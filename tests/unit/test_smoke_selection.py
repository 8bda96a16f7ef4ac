"""`make smoke`'s selection (support/run/smoke.py): with `--unit-on-first-browser` a unit test that drives a
browser runs on the run's first --browser only, while the @smoke scenarios and the unit tests without a
browser stay as they were; `make smoke` passes the option."""

import re

from tests.unit.test_markup_variants import ROOT, run_pytest

BROWSER_UNIT = "tests/unit/test_vendor_renderings.py"  # unit tests with a `page`, one copy per --browser
PLAIN_UNIT = "tests/unit/test_browser_policy.py"  # unit tests without a browser


def _collected(*args: str) -> set[str]:
    done = run_pytest("--collect-only", "-q", *args)
    return {line for line in done.stdout.splitlines() if line.startswith("tests/")}


def _on(browser: str, items: set[str]) -> set[str]:
    return {n for n in items if re.search(rf"\[{browser}[\]-]", n)}


def test_browser_unit_tests_run_on_the_first_browser_only_and_the_smoke_scenarios_on_each():
    selection = [BROWSER_UNIT, PLAIN_UNIT, "tests/e2e", "-m", "smoke or unit"]
    both = ["--browser", "chromium", "--browser", "firefox"]
    everything = _collected(*selection, *both)
    first_only = _collected(*selection, *both, "--unit-on-first-browser")

    browser_units = {n for n in everything if n.startswith(BROWSER_UNIT)}
    assert _on("chromium", browser_units) and _on("firefox", browser_units)
    assert first_only == everything - _on("firefox", browser_units)
    smoke_on_firefox = {n for n in first_only if n.startswith("tests/e2e/")} & _on("firefox", first_only)
    assert smoke_on_firefox, "the @smoke scenarios still run on Firefox"
    assert {n for n in first_only if n.startswith(PLAIN_UNIT)} == {n for n in everything if n.startswith(PLAIN_UNIT)}

    firefox_first = _collected(BROWSER_UNIT, "--browser", "firefox", "--browser", "chromium", "--unit-on-first-browser")
    without_browser = browser_units - _on("chromium", browser_units) - _on("firefox", browser_units)
    assert firefox_first == _on("firefox", browser_units) | without_browser, "the first --browser is the one kept"


def test_make_smoke_passes_the_option():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    smoke = re.search(r"^smoke:.*?(?=^\S)", makefile, re.M | re.S).group(0)
    assert "--unit-on-first-browser" in smoke
