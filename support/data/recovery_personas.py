"""Accounts the recovery scenarios ask for: no reserved phone, a renamed unit."""

from __future__ import annotations

from dataclasses import dataclass

from support.data import factories
from support.data.personas import Actor, persona, seed_natural
from support.target.testapi import TestApi


@dataclass
class RenamedUnitActor(Actor):
    """A legal account registered under `unit_name`; the unit has since renamed itself."""

    new_unit_name: str = ""


@persona("没有预留手机号的自然人账号")
def _natural_without_phone(api: TestApi) -> Actor:
    return seed_natural(api, phone=None)


@persona("单位名称已变更的法人账号")
def _legal_renamed(api: TestApi) -> RenamedUnitActor:
    unit = factories.LegalUnit()
    new_name = factories.LegalUnit().unit_name
    spec = factories.legal_spec(unit)
    spec["unit"]["flags"] = {"renamed_to": new_name}
    row = api.seed_account(**spec)
    return RenamedUnitActor(
        "legal",
        unit.login_name,
        unit.password,
        unit.agent_name,
        row["phone"],
        unit_name=unit.unit_name,
        credit_code=unit.credit_code,
        id=row["id"],
        unit_id=row["unit_id"],
        new_unit_name=new_name,
    )
