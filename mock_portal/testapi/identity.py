"""Seed the mock identity registry: which persons (证件号码 + 姓名) and units (统一社会信用代码 +
单位名称) pass the automatic 实名认证."""

from __future__ import annotations

from fastapi import HTTPException
from pydantic import BaseModel
from sqlalchemy import select

from mock_portal.models.identity import PERSON, UNIT, RegistryIdentity
from mock_portal.services import identifiers
from mock_portal.testapi import guarded_router
from mock_portal.web import Db

router = guarded_router()


class RegistryIn(BaseModel):
    kind: str  # person | unit
    number: str
    name: str


@router.post("/identity/registry")
def seed_registry(body: RegistryIn, db: Db):
    if body.kind not in (PERSON, UNIT):
        raise HTTPException(422, "kind must be person or unit")
    number = identifiers.normalize(body.number)
    row = db.scalars(
        select(RegistryIdentity).where(RegistryIdentity.kind == body.kind, RegistryIdentity.number == number)
    ).first()
    if row is None:
        row = RegistryIdentity(kind=body.kind, number=number, name=body.name)
        db.add(row)
    row.name = body.name
    db.flush()
    return {"id": row.id, "kind": row.kind, "number": row.number, "name": row.name}
