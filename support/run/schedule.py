"""Longest items first, so the xdist workers finish together (issue 24).

With pytest-xdist's `--dist load` and several workers, each worker collects the same items; this hook
orders them by the committed `.test_durations` (pytest-split's file, `make durations`), longest first,
and has the controller hand them out one at a time (`--maxschedchunk 1`): each worker takes the
longest item left when it is free (LPT scheduling), so the last minutes hold short items on both
workers instead of a 100-second crawl on one. Items of one browser stay together (pytest-playwright
closes and relaunches its session browser whenever the browser parameter changes), the browser with
more work first; items the file does not know get the mean of their browser's known items; items
without a browser (unit tests) come last, filling the tail, each module's items together.

Not applied with one worker or none (`-n 0`: the usual order), with `--schedule collection`, or when
pytest-random-order shuffles (`make flake-check`: its random order is the point). `--ff` still puts the
previous run's failures first: pytest's cache plugin reorders after this hook.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DURATIONS = Path(__file__).resolve().parents[2] / ".test_durations"
UNKNOWN_SECONDS = 1.0  # an item no durations file knows, without a browser to average over


def pytest_addoption(parser):
    parser.getgroup("portal").addoption(
        "--schedule",
        choices=["durations", "collection"],
        default="durations",
        help="with several xdist workers: durations = longest first from .test_durations (default); "
        "collection = pytest's own order",
    )


def random_order(config) -> bool:
    """pytest-random-order is on (--random-order, or a bucket or seed given; defaults start 'default:')."""
    if config.getoption("random_order_enabled", default=False):
        return True
    return any(
        not str(config.getoption(name, default="default:") or "default:").startswith("default:")
        for name in ("random_order_bucket", "random_order_seed")
    )


def active(config) -> bool:
    if config.getoption("--schedule") != "durations" or random_order(config):
        return False
    if hasattr(config, "workerinput"):  # an xdist worker (its own options say dist "no")
        return int(config.workerinput.get("workercount", 1)) > 1
    numprocesses = getattr(config.option, "numprocesses", None)
    return isinstance(numprocesses, int) and numprocesses > 1 and getattr(config.option, "dist", "no") == "load"


def pytest_configure(config):
    # The controller: hand out one item at a time (xdist's default sends each worker a quarter of the
    # run's items in a block at the start, the longest ones all to the first worker).
    if active(config) and not hasattr(config, "workerinput") and config.option.maxschedchunk is None:
        config.option.maxschedchunk = 1


def load_durations(path: Path = DURATIONS) -> dict[str, float]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def browser_of(item) -> str | None:
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("browser_name") if callspec is not None else None


def longest_first(items: list, durations: dict[str, float]) -> list:
    """Items grouped by browser (the group with more work first; items without a browser last),
    within a group longest first; ties keep their collected order (every worker sorts alike)."""
    known: dict[str | None, list[float]] = {}
    for item in items:
        if item.nodeid in durations:
            known.setdefault(browser_of(item), []).append(durations[item.nodeid])

    def estimate(item) -> float:
        if item.nodeid in durations:
            return durations[item.nodeid]
        same = known.get(browser_of(item))
        return sum(same) / len(same) if same else UNKNOWN_SECONDS

    estimates = {id(item): estimate(item) for item in items}
    totals: dict[str | None, float] = {}
    for item in items:
        totals[browser_of(item)] = totals.get(browser_of(item), 0.0) + estimates[id(item)]
    rank = {b: n for n, b in enumerate(sorted((b for b in totals if b is not None), key=lambda b: (-totals[b], b)))}
    rank[None] = len(rank)
    position = {id(item): n for n, item in enumerate(items)}
    # Items without a browser stay together by module (a module-scoped fixture, such as the fuzz tests'
    # portal, would be built again each time its module came back), the heavier module first.
    module_total: dict[str, float] = {}
    module_first: dict[str, int] = {}
    for n, item in enumerate(items):
        if browser_of(item) is None:
            module = item.nodeid.split("::")[0]
            module_total[module] = module_total.get(module, 0.0) + estimates[id(item)]
            module_first.setdefault(module, n)

    def key(item):
        if browser_of(item) is not None:
            return (rank[browser_of(item)], -estimates[id(item)], 0, position[id(item)])
        module = item.nodeid.split("::")[0]
        return (rank[None], -module_total[module], module_first[module], position[id(item)])

    return sorted(items, key=key)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    if active(config):
        items[:] = longest_first(items, load_durations())
