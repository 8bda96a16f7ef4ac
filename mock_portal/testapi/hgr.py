"""Test API of the 人类遗传资源管理 system: grants, filing, renames, synthesis duration, projects
and the mock 备份系统."""

from __future__ import annotations

import datetime as dt

from fastapi import HTTPException, Request
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.models.accounts import Account, Unit
from mock_portal.models.hgr import HgrBackupRecord, HgrProject
from mock_portal.models.permissions import UnitPermission
from mock_portal.services import backup_numbers, hgr, permissions, synthesis
from mock_portal.testapi import guarded_router
from mock_portal.web import Db, now_of

router = guarded_router()


def _unit(db: Session, unit_id: int) -> Unit:
    unit = db.get(Unit, unit_id)
    if unit is None:
        raise HTTPException(404, "no such unit")
    return unit


def _account(db: Session, login_name: str) -> Account:
    account = db.scalars(select(Account).where(Account.login_name == login_name)).first()
    if account is None:
        raise HTTPException(404, "no such account")
    return account


class GrantIn(BaseModel):
    unit_id: int
    login_name: str
    roles: list[str] = Field(default_factory=lambda: ["事项办理员"])
    days: int = 365


@router.post("/hgr/grants")
def grant(body: GrantIn, request: Request, db: Db):
    """The unit holds HGR and grants the person these roles for `days` days from the portal's today."""
    now = now_of(request)
    unit = _unit(db, body.unit_id)
    if hgr.SYSTEM not in permissions.unit_systems(db, unit.id):
        db.add(UnitPermission(unit_id=unit.id, system=hgr.SYSTEM, acquired_at=now))
        db.flush()
    g = permissions.upsert_grant(
        db,
        unit.id,
        _account(db, body.login_name).id,
        hgr.SYSTEM,
        body.roles,
        now.date() + dt.timedelta(days=body.days),
        now,
    )
    db.flush()  # g.id
    return {"id": g.id, "end_date": g.end_date.isoformat(), "roles": g.roles}


@router.post("/hgr/units/{unit_id}/filed")
def mark_filed(unit_id: int, db: Db):
    unit = _unit(db, unit_id)
    hgr.set_flag(unit, hgr.FILED_FLAG, unit.name)
    return {"filed": unit.name}


class RenameIn(BaseModel):
    name: str


@router.post("/hgr/units/{unit_id}/rename")
def rename(unit_id: int, body: RenameIn, db: Db):
    unit = _unit(db, unit_id)
    unit.name = body.name
    return {"id": unit.id, "name": unit.name}


class DurationIn(BaseModel):
    seconds: float


@router.post("/hgr/units/{unit_id}/synthesis")
def synthesis_duration(unit_id: int, body: DurationIn, db: Db):
    unit = _unit(db, unit_id)
    hgr.set_flag(unit, synthesis.DURATION_FLAG, body.seconds)
    return {"seconds": body.seconds}


class ProjectIn(BaseModel):
    login_name: str
    unit_id: int
    name: str
    matter: str = "采集审批"
    leader: str = "负责人"


def project_json(p: HgrProject) -> dict:
    return {
        "id": p.id,
        "number": p.number,
        "name": p.name,
        "unit_name": p.unit_name,
        "status": p.status,
        "owner_account_id": p.owner_account_id,
    }


@router.post("/hgr/projects")
def seed_project(body: ProjectIn, request: Request, db: Db):
    project = hgr.create_project(
        db,
        _account(db, body.login_name),
        _unit(db, body.unit_id),
        now_of(request),
        name=body.name,
        matter=body.matter,
        leader=body.leader,
    )
    return project_json(project)


@router.get("/hgr/projects")
def list_projects(unit_id: int, db: Db):
    return [project_json(p) for p in db.scalars(select(HgrProject).where(HgrProject.unit_id == unit_id))]


class BackupIn(BaseModel):
    unit_name: str
    number: str
    entered: bool = False


@router.post("/hgr/backup-records")
def seed_backup(body: BackupIn, request: Request, db: Db):
    now = now_of(request)
    record = backup_numbers.apply(db, body.unit_name, body.number, now)
    if body.entered:
        backup_numbers.enter(db, record, now)
    db.flush()  # record.id
    return {"id": record.id, "due_date": record.due_date.isoformat()}


@router.post("/hgr/backup-records/{record_id}/enter")
def enter_backup(record_id: int, request: Request, db: Db):
    record = db.get(HgrBackupRecord, record_id)
    if record is None:
        raise HTTPException(404, "no such backup record")
    backup_numbers.enter(db, record, now_of(request))
    return {"id": record.id}
