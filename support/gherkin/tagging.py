"""The run's side of the tag vocabulary (support/gherkin/tags.py): registers its markers and the FAQ IDs of
docs/faq_catalog.yaml, refuses (usage error, before anything starts) every tag ``tags.problem`` refuses —
the same rule tools/gherkin_lint.py reports — turns ``@only_browser:chromium:原因`` into
``pytest.mark.only_browser("chromium", reason="原因")`` (support/browsers/browser_marks.py skips by it), and
registers any other tag as a custom marker, so ``-m qa-trial`` selects it and ``--strict-markers`` still
refuses a marker nobody wrote in a feature."""

from __future__ import annotations

import pytest

from support.gherkin import faq_catalog, tags

_config = None


def pytest_configure(config):
    global _config
    _config = config
    for line in tags.marker_lines():
        config.addinivalue_line("markers", line)
    for faq_id, entry in faq_catalog.entries().items():
        config.addinivalue_line("markers", f"{faq_id}: {entry['title']}")


def pytest_unconfigure(config):
    global _config
    _config = None


def registered_markers(config) -> set[str]:
    return {line.split(":")[0].split("(")[0].strip() for line in config.getini("markers")}


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_apply_tag(tag, function):
    """Refuse a wrong tag, apply a browser tag with its reason (returns True), else register the tag and
    let pytest-bdd apply it as a marker (returns None)."""
    why = tags.problem(tag, faq_catalog.entries())
    if why:
        raise pytest.UsageError(f"{why}（python -m tools.gherkin_lint 指出文件和行号）")
    browser_tag = tags.parse_browser_tag(tag)
    if browser_tag:
        name, browser, reason = browser_tag
        getattr(pytest.mark, name)(browser, reason=reason)(function)
        return True
    if _config is not None and tag not in registered_markers(_config):
        _config.addinivalue_line("markers", f"{tag}: 自定义标签 (custom tag from a feature file)")
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Tags on an 例子 block reach pytest-bdd's rows as markers without the hook above; one that the
    vocabulary refuses there (a custom tag another scenario happened to register first) is refused here,
    so the verdict does not depend on the order of collection."""
    faq_ids = faq_catalog.entries()
    refused = sorted(
        f"{item.nodeid}: {why}"
        for item in items
        if "_pytest_bdd_example" in getattr(getattr(item, "callspec", None), "params", {})
        for mark in item.callspec.marks
        if (why := tags.problem(mark.name, faq_ids, on_examples=True))
    )
    if refused:
        raise pytest.UsageError("例子上的标签不被接受 (tags refused on an Examples block)：\n  " + "\n  ".join(refused))
