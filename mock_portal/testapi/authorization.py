"""Test control plane for the permission model: seed a unit's system permission (as if its legal
account had entered once), seed a grant with roles valid for `valid_days` from the portal's today
(negative = already expired), list grants, set an account's real-name status.
`system` accepts the key (pathogen_lab) or the name users see (高等级病原微生物实验室建设审查)."""

from __future__ import annotations

import datetime as dt

from fastapi import HTTPException, Request
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal import systems
from mock_portal.models.accounts import Account
from mock_portal.models.permissions import Grant, UnitPermission
from mock_portal.services import permissions
from mock_portal.testapi import guarded_router
from mock_portal.web import Db, now_of

router = guarded_router()


def system_key(value: str) -> str:
    for s in systems.SYSTEMS:
        if value in (s.key, s.name):
            return s.key
    raise HTTPException(404, f"no such system: {value}")


def account_by_login(db: Session, login_name: str) -> Account:
    account = db.scalars(select(Account).where(Account.login_name == login_name)).first()
    if account is None:
        raise HTTPException(404, "no such account")
    return account


class UnitPermissionIn(BaseModel):
    unit_id: int
    system: str


@router.post("/authorization/unit-permissions")
def seed_unit_permission(body: UnitPermissionIn, request: Request, db: Db):
    key = system_key(body.system)
    if key not in permissions.unit_systems(db, body.unit_id):
        db.add(UnitPermission(unit_id=body.unit_id, system=key, acquired_at=now_of(request)))
    return {"unit_id": body.unit_id, "systems": sorted(permissions.unit_systems(db, body.unit_id) | {key})}


class GrantIn(BaseModel):
    unit_id: int
    login_name: str
    system: str
    roles: list[str] = Field(default_factory=lambda: ["事项办理员"])
    valid_days: int = 365


def grant_json(g: Grant) -> dict:
    return {
        "id": g.id,
        "unit_id": g.unit_id,
        "account_id": g.account_id,
        "system": g.system,
        "roles": g.roles,
        "end_date": g.end_date.isoformat(),
        "granted_at": g.granted_at.isoformat(),
    }


@router.post("/authorization/grants")
def seed_grant(body: GrantIn, request: Request, db: Db):
    """Create or replace the grant (the unit must hold the system: seed that first)."""
    now = now_of(request)
    account = account_by_login(db, body.login_name)
    try:
        g = permissions.upsert_grant(
            db,
            body.unit_id,
            account.id,
            system_key(body.system),
            body.roles,
            now.date() + dt.timedelta(days=body.valid_days),
            now,
        )
    except permissions.GrantError as exc:
        raise HTTPException(409, "the unit does not hold that system; seed the unit permission first") from exc
    return grant_json(g)


@router.get("/authorization/grants")
def list_grants(db: Db, unit_id: int | None = None, login_name: str | None = None):
    q = select(Grant).order_by(Grant.id)
    if unit_id is not None:
        q = q.where(Grant.unit_id == unit_id)
    if login_name:
        q = q.where(Grant.account_id == account_by_login(db, login_name).id)
    return [grant_json(g) for g in db.scalars(q)]


class RealnameIn(BaseModel):
    login_name: str
    status: str = "passed"


@router.post("/authorization/realname")
def set_realname(body: RealnameIn, db: Db):
    account = account_by_login(db, body.login_name)
    account.realname_status = body.status
    return {"login_name": account.login_name, "realname_status": account.realname_status}
