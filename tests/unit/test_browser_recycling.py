"""The browser pool of support/browsers/recycling.py: a fresh browser every N scenarios, the same one in between."""

import pytest

from support.browsers.recycling import BrowserPool

pytestmark = pytest.mark.unit


class FakeBrowser:
    def __init__(self, n: int) -> None:
        self.n = n
        self.connected = True

    def is_connected(self) -> bool:
        return self.connected

    def close(self) -> None:
        self.connected = False


def launcher():
    launched = []

    def launch():
        launched.append(FakeBrowser(len(launched)))
        return launched[-1]

    return launch, launched


def test_a_browser_serves_n_scenarios_then_is_closed_and_replaced():
    launch, launched = launcher()
    pool = BrowserPool(launch, every=3)
    served = [pool.take().n for _ in range(7)]
    assert served == [0, 0, 0, 1, 1, 1, 2]
    assert [b.connected for b in launched] == [False, False, True]
    pool.close()
    assert not launched[2].connected


def test_zero_keeps_one_browser_for_the_run():
    launch, launched = launcher()
    pool = BrowserPool(launch, every=0)
    assert {pool.take().n for _ in range(50)} == {0}
    assert len(launched) == 1


def test_a_browser_that_went_away_is_relaunched_at_the_next_scenario():
    launch, launched = launcher()
    pool = BrowserPool(launch, every=10)
    first = pool.take()
    first.connected = False  # crashed, or closed by a scenario
    assert pool.take().n == 1
    assert pool.launches == 2
