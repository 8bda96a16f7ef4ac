"""support/gherkin/step_lookup.py finds, for every step the feature files use, exactly the step definitions
pytest-bdd's own search finds; and it is the search the run uses."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from pytest_bdd.feature import get_features

from support.gherkin import step_lookup

pytestmark = pytest.mark.unit
ROOT = Path(__file__).resolve().parents[2]
bdd_scenario = importlib.import_module("pytest_bdd.scenario")


def every_step():
    """(kind, text) of every step of every scenario and example row, backgrounds included."""
    steps = {}
    for feature in get_features([str(ROOT / "features")]):
        for template in feature.scenarios.values():
            contexts = [ctx for examples in template.examples for ctx in examples.as_contexts()] or [{}]
            for context in contexts:
                for step in template.render(context).steps:
                    steps[(step.type, step.name)] = step
    return list(steps.values())


def names(fixturedefs) -> list[str]:
    return sorted(f"{d.argname}@{d.baseid}" for d in fixturedefs)


def test_the_run_uses_the_faster_search():
    assert bdd_scenario.find_fixturedefs_for_step is step_lookup.find_fixturedefs_for_step


def test_same_definitions_as_pytest_bdd_for_every_step(request):
    manager, node = request._fixturemanager, request.node
    steps = every_step()
    assert len(steps) > 300, "the feature files were not read"
    differ = []
    for step in steps:
        theirs = names(step_lookup._uncached(step=step, fixturemanager=manager, node=node))
        ours = names(step_lookup.search(step, manager, node))
        remembered = names(step_lookup.find_fixturedefs_for_step(step, manager, node))
        if not theirs:
            differ.append((step.type, step.name, "pytest-bdd finds no definition"))
        elif ours != theirs or remembered != theirs:
            differ.append((step.type, step.name, theirs, ours, remembered))
    assert not differ, differ[:5]


def test_a_step_no_definition_matches_finds_none(request):
    step = every_step()[0]
    unknown = type(step)(name="没有任何定义能匹配的一句话", type=step.type, indent=0, line_number=1, keyword="当")
    manager, node = request._fixturemanager, request.node
    assert list(step_lookup._uncached(step=unknown, fixturemanager=manager, node=node)) == []
    assert list(step_lookup.find_fixturedefs_for_step(unknown, manager, node)) == []


def test_a_template_beginning_with_words_refuses_other_beginnings_only():
    from support.gherkin.parsing import phrase

    parser = phrase('我打开我的信息的"{tab:我的信息栏目}"')
    assert parser.is_matching('我打开我的信息的"主代办人信息"')
    assert not parser.is_matching('他打开我的信息的"主代办人信息"')
    assert not parser.is_matching('我打开我的信息的"不存在的栏目"')
    starts_with_field = phrase('"{who}"打开首页')
    assert starts_with_field.is_matching('"自然人"打开首页')


def test_answers_are_forgotten_when_the_registered_fixtures_change(request, monkeypatch):
    manager, node = request._fixturemanager, request.node
    step = every_step()[0]
    step_lookup.find_fixturedefs_for_step(step, manager, node)
    assert step_lookup._found, "the answer was not remembered"
    real = step_lookup.get_fixture_names
    monkeypatch.setattr(
        step_lookup, "get_fixture_names", lambda fixturemanager: [*real(fixturemanager), "一个新的fixture"]
    )
    step_lookup._registered_names(manager)
    assert not step_lookup._found
    assert names(step_lookup.find_fixturedefs_for_step(step, manager, node)) == names(
        step_lookup._uncached(step=step, fixturemanager=manager, node=node)
    )
