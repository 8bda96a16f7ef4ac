"""Allure attachments that are safe anywhere.

allure-pytest-bdd reports pytest-bdd scenarios only; outside one (a plain test that uses a browser,
a unit test of the a11y check) its lifecycle has no current test and `allure.attach` raises KeyError.
The reporting plugin marks when a scenario is running; elsewhere these calls do nothing."""

from __future__ import annotations

import allure

_scenario_running = False


def set_scenario_running(running: bool) -> None:
    global _scenario_running
    _scenario_running = running


def scenario_running() -> bool:
    return _scenario_running


def attach(body, name: str, attachment_type=None, extension=None) -> None:
    if _scenario_running:
        allure.attach(body, name=name, attachment_type=attachment_type, extension=extension)


def attach_file(source: str, name: str, attachment_type=None, extension=None) -> None:
    if _scenario_running:
        allure.attach.file(source, name=name, attachment_type=attachment_type, extension=extension)
