"""无障碍 (accessibility): the axe-core step, and the opt-in automatic check (`--a11y`) that runs axe on
every page a scenario has navigated to, after each step; serious/critical violations fail the scenario."""
import pytest
from pytest_bdd import then

from support import a11y

_CHECKED = pytest.StashKey[dict]()


@then("页面没有严重的无障碍问题")
def then_no_serious_accessibility_problems(page):
    result = a11y.check(page)
    assert result.failure_message() is None, result.failure_message()


def _loads(page, state: dict) -> int:
    """How many times this page has loaded a document since the check first saw it."""
    counters = state.setdefault("loads", {})
    if page not in counters:
        counters[page] = [0]
        page.on("load", lambda _page, box=counters[page]: box.__setitem__(0, box[0] + 1))
    return counters[page][0]


@pytest.hookimpl(trylast=True)
def pytest_bdd_after_step(request, feature, scenario, step, step_func, step_func_args):
    if not request.config.getoption("--a11y", default=False) or "browser" not in request.fixturenames:
        return
    state = request.node.stash.setdefault(_CHECKED, {})
    checked = state.setdefault("checked", {})
    failures = []
    for ctx in request.getfixturevalue("browser").contexts:
        for pg in ctx.pages:
            if pg.is_closed() or not pg.url.startswith("http"):
                continue
            key = (pg.url, _loads(pg, state))
            if checked.get(pg) == key:
                continue
            checked[pg] = key
            message = a11y.check(pg, label=f"自动无障碍检查（{step.keyword.strip()} {step.name} 之后）").failure_message()
            if message:
                failures.append(message)
    if failures:
        raise AssertionError(f"自动无障碍检查（--a11y）在“{step.keyword.strip()} {step.name}”之后发现问题：\n" + "\n\n".join(failures))
