"""我的信息 → 法人(单位)授权办理情况 of a natural person (`/online/info/units`): the units that
granted them roles, with 查看 showing the systems, roles and end dates of one unit's grants."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from mock_portal import systems
from mock_portal.messages import authorization as M
from mock_portal.models.accounts import NATURAL, Account
from mock_portal.services import authorization as auth
from mock_portal.templating import render
from mock_portal.web import CurrentUser, Db, Forbidden, now_of

router = APIRouter()


def natural(user: CurrentUser) -> Account:
    if user.kind != NATURAL:
        raise Forbidden(M.NATURAL_ONLY)
    return user


NaturalPerson = Annotated[Account, Depends(natural)]


@router.get("/online/info/units")
def unit_list(request: Request, db: Db, user: NaturalPerson):
    return render(request, "authorization/units.html", rows=auth.units_of(db, user.id))


@router.get("/online/info/units/{unit_id}")
def unit_detail(unit_id: int, request: Request, db: Db, user: NaturalPerson):
    row = next((r for r in auth.units_of(db, user.id) if r.unit.id == unit_id), None)
    if row is None:
        raise Forbidden(M.UNIT_NOT_YOURS)
    today = now_of(request).date()
    grants = [(systems.get(g.system), g, auth.state_label(g, today)) for g in row.grants]
    return render(request, "authorization/unit_detail.html", row=row, grants=grants)
