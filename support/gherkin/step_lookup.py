"""Find the step definitions that can run a step faster than pytest-bdd's own search, with the same answer.

For each step of each scenario pytest-bdd 9 (`pytest_bdd.scenario.find_fixturedefs_for_step`) asks pytest
for the visible definitions of every fixture name it knows (about 360 here) and matches the step's text
against each step definition of its kind: about 3 ms a step, the largest cost the suite adds to a scenario
over plain Playwright (docs/performance.md, "第十一次会话"). Two changes, the same result:

- only the names that can hold a definition for the step's kind are asked about: pytest-bdd registers a
  definition as the fixture `pytestbdd_stepdef_<given|when|then|*>_<text>` (`StepNamePrefix`), so a
  当 step never needs the ~240 names of 假如/那么 definitions or the ordinary fixtures;
- the answer is remembered per (kind, text, parent node: pytest's visibility goes by the node's parents)
  and forgotten whenever the set of registered fixture names changes.
pytest-bdd still chooses among the definitions found (its sort by scope and pytest's overriding rules run
on the list as before). tests/unit/test_step_lookup.py compares both searches on every step of every
feature file.

A pytest-bdd without these names keeps its own search (nothing patched).
"""

from __future__ import annotations

import importlib

_bdd_scenario = importlib.import_module("pytest_bdd.scenario")  # the module, not the `scenario` function
_uncached = getattr(_bdd_scenario, "find_fixturedefs_for_step", None)
try:
    from pytest_bdd.compat import get_fixture_names, getfixturedefs
    from pytest_bdd.steps import StepNamePrefix, step_function_context_registry

    DEFINITION_PREFIX = StepNamePrefix.step_def.value + "_"
except ImportError:  # another pytest-bdd: its own search stays
    DEFINITION_PREFIX = None

_found: dict[tuple, tuple] = {}
_names_seen: frozenset[str] = frozenset()
_names_by_kind: dict[str, list[str]] = {}


def _registered_names(fixturemanager) -> list[str]:
    """The fixture names pytest knows; when they change (a new module's fixtures), forget every answer."""
    global _names_seen
    names = get_fixture_names(fixturemanager=fixturemanager)
    if frozenset(names) != _names_seen:
        _names_seen = frozenset(names)
        _found.clear()
        _names_by_kind.clear()
    return names


def _candidate_names(names: list[str], kind: str) -> list[str]:
    """Names that can hold a definition of a `kind` step (given/when/then): the kind's own and `*` (@step)."""
    if kind not in _names_by_kind:
        wanted = (f"{DEFINITION_PREFIX}{kind}_", f"{DEFINITION_PREFIX}*_")
        _names_by_kind[kind] = [name for name in names if name.startswith(wanted)]
    return _names_by_kind[kind]


def search(step, fixturemanager, node) -> list:
    """pytest-bdd's search, over the candidate names only (same order, same checks)."""
    found = []
    for name in _candidate_names(_registered_names(fixturemanager), step.type):
        for fixturedef in getfixturedefs(fixturemanager, name, node) or []:
            context = step_function_context_registry.get(fixturedef.func)
            if context is None or (context.type is not None and context.type != step.type):
                continue
            if context.parser.is_matching(step.name):
                found.append(fixturedef)
    return found


def find_fixturedefs_for_step(step, fixturemanager, node):
    """In pytest-bdd's place: the definitions that can run `step` as seen from `node`, remembered."""
    key = (id(fixturemanager), step.type, step.name, node.nodeid.rsplit("::", 1)[0])
    _registered_names(fixturemanager)  # forgets every answer if the fixtures changed
    if key not in _found:
        _found[key] = tuple(search(step, fixturemanager, node))
    return iter(_found[key])


def install() -> bool:
    """Put the faster search in pytest-bdd's place; False when this pytest-bdd does not have the pieces."""
    if _uncached is None or DEFINITION_PREFIX is None:
        return False
    _bdd_scenario.find_fixturedefs_for_step = find_fixturedefs_for_step
    return True


def pytest_configure(config):
    install()
