"""`--also-plain EXPR`: the browser scenarios whose tags match the marker expression EXPR run a second
time, in the same run, against the embedded portal's second rendering (`--markup plain`: another
vendor's ids and classes, no test ids, no ARIA, headings one level lower; mock_portal/markup_plain.py).

`make test` used to run them in a pytest run of their own (`make test-plain`) before the main run: a
second session start (collection, a portal and two browsers per worker) and a second tail in which
workers sit idle. Here a matching scenario is parametrized by `portal_markup`: the original item keeps
its node id (a hidden parameter), and a copy `…[plain-<browser>]` with the same tags runs against a
plain-markup portal of this worker's own (support/run/fixtures.py `target`, started the first time a
copy runs); its Allure result shows 页面写法 = plain, so its history is kept apart from the standard
rendering's. EXPR is matched against the scenario's and its feature's tags like `-m`; `-m`/`-k` then
select among originals and copies alike.
"""

from __future__ import annotations

import pytest
from _pytest.mark import MarkMatcher, _parse_expression

from support.reporting.report_rules import PYTEST_MARKUP_PARAMETER as PARAMETER

PLAIN = "plain"
_EXPR = pytest.StashKey()  # the compiled --also-plain expression


def pytest_addoption(parser):
    parser.getgroup("portal").addoption(
        "--also-plain",
        default=None,
        metavar="EXPR",
        help="also run the browser scenarios whose tags match this marker expression (like -m) on the "
        "embedded portal's plain rendering, in the same run (make test: the smoke and FAQ 1.1 scenarios)",
    )


def pytest_configure(config):
    text = config.getoption("--also-plain")
    if text:
        config.stash[_EXPR] = _parse_expression(text, "--also-plain：表达式有误 / bad expression")
        if config.getoption("--base-url"):
            raise pytest.UsageError(
                "--also-plain 只用于内置模拟门户（它的第二种页面写法），不能与 --base-url 一起用。"
                " / --also-plain runs scenarios on the embedded portal's plain rendering: not with --base-url."
            )


@pytest.fixture(autouse=True)  # autouse: steps ask for `target` at run time, outside the static closure
def portal_markup():
    """None: the run's portal (--portal-markup, or --base-url). The --also-plain copies get "plain"."""
    return None


def _matches(expr, marks) -> bool:
    return expr.evaluate(MarkMatcher.from_markers(marks))


def _row_marks(definition) -> list[list]:
    """The marks of each row of the scenario's own parametrizations (an 例子 block's tags)."""
    return [
        list(getattr(row, "marks", ()))
        for mark in definition.iter_markers("parametrize")
        for row in (mark.args[1] if len(mark.args) > 1 else ())
    ]


def pytest_generate_tests(metafunc):
    expr = metafunc.config.stash.get(_EXPR, None)
    if expr is None or PARAMETER not in metafunc.fixturenames or "browser_name" not in metafunc.fixturenames:
        return
    own = list(metafunc.definition.iter_markers())
    if any(_matches(expr, own + row) for row in _row_marks(metafunc.definition) or [[]]):
        metafunc.parametrize(PARAMETER, [pytest.param(None, id=pytest.HIDDEN_PARAM), pytest.param(PLAIN, id=PLAIN)])


@pytest.hookimpl(tryfirst=True)  # before -m/-k and the schedule
def pytest_collection_modifyitems(config, items):
    """An outline is copied when one of its rows matches; the copies of the other rows are deselected."""
    expr = config.stash.get(_EXPR, None)
    if expr is None:
        return
    unwanted = [i for i in items if is_plain(i) and not _matches(expr, i.iter_markers())]
    if unwanted:
        config.hook.pytest_deselected(items=unwanted)
        drop = {id(i) for i in unwanted}
        items[:] = [i for i in items if id(i) not in drop]


def is_plain(item) -> bool:
    return getattr(getattr(item, "callspec", None), "params", {}).get(PARAMETER) == PLAIN
