"""Seeders of the Torch / 引智 business systems: a unit's information in any state of completeness,
the 主代办人's details, grants made by the Torch migration, legacy records, 报备 requests."""

from __future__ import annotations

import datetime as dt

from fastapi import HTTPException, Request
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.models.accounts import LEGAL, Account, Unit
from mock_portal.models.business import LegacyRecord
from mock_portal.models.permissions import UnitPermission
from mock_portal.models.reviews import Review
from mock_portal.services import foreign_experts, outbound_training, permissions, review_decisions, torch
from mock_portal.testapi import guarded_router
from mock_portal.web import Db, now_of

router = guarded_router()

SAMPLE_BASIC = {
    "法定代表人类型": "中华人民共和国大陆地区",
    "法定代表人姓名": "王建国",
    "单位性质": "私营企业",
    "单位地址": "北京市海淀区中关村南大街5号",
}
SAMPLE_OTHER = {
    "单位经营期限": "2016-11-11至长期",
    "所属行业1": "制造业",
    "所属行业2": "科学研究和技术服务业",
    "工商登记机关": "北京市海淀区市场监督管理局",
    "核准日期": "2016-11-11",
    "外资来源地": "无",
    "所得税征收方式": "查账征收",
    "企业类型": "有限责任公司",
}


def _account(db: Session, login_name: str) -> Account:
    account = db.scalars(select(Account).where(Account.login_name == login_name)).first()
    if account is None:
        raise HTTPException(404, "no such account")
    return account


class UnitInfoIn(BaseModel):
    unit_id: int
    basic_missing: list[str] = Field(default_factory=list)
    other_missing: list[str] = Field(default_factory=list)
    unit_realname: str = "passed"
    # 主代办人 of the unit's legal account(s): fields left out (姓名, 手机号码, 证件号码, 实名认证)
    agent_missing: list[str] = Field(default_factory=list)


@router.post("/business/unit_info")
def seed_unit_info(body: UnitInfoIn, db: Db):
    """Fill the unit's 基本信息 / 其他信息 and its 主代办人信息, leaving out the named fields."""
    unit = db.get(Unit, body.unit_id)
    if unit is None:
        raise HTTPException(404, "no such unit")
    unit.basic_info = {k: v for k, v in SAMPLE_BASIC.items() if k not in body.basic_missing}
    unit.other_info = {k: v for k, v in SAMPLE_OTHER.items() if k not in body.other_missing}
    unit.realname_status = body.unit_realname
    for account in db.scalars(select(Account).where(Account.unit_id == unit.id, Account.kind == LEGAL)):
        profile = dict(account.profile or {})
        profile.setdefault("agent_id_number", "110101199003074258")
        if "证件号码" in body.agent_missing:
            profile.pop("agent_id_number", None)
        profile["agent_realname_status"] = "none" if "实名认证" in body.agent_missing else "passed"
        account.profile = profile
        account.phone = None if "手机号码" in body.agent_missing else (account.phone or "13800138000")
        account.name = "" if "姓名" in body.agent_missing else (account.name or "张代办")
    missing = []
    for account in db.scalars(select(Account).where(Account.unit_id == unit.id, Account.kind == LEGAL)):
        missing = [m.text() for m in torch.missing_pieces(account, unit)]
    return {"unit_id": unit.id, "missing": missing}


@router.get("/business/units/{unit_id}")
def read_unit(unit_id: int, db: Db):
    unit = db.get(Unit, unit_id)
    if unit is None:
        raise HTTPException(404, "no such unit")
    return {
        "id": unit.id,
        "name": unit.name,
        "basic_info": unit.basic_info,
        "other_info": unit.other_info,
        "systems": sorted(permissions.unit_systems(db, unit.id)),
    }


class GrantIn(BaseModel):
    login_name: str
    unit_id: int
    systems: list[str]
    roles: list[str] = Field(default_factory=lambda: ["管理员"])
    days: int = 365
    # The Torch migration gave the unit its systems; other grants need the unit to hold them.
    migration: bool = False


@router.post("/business/grants")
def seed_grants(body: GrantIn, request: Request, db: Db):
    now = now_of(request)
    account = _account(db, body.login_name)
    end = now.date() + dt.timedelta(days=body.days)
    out = []
    for system in body.systems:
        if body.migration and system not in permissions.unit_systems(db, body.unit_id):
            db.add(UnitPermission(unit_id=body.unit_id, system=system, acquired_at=now))
            db.flush()
        try:
            grant = permissions.upsert_grant(db, body.unit_id, account.id, system, body.roles, end, now)
        except permissions.GrantError as exc:
            raise HTTPException(409, f"unit does not hold {system}") from exc
        out.append({"id": grant.id, "system": system})
    return out


class RecordsIn(BaseModel):
    unit_id: int
    system: str = "foreign_experts"
    titles: list[str]


@router.post("/business/legacy_records")
def seed_records(body: RecordsIn, request: Request, db: Db):
    for title in body.titles:
        db.add(LegacyRecord(unit_id=body.unit_id, system=body.system, title=title, created_at=now_of(request)))
    return {"count": len(body.titles)}


class FilingIn(BaseModel):
    login_name: str


@router.post("/business/outbound_filing_requests")
def seed_filing_request(body: FilingIn, request: Request, db: Db):
    """The person asked 引智司 to file them: a pending back-office review (kind outbound_filing)."""
    review = outbound_training.request_filing(db, _account(db, body.login_name), now_of(request))
    return {"review_id": review.id}


class WzjIn(BaseModel):
    unit_id: int
    approve: bool = True
    competent_unit: str = "北京市科学技术委员会"


@router.post("/business/wzj_registrations")
def seed_wzj_registration(body: WzjIn, request: Request, db: Db):
    """The unit registered in the 外专 system and its 归口单位 decided (approved by default)."""
    legal = db.scalars(select(Account).where(Account.unit_id == body.unit_id, Account.kind == LEGAL)).first()
    if legal is None:
        raise HTTPException(404, "the unit has no legal account")
    now = now_of(request)
    reg = foreign_experts.register(db, legal, body.competent_unit, legal.name or "联系人", "13800138000", now)
    review = db.get(Review, reg.review_id)
    review_decisions.decide(
        db, review, body.approve, "" if body.approve else "材料不全", now, request.app.state.settings, by="test-api"
    )
    return {"status": reg.status}
