"""Root conftest: loads steps/ and support plugins (support/gherkin/tagging.py registers the tag vocabulary of
support/gherkin/tags.py and the FAQ IDs as markers), and owns the fixtures that pick the target portal and
the browser."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
os.environ.setdefault("PLAYWRIGHT_BROWSERS_PATH", str(ROOT / ".playwright"))

from support.browsers.executables import BrowserUnavailable, launch_options  # noqa: E402

pytest_plugins = [
    "support.a11y.a11y_coverage",
    "support.run.markup_variants",
    "support.run.fixtures",
    "support.reporting.allure_results",
    "support.target.capabilities",
    "support.browsers.browser_marks",
    "support.browsers.recycling",
    "support.reporting.skip_results",
    "support.gherkin.step_hints",
    "support.gherkin.step_lookup",
    "support.reporting.gherkin_failures",
    "support.gherkin.tagging",
    "support.run.schedule",
    "support.run.smoke",
    "support.run.heap",
] + sorted(f"steps.{p.stem}" for p in (ROOT / "steps").glob("*.py") if p.stem != "__init__")


def pytest_addoption(parser):
    group = parser.getgroup("portal", "科学技术部政务服务平台 suite")
    group.addoption("--target-config", default=None, help="YAML file describing a staging target")
    group.addoption("--screenshot-steps", action="store_true", help="attach a screenshot after every 那么 step")
    group.addoption(
        "--remote-browser",
        default=os.environ.get("PLAYWRIGHT_WS_ENDPOINT"),
        help="ws:// endpoint of `playwright run-server` serving the browsers (env PLAYWRIGHT_WS_ENDPOINT)",
    )
    group.addoption(
        "--a11y",
        action="store_true",
        help="run axe-core after every navigation; serious/critical violations fail the scenario",
    )
    group.addoption(
        "--portal-markup",
        choices=["standard", "plain"],
        default="standard",
        help="markup of the embedded portal: plain = another vendor's ids/classes, no test ids, "
        "no ARIA, headings one level lower (mock_portal/markup_plain.py)",
    )
    group.addoption(
        "--evidence",
        choices=["full", "trace", "off"],
        default="full",
        help="failure evidence: full = trace + screenshot + video (Chromium), trace, off",
    )


# pytest-playwright's own evidence options act on its context/page fixtures, which support/run/fixtures.py
# replaces (evidence per actor, secrets masked, budget): refused with the suite's equivalent, never ignored.
PLAYWRIGHT_EVIDENCE_OPTIONS = {"--tracing": "off", "--video": "off", "--screenshot": "off"}


def refuse_playwright_evidence_options(config) -> None:
    asked = [
        f"{name} {config.getoption(name)}"
        for name, default in PLAYWRIGHT_EVIDENCE_OPTIONS.items()
        if config.getoption(name, default) != default
    ]
    if asked:
        raise pytest.UsageError(
            f"本套件自己管理失败证据，pytest-playwright 的 {'、'.join(asked)} 在这里不起作用。请改用 "
            "--evidence full（默认：失败时附 trace、截图、Chromium 录像）、--evidence trace 或 --evidence off；"
            "每个“那么”步骤后截图用 --screenshot-steps。"
        )


def pytest_configure(config):
    refuse_playwright_evidence_options(config)


@pytest.fixture(scope="session")
def browser_type_launch_args(pytestconfig, browser_type):
    """System Chromium / Firefox ESR unless Playwright's own builds are installed."""
    headed = bool(pytestconfig.getoption("--headed"))
    try:
        options = launch_options(browser_type, pytestconfig.getoption("--browser-channel"), headless=not headed)
    except BrowserUnavailable as exc:
        pytest.exit(str(exc), returncode=2)
    if headed:
        options["headless"] = False
    return options


@pytest.fixture(scope="session")
def connect_options(pytestconfig, browser_type_launch_args):
    """Browsers served by `playwright run-server` on another host (or 127.0.0.1), when asked for.
    The server reads the launch options from a header in Playwright's camelCase names (pytest-playwright
    sends snake_case, which the server ignores); executablePath needs `run-server --unsafe`."""
    endpoint = pytestconfig.getoption("--remote-browser")
    if not endpoint:
        return None
    launch = {re.sub(r"_(\w)", lambda m: m.group(1).upper(), k): v for k, v in browser_type_launch_args.items()}
    # Playwright ≥ 1.5x names it `endpoint` (BrowserType.connect(endpoint, …)); `ws_endpoint` is refused.
    # expose_network: the remote browser reaches this host's loopback, where the embedded portal listens.
    return {
        "endpoint": endpoint,
        "expose_network": "<loopback>",
        "headers": {"x-playwright-launch-options": json.dumps(launch)},
    }


# Function scope: a scenario's portal is the run's, or for an --also-plain copy the plain rendering's.
@pytest.fixture
def browser_context_args(base_url):
    return {
        "locale": "zh-CN",
        "timezone_id": "Asia/Shanghai",
        "base_url": base_url,
        "viewport": {"width": 1280, "height": 900},
        "accept_downloads": True,
    }


@pytest.fixture
def base_url(target):
    return target.base_url


@pytest.fixture(scope="session", autouse=True)
def _verify_url():
    """pytest-base-url's reachability check is replaced by the target fixture's own start-up check."""
