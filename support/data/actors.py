"""Several actors in one scenario, each in its own browser context (e.g. a unit's legal account
granting roles while the natural person uses them).

Steps get the `actors` fixture (steps/actors.py). An actor is named the way scenarios speak of it,
"法人" or "自然人"; ``actors.add("法人", actor)`` registers the seeded persona (support/data/personas.Actor),
``actors.page("法人")`` is that actor's Page: a context opened through the `new_context` factory
(so failure evidence covers every actor) and signed in on first use. Other domains reuse it:

    @when(phrase('自然人新建项目'))
    def _(actors): HgrPage(actors.page("自然人")).new_project()

The helpers below seed the permission model through the test API (system = key or name users see).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from playwright.sync_api import Page

from support.data.personas import Actor
from support.run.fixtures import sign_in
from support.target.portal import Target
from support.target.testapi import TestApi

WHO = "另一单位的法人|法人|自然人"  # a regex alternative for step patterns: (?P<who>…)


@dataclass
class GrantSeed:
    system: str
    roles: list[str]


@dataclass
class Actors:
    new_context: Callable
    target: Target
    people: dict[str, Actor] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    last_grant: GrantSeed | None = None

    def add(self, who: str, actor: Actor) -> Actor:
        self.people[who] = actor
        return actor

    def actor(self, who: str) -> Actor:
        if who not in self.people:
            raise KeyError(f"场景中还没有“{who}”：请先用 假如 步骤创建该账号")
        return self.people[who]

    @property
    def legal(self) -> Actor:
        return self.actor("法人")

    @property
    def natural(self) -> Actor:
        return self.actor("自然人")

    def page(self, who: str) -> Page:
        """The actor's page, its context signed in the first time it is asked for."""
        if who not in self.pages:
            ctx = self.new_context(label=who)  # its evidence is named "法人" / "自然人"
            sign_in(ctx, self.target, self.actor(who).login_name)
            self.pages[who] = ctx.new_page()
        return self.pages[who]


def seed_unit_permission(api: TestApi, unit_id: int, system: str) -> dict:
    """As if the unit's legal account had entered the system once through 办理入口."""
    return api.post("/authorization/unit-permissions", {"unit_id": unit_id, "system": system})


def seed_grant(
    api: TestApi, unit_id: int, login_name: str, system: str, roles: list[str], valid_days: int = 365
) -> dict:
    """A grant valid for `valid_days` from the portal's today (negative: already expired)."""
    return api.post(
        "/authorization/grants",
        {"unit_id": unit_id, "login_name": login_name, "system": system, "roles": roles, "valid_days": valid_days},
    )


def set_realname(api: TestApi, login_name: str, status: str = "passed") -> dict:
    return api.post("/authorization/realname", {"login_name": login_name, "status": status})
