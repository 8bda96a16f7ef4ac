"""Keep the objects that live the whole run (modules, plugins, step definitions, collected items) out of
Python's garbage collector once collection is done.

A full collection walks every tracked object: with Playwright's generated API, pytest-bdd, Faker and ~1500
collected items that is ~60 ms a pass, and pytest itself makes two at the end of a run (its unraisable-
exception check, which stays on); the interpreter's own oldest-generation passes during the scenarios
walk the same objects. `gc.freeze()` moves what exists now to a permanent generation the collector skips
(docs/performance.md, "第十一次会话"); objects made later are collected as before.
"""

from __future__ import annotations

import gc

import pytest


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    gc.freeze()
