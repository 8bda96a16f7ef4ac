"""无障碍 (accessibility): the axe-core step, and the automatic check that runs axe, after each step, on
every page a scenario shows: in every scenario tagged @a11y, and in all of them with `--a11y`.
A step that submits a form passes through pages it does not stop on (the 修改授权 form, the 上传 page):
those are opened again by their address, in the same browser context, and checked too.
Serious/critical violations fail the scenario.

The automatic check runs axe on a page template once per browser per run (issue 24): a template some
scenario (or crawl) has already checked in this run, in any xdist worker, is not checked again
(`a11y_once`; `--a11y-every-page` checks every page again). The explicit step always checks."""

from urllib.parse import urlsplit

import pytest
from pytest_bdd import then

from support.a11y import a11y_coverage, axe
from support.a11y.a11y_crawl import SKIP

_TEMPLATES = pytest.StashKey[set]()  # templates checked in this scenario


@then("页面没有严重的无障碍问题")
def then_no_serious_accessibility_problems(page, a11y_once):
    result = axe.check(page)
    a11y_once.mark(*a11y_coverage.page_key(page))  # an explicit check always runs, and counts for the run
    assert result.failure_message() is None, result.failure_message()


then_no_serious_accessibility_problems.checks_current_pages = True  # the automatic check need not repeat it


def _check_current(once, pg, label: str) -> list[str]:
    """Check the page `pg` shows unless its template was already checked in this run (this browser)."""
    with once.claim(*a11y_coverage.page_key(pg)) as first:
        if not first:
            return []
        message = axe.check(pg, label=label).failure_message()
    return [message] if message else []


def _check_passed_through(ctx, browser: str, loads, once, templates: set, label: str) -> list[str]:
    """Check the pages a step loaded and left again (GET only): each template once per run (once per
    scenario with --a11y-every-page)."""
    failures = []
    for load in loads:
        if (
            load.method != "GET"
            or not load.template
            or load.template in templates
            or SKIP.search(urlsplit(load.url).path)
        ):
            continue
        templates.add(load.template)
        with once.claim(browser, a11y_coverage.work_key(load.template, load.url)) as first:
            if not first:
                continue
            extra = ctx.new_page()
            try:
                extra.goto(load.url)
                message = axe.check(extra, label=f"{label}（步骤中经过的页面）").failure_message()
            finally:
                extra.close()
                if extra.video:
                    extra.video.delete()
        if message:
            failures.append(message)
    return failures


@pytest.hookimpl(trylast=True)
def pytest_bdd_after_step(request, feature, scenario, step, step_func, step_func_args):
    if "browser" not in request.fixturenames or not a11y_coverage.wants_tracking(request.node):
        return
    once = request.getfixturevalue("a11y_once")
    templates = request.node.stash.setdefault(_TEMPLATES, set())
    label = f"自动无障碍检查（{step.keyword.strip()} {step.name} 之后）"
    checked_by_step = getattr(step_func, "checks_current_pages", False)  # the axe step, the crawl
    failures = []
    for ctx in list(request.getfixturevalue("browser").contexts):
        for pg in list(ctx.pages):
            loads = a11y_coverage.take_loads(pg)  # documents loaded since the last step, the current one last
            if pg.is_closed() or not loads:
                continue
            if checked_by_step:
                templates.update(load.template for load in loads)
                continue
            templates.add(loads[-1].template)
            failures += _check_current(once, pg, label)
            failures += _check_passed_through(ctx, a11y_coverage.browser_of(pg), loads[:-1], once, templates, label)
    if failures:
        raise AssertionError(
            f"自动无障碍检查在“{step.keyword.strip()} {step.name}”之后发现问题：\n" + "\n\n".join(failures)
        )
