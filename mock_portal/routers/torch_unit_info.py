"""授权法人(单位)基本信息 / 其他信息 (FAQ-3.1.4): a natural person holding the 管理员 role for a unit
(reached from 法人(单位)授权办理情况) maintains that unit's information for 高企/中小."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from mock_portal.messages import torch as M
from mock_portal.models.accounts import NATURAL, Account, Unit
from mock_portal.services import permissions, torch
from mock_portal.templating import render
from mock_portal.web import CurrentUser, Db, Forbidden, now_of

router = APIRouter()
ADMIN_ROLE = M.ADMIN_ROLE
TEXT_TYPES = {M.APPROVED_ON: "date"}


async def form_data(request: Request) -> dict:
    return {k: v for k, v in (await request.form()).items() if isinstance(v, str)}


def _unit_for_admin(db: Session, user: Account, unit_id: int, request: Request) -> Unit:
    today = now_of(request).date()
    is_admin = user.kind == NATURAL and any(
        g.unit_id == unit_id and ADMIN_ROLE in (g.roles or []) and permissions.grant_state(g, today) == "active"
        for g in permissions.grants_of(db, user.id)
    )
    unit = db.get(Unit, unit_id) if is_admin else None
    if unit is None:
        raise Forbidden(M.NOT_ADMIN_OF_UNIT)
    return unit


def _page(request: Request, unit: Unit, basic: dict, other: dict, status_code=200, error="", notice=""):
    return render(
        request,
        "torch/unit_info.html",
        status_code=status_code,
        unit=unit,
        basic=basic,
        other=other,
        basic_fields=torch.BASIC_FIELDS,
        other_fields=torch.OTHER_FIELDS,
        options=torch.SELECT_OPTIONS,
        types=TEXT_TYPES,
        error=error,
        notice=notice,
    )


@router.get("/online/info/units/{unit_id}/edit")
def show_unit_info(unit_id: int, request: Request, db: Db, user: CurrentUser, saved: str = ""):
    unit = _unit_for_admin(db, user, unit_id, request)
    return _page(
        request,
        unit,
        dict(unit.basic_info or {}),
        dict(unit.other_info or {}),
        notice=M.UNIT_INFO_SAVED if saved else "",
    )


@router.post("/online/info/units/{unit_id}/edit")
def save_unit_info(unit_id: int, request: Request, db: Db, user: CurrentUser, form: dict = Depends(form_data)):
    unit = _unit_for_admin(db, user, unit_id, request)
    basic = torch.clean_form(form, torch.BASIC_FIELDS)
    other = torch.clean_form(form, torch.OTHER_FIELDS)
    missing = torch.missing_fields(basic, torch.BASIC_FIELDS) + torch.missing_fields(other, torch.OTHER_FIELDS)
    if missing:
        return _page(
            request, unit, basic, other, 422, error=M.FIELD_REQUIRED.format(fields=M.FIELD_SEPARATOR.join(missing))
        )
    unit.basic_info = {**(unit.basic_info or {}), **basic}
    unit.other_info = {**(unit.other_info or {}), **other}
    return RedirectResponse(f"/online/info/units/{unit_id}/edit?saved=1", status_code=303)
