"""Custom tags need no code: a tag in a feature file (``@qa-trial``) becomes a registered pytest marker
when pytest-bdd applies it, so ``--strict-markers`` still rejects only what it is there for: a tag that
looks like an FAQ ID (``@FAQ-…``) but is not in docs/faq_catalog.yaml (registered by the root conftest)
fails collection. Select custom-tagged scenarios with ``-m qa-trial`` like any other tag."""

from __future__ import annotations

import re

import pytest

FAQ_LIKE = re.compile(r"^FAQ[-_]", re.IGNORECASE)
_config = None


def pytest_configure(config):
    global _config
    _config = config


def pytest_unconfigure(config):
    global _config
    _config = None


def registered_markers(config) -> set[str]:
    return {line.split(":")[0].split("(")[0].strip() for line in config.getini("markers")}


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_apply_tag(tag, function):
    """Register the tag, then let pytest-bdd apply it as usual (returns None)."""
    if _config is not None and not FAQ_LIKE.match(tag) and tag not in registered_markers(_config):
        _config.addinivalue_line("markers", f"{tag}: 自定义标签 (custom tag from a feature file)")
    return None
