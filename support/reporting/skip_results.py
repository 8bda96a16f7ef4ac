"""Allure results for scenarios skipped before they start (a missing target capability, a browser
limit): allure-pytest-bdd only records scenarios that began, so without this such a skip and its
reason would be visible in pytest's summary but absent from the report."""

from __future__ import annotations

import pytest
from allure_commons import plugin_manager
from allure_commons.model2 import Label, Parameter, Status, StatusDetails, TestResult
from allure_commons.utils import md5, now, uuid4
from pytest_bdd.scenario import scenario_wrapper_template_registry

from support.gherkin import faq_catalog


def skip_reason(report) -> str:
    longrepr = report.longrepr
    text = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    return text.removeprefix("Skipped: ")


def labels_for(template) -> list[Label]:
    tags = set(template.feature.tags) | set(template.tags)
    entries = faq_catalog.entries()
    ids = sorted(t for t in tags if t in entries)
    labels = [Label("story", template.name), Label("framework", "pytest-bdd")]
    labels += [Label("tag", t) for t in sorted(tags)]
    if ids:
        labels.append(Label("epic", entries[ids[0]]["chapter"]))
        labels += [Label("feature", f"{i} {entries[i]['title']}") for i in ids]
    else:
        labels += [Label("epic", "横向检查（安全 / 无障碍 / 性能）"), Label("feature", template.feature.name)]
    return labels


def skipped_result(item, template, reason: str) -> TestResult:
    params = dict(getattr(item, "callspec", None) and item.callspec.params or {})
    example = params.pop("_pytest_bdd_example", {}) or {}
    full_name = f"{template.feature.rel_filename}:{template.name}"
    stamp = now()
    return TestResult(
        uuid=uuid4(),
        name=template.name,
        fullName=full_name,
        testCaseId=md5(full_name),
        historyId=md5(item.nodeid),
        status=Status.SKIPPED,
        statusDetails=StatusDetails(message=reason),
        start=stamp,
        stop=stamp,
        labels=labels_for(template),
        parameters=[Parameter(name=k, value=str(v)) for k, v in {**params, **example}.items()],
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when != "setup" or not report.skipped or not item.config.getoption("--alluredir", None):
        return
    template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))
    if template is not None:
        plugin_manager.hook.report_result(result=skipped_result(item, template, skip_reason(report)))
