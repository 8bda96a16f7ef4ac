"""Longest items first from .test_durations (support/run/schedule.py, issue 24): browsers stay grouped, the
heavier browser first, unknown items estimated, unit tests last; off when random order is asked for."""

from __future__ import annotations

import heapq
from types import SimpleNamespace

from support.run import schedule


def item(nodeid: str, browser: str | None = None):
    callspec = SimpleNamespace(params={"browser_name": browser}) if browser else None
    return SimpleNamespace(nodeid=nodeid, callspec=callspec) if callspec else SimpleNamespace(nodeid=nodeid)


def ids(items):
    return [i.nodeid for i in items]


def test_longest_first_within_each_browser_the_heavier_browser_first():
    items = [
        item("a[chromium]", "chromium"),
        item("crawl[chromium]", "chromium"),
        item("a[firefox]", "firefox"),
        item("crawl[firefox]", "firefox"),
        item("tests/unit/test_x.py::test_y"),
    ]
    durations = {
        "a[chromium]": 2,
        "crawl[chromium]": 50,
        "a[firefox]": 4,
        "crawl[firefox]": 100,
        "tests/unit/test_x.py::test_y": 0.1,
    }
    assert ids(schedule.longest_first(items, durations)) == [
        "crawl[firefox]",
        "a[firefox]",
        "crawl[chromium]",
        "a[chromium]",
        "tests/unit/test_x.py::test_y",
    ]


def test_unit_tests_stay_together_by_module_the_heavier_module_first():
    items = [
        item("tests/unit/test_a.py::t1"),
        item("tests/unit/test_fuzz.py::t1"),
        item("tests/unit/test_a.py::t2"),
        item("tests/unit/test_fuzz.py::t2"),
    ]
    durations = {
        "tests/unit/test_a.py::t1": 0.1,
        "tests/unit/test_a.py::t2": 5.0,
        "tests/unit/test_fuzz.py::t1": 3.0,
        "tests/unit/test_fuzz.py::t2": 4.0,
    }
    assert ids(schedule.longest_first(items, durations)) == [
        "tests/unit/test_fuzz.py::t1",
        "tests/unit/test_fuzz.py::t2",
        "tests/unit/test_a.py::t1",
        "tests/unit/test_a.py::t2",
    ]


def test_an_item_the_file_does_not_know_gets_its_browsers_mean():
    items = [item("old1[firefox]", "firefox"), item("new[firefox]", "firefox"), item("old2[firefox]", "firefox")]
    ordered = schedule.longest_first(items, {"old1[firefox]": 10, "old2[firefox]": 2})
    assert ids(ordered) == ["old1[firefox]", "new[firefox]", "old2[firefox]"]  # new ≈ 6 s


def test_ties_keep_the_collected_order_so_every_worker_sorts_alike():
    items = [item(f"t{n}[chromium]", "chromium") for n in range(5)]
    assert ids(schedule.longest_first(items, {})) == [f"t{n}[chromium]" for n in range(5)]
    assert ids(schedule.longest_first(list(reversed(items)), {})) == [f"t{n}[chromium]" for n in reversed(range(5))]


def _makespan(durations: list[float], workers: int = 2) -> float:
    """Each free worker takes the next item (xdist --dist load, one item at a time)."""
    finish = [0.0] * workers
    for d in durations:
        heapq.heappush(finish, heapq.heappop(finish) + d)
    return max(finish)


def test_longest_first_ends_both_workers_together_where_collection_order_does_not():
    # The shape of the run in issue 24: many short items, and the 70-110 s crawls collected last.
    durations = {f"s{n}[firefox]": 3.0 for n in range(60)}
    durations |= {"crawl1[firefox]": 110.0, "crawl2[firefox]": 94.0, "crawl3[firefox]": 75.0}
    collected = [item(k, "firefox") for k in durations]
    as_collected = _makespan([durations[i.nodeid] for i in collected])
    scheduled = _makespan([durations[i.nodeid] for i in schedule.longest_first(collected, durations)])
    total = sum(durations.values())
    assert scheduled <= total / 2 + 3.0  # within one short item of a perfect split
    assert as_collected > scheduled


class Config:
    def __init__(self, workerinput=None, **options):
        self.options = {
            "--schedule": "durations",
            "random_order_enabled": False,
            "random_order_bucket": "default:module",
            "random_order_seed": "default:123",
        } | options
        self.option = SimpleNamespace(
            numprocesses=options.get("numprocesses"), dist=options.get("dist", "no"), maxschedchunk=None
        )
        if workerinput is not None:
            self.workerinput = workerinput

    def getoption(self, name, default=None):
        return self.options.get(name, default)


def test_on_with_several_workers_and_then_xdist_hands_out_one_item_at_a_time():
    controller = Config(numprocesses=2, dist="load")
    assert schedule.active(controller)
    schedule.pytest_configure(controller)
    assert controller.option.maxschedchunk == 1
    assert schedule.active(Config(workerinput={"workercount": 2}))


def test_off_for_one_worker_for_collection_order_and_under_random_order():
    assert not schedule.active(Config(numprocesses=None))
    assert not schedule.active(Config(workerinput={"workercount": 1}))
    assert not schedule.active(Config(numprocesses=2, dist="load", **{"--schedule": "collection"}))
    flake_check = {"random_order_bucket": "global", "random_order_seed": "4242"}
    assert not schedule.active(Config(workerinput={"workercount": 2}, **flake_check))
    assert not schedule.active(Config(numprocesses=2, dist="load", random_order_enabled=True))
