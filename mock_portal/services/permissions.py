"""Who may act in which system (FAQ-1.10.x, 2.1–2.3).

A unit holds a system after its verified legal account entered it once through 办理入口;
a natural person acts in a system only through an unexpired grant from a unit.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.models.accounts import LEGAL, Account
from mock_portal.models.permissions import Grant, UnitPermission
from mock_portal.services import audit


def unit_systems(db: Session, unit_id: int) -> set[str]:
    return set(db.scalars(select(UnitPermission.system).where(UnitPermission.unit_id == unit_id)))


def record_entry(db: Session, account: Account, system: str, now: dt.datetime) -> bool:
    """A verified legal account entering a system gives its unit that permission.
    Returns True when the unit holds it (now or already)."""
    if account.kind != LEGAL or account.unit_id is None or account.realname_status != "passed":
        return False
    if system not in unit_systems(db, account.unit_id):
        db.add(UnitPermission(unit_id=account.unit_id, system=system, acquired_at=now))
        db.flush()
    return True


def grants_of(db: Session, account_id: int) -> list[Grant]:
    return list(db.scalars(select(Grant).where(Grant.account_id == account_id).order_by(Grant.id)))


def grants_by_unit(db: Session, unit_id: int) -> list[Grant]:
    return list(db.scalars(select(Grant).where(Grant.unit_id == unit_id).order_by(Grant.id)))


def find_grant(db: Session, account_id: int, system: str, unit_id: int | None = None) -> Grant | None:
    q = select(Grant).where(Grant.account_id == account_id, Grant.system == system)
    if unit_id is not None:
        q = q.where(Grant.unit_id == unit_id)
    return db.scalars(q.order_by(Grant.end_date.desc())).first()


def grant_state(grant: Grant | None, today: dt.date) -> str:
    """'none' | 'expired' | 'active'."""
    if grant is None or not grant.roles:
        return "none"
    return "expired" if today > grant.end_date else "active"


class GrantError(ValueError):
    pass


def upsert_grant(
    db: Session, unit_id: int, account_id: int, system: str, roles: list[str], end_date: dt.date, now: dt.datetime
) -> Grant:
    """Create or replace the unit's grant to that person in that system.
    The unit may grant only systems it holds (else GrantError 'no permission')."""
    if system not in unit_systems(db, unit_id):
        raise GrantError("no-permission")
    grant = find_grant(db, account_id, system, unit_id)
    if grant is None:
        grant = Grant(
            unit_id=unit_id, account_id=account_id, system=system, roles=list(roles), end_date=end_date, granted_at=now
        )
        db.add(grant)
    else:
        grant.roles = list(roles)
        grant.end_date = end_date
        grant.granted_at = now
    db.flush()
    _audit(db, now, grant, "grant")
    return grant


def revoke(db: Session, grant: Grant, now: dt.datetime | None = None) -> None:
    _audit(db, now or grant.granted_at, grant, "grant-revoke")
    db.delete(grant)
    db.flush()


def _audit(db: Session, now: dt.datetime, grant: Grant, event: str) -> None:
    """Grants are audited under the grantee's login name, with the unit, system, roles and end date."""
    person = db.get(Account, grant.account_id)
    audit.record(
        db,
        now,
        person.login_name if person else "",
        event,
        "ok",
        unit_id=grant.unit_id,
        system=grant.system,
        roles=list(grant.roles),
        end_date=grant.end_date.isoformat(),
    )
