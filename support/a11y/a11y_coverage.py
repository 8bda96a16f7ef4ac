"""Which page templates of the embedded portal the accessibility checks reached, per browser.

The embedded portal names the template of every page in the `X-Portal-Template` response header.
In accessibility scenarios (tagged @a11y, or every scenario under `--a11y`) each browser context records
the template of each page's current document; `a11y.check` then counts that template as checked.

At the end of a run that selected every @a11y scenario (`-m a11y`, or `make test`), the run fails
unless, for each browser, every page template of the portal (from its test API) was checked:
a new template that no accessibility scenario reaches is caught the day it lands. Runs that select
only some @a11y scenarios (`-k`, a FAQ tag, a shard, or test files given by path, which leave the other
files' @a11y scenarios uncollected) print the coverage and do not judge it: "every @a11y scenario" is
what the feature files tag @a11y, not what this run happened to collect.
Works with pytest-xdist: workers send what they checked to the controller in `workeroutput`.

Each template is checked once per browser per run (issue 24): whichever scenario, in whichever xdist
worker, reaches it first runs axe on it, and the others skip it (`a11y_once`, support/run/run_once.py).
`--a11y-every-page` checks every page each scenario shows instead (the deep, slow way).
"""

from __future__ import annotations

import json
import re
import weakref
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pytest_bdd.feature import get_feature
from pytest_bdd.scenario import scenario_wrapper_template_registry

from support.run.run_once import OncePerRun, run_dir

HEADER = "x-portal-template"
_current: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # page → template of its document
_loads: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # page → documents loaded since last asked
_checked: dict[str, set[str]] = {}  # browser name → templates checked by axe in this process
_catalog: list[str] = []  # every page template of the portal (test API), once known
_state = {"a11y_items": 0, "a11y_deselected": 0, "a11y_uncollected": 0}
_KEY = "a11y_template_coverage"


@dataclass(frozen=True)
class Load:
    url: str
    method: str
    template: str | None


def track(context) -> None:
    """Remember, for each page of `context`, the template of the document it shows and every
    document it loaded (a step that fills a form and submits it passes through pages in between)."""

    def on_response(response):
        try:
            request = response.request
            if request.resource_type != "document" or request.frame.parent_frame is not None:
                return
            page, template = request.frame.page, response.headers.get(HEADER)
        except Exception:  # a response of a page already closed: nothing to remember
            return
        if 300 <= response.status < 400:
            return  # a redirect: the document is the response it leads to
        _current[page] = template
        _loads.setdefault(page, []).append(Load(response.url, request.method, template))

    context.on("response", on_response)


def take_loads(page) -> list[Load]:
    """The documents `page` loaded since the last call, oldest first (the last one is the current page)."""
    return _loads.pop(page, [])


def browser_of(page) -> str:
    try:
        return page.context.browser.browser_type.name
    except AttributeError:
        return "?"


def shape(path: str) -> str:
    """/projects/3?page=2 → /projects/N?page=N: pages that differ only by a number."""
    return re.sub(r"/\d+(?=/|$|\?)", "/N", re.sub(r"=\d+", "=N", path))


def work_key(template: str | None, url: str) -> str:
    """What an accessibility check is done once for: the page's template, or on a portal that does not
    name it (staging), the shape of its path."""
    return template or "path:" + shape(urlsplit(url).path)


def page_key(page) -> tuple[str, str]:
    """(browser, work key) of the document `page` shows."""
    return browser_of(page), work_key(_current.get(page), page.url)


def record(page) -> None:
    """Called by a11y.check: count the template of the page axe just checked."""
    template = _current.get(page)
    if template:
        _checked.setdefault(browser_of(page), set()).add(template)


def remember_catalog(templates: list[str]) -> None:
    if not _catalog:
        _catalog.extend(templates)


def pytest_addoption(parser):
    parser.getgroup("portal").addoption(
        "--a11y-every-page",
        action="store_true",
        help="check every page each accessibility scenario shows, not each page template once per "
        "browser per run (slow: for a nightly deep run)",
    )


@pytest.fixture(scope="session")
def a11y_once(request, tmp_path_factory) -> OncePerRun:
    """The run's record of which templates each browser has checked, shared by the xdist workers."""
    return OncePerRun(
        run_dir(request.config, tmp_path_factory.getbasetemp()),
        enabled=not request.config.getoption("--a11y-every-page"),
    )


def wants_tracking(item) -> bool:
    return item.get_closest_marker("a11y") is not None or item.config.getoption("--a11y", default=False)


@pytest.fixture(autouse=True)
def _a11y_template_catalog(request):
    """In accessibility scenarios on the embedded portal, learn the portal's template list (once per process)."""
    if not _catalog and "_pytest_bdd_example" in request.fixturenames and wants_tracking(request.node):
        target = request.getfixturevalue("target")
        if target.kind == "mock" and target.api is not None:
            remember_catalog(target.api.templates())
    yield


def tagged_scenarios(base_dir: Path) -> set[tuple[str, str]]:
    """(feature file's absolute path, scenario name) of every scenario the feature files under `base_dir` tag @a11y
    (on the scenario or on its feature)."""
    found = set()
    for path in sorted(base_dir.rglob("*.feature")):
        feature = get_feature(str(base_dir), str(path.relative_to(base_dir)))
        found |= {(feature.filename, s.name) for s in feature.scenarios.values() if "a11y" in feature.tags | s.tags}
    return found


def collected_scenarios(items) -> set[tuple[str, str]]:
    """(feature file's absolute path, scenario name) of the pytest-bdd scenarios among `items`."""
    found = set()
    for item in items:
        template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))
        if template is not None:
            found.add((template.feature.filename, template.name))
    return found


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    _state["a11y_items"] = sum(1 for i in items if i.get_closest_marker("a11y"))
    if _state["a11y_items"]:
        base_dir = Path(config.rootpath, config.getini("bdd_features_base_dir")).resolve()
        _state["a11y_uncollected"] = len(tagged_scenarios(base_dir) - collected_scenarios(items))


def pytest_deselected(items):
    _state["a11y_deselected"] += sum(1 for i in items if i.get_closest_marker("a11y"))


def _payload() -> dict:
    return {
        "checked": {b: sorted(t) for b, t in _checked.items()},
        "catalog": list(_catalog),
        "a11y_items": _state["a11y_items"],
        "a11y_deselected": _state["a11y_deselected"],
        "a11y_uncollected": _state["a11y_uncollected"],
    }


def _merge(payload: dict) -> None:
    for browser, templates in payload["checked"].items():
        _checked.setdefault(browser, set()).update(templates)
    remember_catalog(payload["catalog"])
    _state["a11y_items"] = max(_state["a11y_items"], payload["a11y_items"])
    _state["a11y_deselected"] = max(_state["a11y_deselected"], payload["a11y_deselected"])
    _state["a11y_uncollected"] = max(_state["a11y_uncollected"], payload.get("a11y_uncollected", 0))


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    raw = getattr(node, "workeroutput", {}).get(_KEY)
    if raw:
        _merge(json.loads(raw))


def verdict(config) -> tuple[bool | None, list[str]]:
    """(passed, report lines); passed is None when this run does not judge coverage."""
    if not _catalog or not _checked:
        return None, []
    browsers = config.getoption("--browser", default=None) or sorted(_checked)
    complete = _state["a11y_items"] > 0 and _state["a11y_deselected"] == 0 and _state["a11y_uncollected"] == 0
    lines, ok = [], True
    for browser in browsers:
        seen = _checked.get(browser, set())
        missing = [t for t in _catalog if t not in seen]
        lines.append(
            f"{browser}：无障碍检查覆盖页面模板 {len(_catalog) - len(missing)}/{len(_catalog)}"
            + (f"，未检查：{'、'.join(missing)}" if missing and complete else "")
        )
        ok = ok and not missing
    if not complete:
        lines.append("（本次只运行了部分 @a11y 场景，覆盖率仅供参考，不作判定）")
        return None, lines
    return ok, lines


def pytest_sessionfinish(session):
    config = session.config
    if hasattr(config, "workeroutput"):
        config.workeroutput[_KEY] = json.dumps(_payload())
        return
    passed, _ = verdict(config)
    if passed is False and session.exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, config):
    if hasattr(config, "workeroutput"):
        return
    passed, lines = verdict(config)
    if not lines:
        return
    terminalreporter.section("无障碍检查的页面模板覆盖 / accessibility template coverage")
    for line in lines:
        terminalreporter.line(line, red=passed is False, green=passed is True)
    if passed is False:
        terminalreporter.line(
            "每个页面模板都要有 @a11y 场景走到并通过无障碍检查（docs/writing-scenarios.md，无障碍一节）。", red=True
        )
