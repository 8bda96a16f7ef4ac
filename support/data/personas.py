"""Accounts a scenario writer can ask for by description ("一个密码已过期的自然人账号" …).

Each description maps to a seed recipe in ``PERSONAS``. The suite-wide ones are at the end of this
module (the recovery scenarios' among them); a step module adds its domain's with ``@persona("…")``
above the recipe, and every step module is loaded by the root conftest. Who registered a description:
``registered_in(description)``, listed in docs/steps.md under 账号描述.
The returned Actor carries what the scenario needs to act as that user."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from support.data import factories
from support.reporting import redaction
from support.target.testapi import TestApi


@dataclass(repr=False)
class Actor:
    kind: str
    login_name: str
    password: str
    name: str
    phone: str | None
    id_number: str | None = None
    unit_name: str | None = None
    credit_code: str | None = None
    id: int | None = None
    unit_id: int | None = None

    def __post_init__(self) -> None:
        redaction.register(self.password, self.phone, self.id_number)

    def __repr__(self) -> str:
        """Shown wherever the object is printed (Allure step parameters, pytest's locals): the login
        name only, never the password, phone or ID number."""
        return f"Actor({self.kind_label} {self.login_name})"

    @property
    def kind_label(self) -> str:
        return "自然人" if self.kind == "natural" else "法人"


Recipe = Callable[[TestApi], Actor]
PERSONAS: dict[str, Recipe] = {}


def persona(*descriptions: str) -> Callable[[Recipe], Recipe]:
    def register(fn: Recipe) -> Recipe:
        for d in descriptions:
            PERSONAS[d] = fn
        return fn

    return register


def registered_in(description: str) -> str:
    """The module whose ``@persona`` registered ``description`` (e.g. steps/torch.py)."""
    return PERSONAS[description].__module__.replace(".", "/") + ".py"


def seed_natural(api: TestApi, person: factories.Person | None = None, **overrides) -> Actor:
    person = person or factories.Person()
    row = api.seed_account(**factories.natural_spec(person, **overrides))
    return Actor(
        "natural",
        person.login_name,
        person.password,
        person.name,
        row["phone"],
        id_number=row["id_number"],
        id=row["id"],
    )


def seed_legal(api: TestApi, unit: factories.LegalUnit | None = None, **overrides) -> Actor:
    unit = unit or factories.LegalUnit()
    return legal_actor(unit, api.seed_account(**factories.legal_spec(unit, **overrides)))


def by_description(description: str, api: TestApi) -> Actor:
    key = description.strip().removeprefix("一个").removeprefix("个")
    if key not in PERSONAS:
        known = "、".join(sorted(PERSONAS))
        raise KeyError(f"未知的账号描述“{description}”。可用的描述：{known}")
    return PERSONAS[key](api)


@persona("自然人账号", "已实名的自然人账号")
def _natural(api: TestApi) -> Actor:
    return seed_natural(api)


@persona("未实名的自然人账号")
def _natural_unverified(api: TestApi) -> Actor:
    return seed_natural(api, realname_status="none")


@persona("法人账号", "已实名的法人账号")
def _legal(api: TestApi) -> Actor:
    return seed_legal(api)


@persona("密码已过期的自然人账号")
def _natural_expired(api: TestApi) -> Actor:
    return seed_natural(api, password_age_days=120)


@persona("密码已过期的法人账号")
def _legal_expired(api: TestApi) -> Actor:
    return seed_legal(api, password_age_days=120)


# ------------------------------------------------------------------ the recovery scenarios' --
@dataclass
class RenamedUnitActor(Actor):
    """A legal account registered under `unit_name`; the unit has since renamed itself."""

    new_unit_name: str = ""


def legal_actor(unit: factories.LegalUnit, row: dict | None = None, actor_class: type[Actor] = Actor, **extra) -> Actor:
    """The 法人 account of a factories.LegalUnit: its login, its 主代办人's name, the unit's name and credit code;
    `row` (a seeded account) gives the phone the portal holds and the ids, else the unit's own phone."""
    ids = {"id": row["id"], "unit_id": row["unit_id"]} if row else {}
    phone = row["phone"] if row else unit.phone
    return actor_class(
        "legal",
        unit.login_name,
        unit.password,
        unit.agent_name,
        phone,
        unit_name=unit.unit_name,
        credit_code=unit.credit_code,
        **ids,
        **extra,
    )


@persona("没有预留手机号的自然人账号")
def _natural_without_phone(api: TestApi) -> Actor:
    return seed_natural(api, phone=None)


@persona("单位名称已变更的法人账号")
def _legal_renamed(api: TestApi) -> RenamedUnitActor:
    unit = factories.LegalUnit()
    new_name = factories.LegalUnit().unit_name
    spec = factories.legal_spec(unit)
    spec["unit"]["flags"] = {"renamed_to": new_name}
    return legal_actor(unit, api.seed_account(**spec), RenamedUnitActor, new_unit_name=new_name)
