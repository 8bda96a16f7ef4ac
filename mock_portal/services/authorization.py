"""用户授权管理 on top of services/permissions.py (FAQ-1.10.1 … 1.10.4).

A legal unit grants natural persons roles in the systems it holds (UnitPermission); the
person must be real-name verified and is found by exact 姓名 (never by login name).
Every grant fetched by id is checked against the acting unit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal import systems
from mock_portal.messages import authorization as M
from mock_portal.models.accounts import LEGAL, NATURAL, Account, Unit
from mock_portal.models.permissions import Grant
from mock_portal.services import identifiers, permissions


class AuthorizationError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def may_manage(account: Account) -> bool:
    return account.kind == LEGAL and account.unit_id is not None and account.realname_status == "passed"


def search_natural(db: Session, name: str, id_number: str = "") -> list[Account]:
    """Verified natural persons whose real name is exactly `name` (and ID number, if given)."""
    name, id_number = name.strip(), identifiers.normalize(id_number)
    if not name:
        return []
    q = select(Account).where(
        Account.kind == NATURAL, Account.realname_status == "passed", Account.active.is_(True), Account.name == name
    )
    if id_number:
        q = q.where(Account.id_number == id_number)
    return list(db.scalars(q.order_by(Account.id).limit(50)))


@dataclass
class Offer:
    system: systems.System
    held: bool


def offers(db: Session, unit_id: int) -> list[Offer]:
    """Every grantable system; roles are offered only where the unit holds the system."""
    held = permissions.unit_systems(db, unit_id)
    return [Offer(s, s.key in held) for s in systems.SYSTEMS if s.grantable and s.roles]


def parse_roles(values: list[str]) -> dict[str, list[str]]:
    """Form values "system_key:role" → {system_key: [roles]}; unknown systems/roles refused."""
    out: dict[str, list[str]] = {}
    for value in values:
        key, _, role = value.partition(":")
        system = systems.get(key)
        if system is None or not system.grantable or role not in system.roles:
            raise AuthorizationError(M.BAD_ROLE)
        if role not in out.setdefault(key, []):
            out[key].append(role)
    return out


def parse_end_date(value: str, today: dt.date) -> dt.date:
    value = value.strip()
    if not value:
        raise AuthorizationError(M.END_DATE_REQUIRED)
    try:
        end = dt.date.fromisoformat(value)
    except ValueError as exc:
        raise AuthorizationError(M.END_DATE_INVALID) from exc
    if end < today:
        raise AuthorizationError(M.END_DATE_PAST)
    return end


def grant(
    db: Session, unit_id: int, person: Account | None, roles: dict[str, list[str]], end_date: dt.date, now: dt.datetime
) -> list[Grant]:
    """All-or-nothing: every ticked system must be held by the unit (else 没有权限)."""
    if person is None or person.kind != NATURAL or person.realname_status != "passed":
        raise AuthorizationError(M.PERSON_INVALID)
    if not any(roles.values()):
        raise AuthorizationError(M.ROLES_REQUIRED)
    held = permissions.unit_systems(db, unit_id)
    for key in roles:
        if key not in held:
            raise AuthorizationError(M.NO_PERMISSION.format(system=systems.get(key).name))
    return [permissions.upsert_grant(db, unit_id, person.id, key, rs, end_date, now) for key, rs in roles.items() if rs]


def grant_of_unit(db: Session, unit_id: int, grant_id: int) -> Grant:
    """A grant by id, only if it was given by that unit."""
    found = db.get(Grant, grant_id)
    if found is None or found.unit_id != unit_id:
        raise AuthorizationError(M.NOT_YOURS)
    return found


def change(db: Session, grant_row: Grant, roles: list[str], end_date: dt.date, now: dt.datetime) -> Grant:
    system = systems.get(grant_row.system)
    if not roles:
        raise AuthorizationError(M.ROLES_REQUIRED)
    if any(r not in system.roles for r in roles):
        raise AuthorizationError(M.BAD_ROLE)
    person = db.get(Account, grant_row.account_id)
    return permissions.upsert_grant(db, grant_row.unit_id, person.id, grant_row.system, roles, end_date, now)


def state_label(grant_row: Grant, today: dt.date) -> str:
    return M.STATE_ACTIVE if permissions.grant_state(grant_row, today) == "active" else M.STATE_EXPIRED


@dataclass
class UnitGrants:
    """One row of 法人(单位)授权办理情况: a unit and the grants it gave this person."""

    unit: Unit
    legal_name: str
    granted_at: dt.datetime
    grants: list[Grant]

    @property
    def status(self) -> str:
        return M.UNIT_DISABLED if (self.unit.flags or {}).get("disabled") else M.UNIT_ACTIVE


def units_of(db: Session, account_id: int) -> list[UnitGrants]:
    rows: dict[int, UnitGrants] = {}
    for g in permissions.grants_of(db, account_id):
        if g.unit_id not in rows:
            unit = db.get(Unit, g.unit_id)
            legal = db.scalars(
                select(Account).where(Account.unit_id == unit.id, Account.kind == LEGAL).order_by(Account.id)
            ).first()
            rows[g.unit_id] = UnitGrants(unit, legal.name if legal else "", g.granted_at, [])
        row = rows[g.unit_id]
        row.grants.append(g)
        row.granted_at = min(row.granted_at, g.granted_at)
    return list(rows.values())
