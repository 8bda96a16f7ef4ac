"""外国专家项目管理信息系统 (/systems/foreign_experts, FAQ-5.1): a unit's legal account registers the
unit for its 归口单位's approval; afterwards the unit holds the system and may grant it; whoever acts
for the unit sees the unit's earlier records, or whom to call when there are none."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from mock_portal.messages import foreign_experts as M
from mock_portal.models.accounts import LEGAL, Account, Unit
from mock_portal.services import foreign_experts as svc
from mock_portal.services.access import system_access
from mock_portal.templating import render
from mock_portal.web import CurrentUser, Db, Forbidden, now_of

router = APIRouter(prefix="/systems/foreign_experts")


def _registration_page(request: Request, db: Session, user: Account, status_code=200, error="", form=None):
    reg = svc.registration_of(db, user.unit_id)
    notice = ""
    if reg is not None and reg.status == "pending":
        notice = M.REGISTRATION_PENDING
    rejected = M.REGISTRATION_REJECTED.format(reason=reg.reason) if reg is not None and reg.status == "rejected" else ""
    form = form or (
        {"competent_unit": reg.competent_unit, "contact_name": reg.contact_name, "contact_phone": reg.contact_phone}
        if reg is not None
        else {}
    )
    return render(
        request,
        "foreign_experts/register.html",
        status_code=status_code,
        unit=user.unit,
        show_form=reg is None or reg.status == "rejected",
        notice=notice,
        error=error or rejected,
        intro=M.REGISTER_FIRST,
        form=form,
        competent_units=M.COMPETENT_UNITS,
    )


@router.get("")
def landing(request: Request, db: Db, user: CurrentUser):
    access = system_access(db, user, svc.SYSTEM, now_of(request))
    if not access.ok:
        raise Forbidden(access.message)
    if access.reason == "unregistered":
        return _registration_page(request, db, user)
    records = svc.records_of(db, access.unit_id)
    return render(
        request,
        "foreign_experts/system.html",
        records=records,
        welcome=M.WELCOME,
        no_records=M.NO_RECORDS,
        unit=db.get(Unit, access.unit_id),
        roles=access.roles,
    )


@router.post("/register")
def register(
    request: Request,
    db: Db,
    user: CurrentUser,
    competent_unit: str = Form(""),
    contact_name: str = Form(""),
    contact_phone: str = Form(""),
):
    access = system_access(db, user, svc.SYSTEM, now_of(request))
    if not access.ok or user.kind != LEGAL:
        raise Forbidden(access.message or M.REGISTER_FIRST)
    form = {"competent_unit": competent_unit, "contact_name": contact_name[:100], "contact_phone": contact_phone[:20]}
    error = svc.validate(competent_unit, contact_name, contact_phone)
    if error:
        return _registration_page(request, db, user, 422, error=error, form=form)
    svc.register(db, user, competent_unit, contact_name, contact_phone, now_of(request))
    return RedirectResponse("/systems/foreign_experts", status_code=303)
