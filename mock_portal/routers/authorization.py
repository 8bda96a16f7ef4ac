"""在线办事 → 用户授权管理 (FAQ-1.10.1 … 1.10.4): 授权操作 (search a verified natural person by
姓名, tick roles among the unit's held systems, 授权截止日期) and 授权用户管理 (change roles or end date,
revoke). Only verified legal accounts; every grant by id is checked against the session's unit."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from mock_portal import systems
from mock_portal.messages import authorization as M
from mock_portal.models.accounts import NATURAL, Account
from mock_portal.services import authorization as auth
from mock_portal.services import permissions
from mock_portal.templating import render
from mock_portal.web import CurrentUser, Db, Forbidden, now_of

router = APIRouter()
BASE = "/online/authorization"
DONE = {"granted": M.GRANTED, "changed": M.CHANGED, "revoked": M.REVOKED}


def manager(user: CurrentUser) -> Account:
    if not auth.may_manage(user):
        raise Forbidden(M.LEGAL_ONLY)
    return user


Manager = Annotated[Account, Depends(manager)]  # a legal account that manages its unit's grants


def _person(db: Session, person_id: int) -> Account:
    person = db.get(Account, person_id)
    if person is None or person.kind != NATURAL or person.realname_status != "passed":
        raise Forbidden(M.PERSON_INVALID)
    return person


@router.get(BASE)
def search_page(request: Request, db: Db, user: Manager, name: str = "", id_number: str = "", searched: str = ""):
    name, id_number = name.strip()[:50], id_number.strip()[:40]
    results, error = [], ""
    if searched:
        results = auth.search_natural(db, name, id_number)
        error = M.NAME_REQUIRED if not name else ("" if results else M.NOT_FOUND)
    return render(
        request,
        "authorization/search.html",
        status_code=422 if searched and not name else 200,
        person_name=name,
        id_number=id_number,
        searched=bool(searched),
        results=results,
        error=error,
    )


def _grant_form(
    request: Request,
    db: Session,
    user: Account,
    person: Account,
    status_code: int = 200,
    error: str = "",
    ticked=(),
    end_date: str = "",
):
    today = now_of(request).date()
    return render(
        request,
        "authorization/grant.html",
        status_code=status_code,
        person=person,
        error=error,
        offers=auth.offers(db, user.unit_id),
        ticked=set(ticked),
        end_date=end_date or (today + dt.timedelta(days=365)).isoformat(),
        not_held=M.NOT_HELD_NOTE,
    )


@router.get(BASE + "/people/{person_id}")
def grant_form(person_id: int, request: Request, db: Db, user: Manager):
    return _grant_form(request, db, user, _person(db, person_id))


@router.post(BASE + "/people/{person_id}")
def do_grant(
    person_id: int,
    request: Request,
    db: Db,
    user: Manager,
    role: list[str] = Form(default=[]),
    end_date: str = Form(""),
):
    person = _person(db, person_id)
    now = now_of(request)
    try:
        roles = auth.parse_roles(role)
        end = auth.parse_end_date(end_date, now.date())
        auth.grant(db, user.unit_id, person, roles, end, now)
    except auth.AuthorizationError as exc:
        db.rollback()
        return _grant_form(request, db, user, person, 422, exc.message, role, end_date[:20])
    return RedirectResponse(BASE + "/grants?done=granted", status_code=303)


@router.get(BASE + "/grants")
def grants_page(request: Request, db: Db, user: Manager, done: str = ""):
    today = now_of(request).date()
    rows = [
        (g, db.get(Account, g.account_id), systems.get(g.system), auth.state_label(g, today))
        for g in permissions.grants_by_unit(db, user.unit_id)
    ]
    return render(request, "authorization/grants.html", rows=rows, notice=DONE.get(done, ""))


def _edit_form(request, grant, db, status_code=200, error="", roles=None, end_date=""):
    return render(
        request,
        "authorization/edit.html",
        status_code=status_code,
        grant=grant,
        error=error,
        person=db.get(Account, grant.account_id),
        system=systems.get(grant.system),
        ticked=set(grant.roles if roles is None else roles),
        end_date=end_date or grant.end_date.isoformat(),
    )


def _own_grant(db: Session, user: Account, grant_id: int):
    try:
        return auth.grant_of_unit(db, user.unit_id, grant_id)
    except auth.AuthorizationError as exc:
        raise Forbidden(exc.message) from exc


@router.get(BASE + "/grants/{grant_id}/edit")
def edit_form(grant_id: int, request: Request, db: Db, user: Manager):
    return _edit_form(request, _own_grant(db, user, grant_id), db)


@router.post(BASE + "/grants/{grant_id}/edit")
def do_edit(
    grant_id: int, request: Request, db: Db, user: Manager, role: list[str] = Form(default=[]), end_date: str = Form("")
):
    grant = _own_grant(db, user, grant_id)
    now = now_of(request)
    try:
        end = auth.parse_end_date(end_date, now.date())
        auth.change(db, grant, role, end, now)
    except auth.AuthorizationError as exc:
        db.rollback()
        return _edit_form(request, grant, db, 422, exc.message, role, end_date[:20])
    return RedirectResponse(BASE + "/grants?done=changed", status_code=303)


@router.post(BASE + "/grants/{grant_id}/revoke")
def do_revoke(grant_id: int, request: Request, db: Db, user: Manager):
    permissions.revoke(db, _own_grant(db, user, grant_id), now_of(request))
    return RedirectResponse(BASE + "/grants?done=revoked", status_code=303)
