"""人类遗传资源管理系统 requests the legal account sends to the back office: project migration after
a unit rename (FAQ-2.6) and project transfer after an employee's departure (FAQ-2.7). The rules are in
services/hgr_requests.py; this module reads the forms and renders the pages."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter, Form, Request
from sqlalchemy.orm import Session

from mock_portal.messages import hgr as M
from mock_portal.models.accounts import LEGAL, Account
from mock_portal.routers.hgr import entry_of, refuse, require_entry
from mock_portal.services import hgr, hgr_requests
from mock_portal.templating import render
from mock_portal.web import CurrentUser, Db, now_of

router = APIRouter(prefix="/systems/hgr")


def legal_entry(request: Request, db: Session, user: Account) -> hgr.Entry:
    entry = require_entry(request, db, user)
    if user.kind != LEGAL:
        refuse(db, M.LEGAL_ONLY)
    return entry


@router.get("/migration")
def migration_form(request: Request, db: Db, user: CurrentUser):
    entry = entry_of(request, db, user)
    if user.kind != LEGAL:
        refuse(db, M.LEGAL_ONLY)
    return render(
        request,
        "hgr/migration.html",
        entry=entry,
        M=M,
        form={"new_name": user.unit.name},
        error="" if entry.status == "ok" else M.MIGRATION_NEEDS_FILING,
    )


@router.post("/migration")
def migration_request(
    request: Request,
    db: Db,
    user: CurrentUser,
    numbers: str = Form(""),
    login_name: str = Form(""),
    old_name: str = Form(""),
    new_name: str = Form(""),
):
    if user.kind != LEGAL:
        refuse(db, M.LEGAL_ONLY)
    entry = entry_of(request, db, user)
    form = hgr_requests.MigrationForm(numbers, login_name, old_name, new_name)
    try:
        hgr_requests.request_migration(db, entry, user, form, now_of(request))
    except hgr_requests.RequestRefused as refused:
        return render(
            request, "hgr/migration.html", status_code=422, entry=entry, M=M, form=asdict(form), error=refused.message
        )
    return render(request, "hgr/migration.html", entry=entry, M=M, form={}, notice=M.MIGRATION_SUBMITTED)


@router.get("/transfer")
def transfer_form(request: Request, db: Db, user: CurrentUser):
    entry = legal_entry(request, db, user)
    return render(request, "hgr/transfer.html", entry=entry, M=M, form={})


@router.post("/transfer")
def transfer_request(request: Request, db: Db, user: CurrentUser, from_login: str = Form(""), to_login: str = Form("")):
    entry = legal_entry(request, db, user)
    form = hgr_requests.TransferForm(from_login.strip(), to_login.strip())
    try:
        hgr_requests.request_transfer(db, entry, user, form, now_of(request))
    except hgr_requests.RequestRefused as refused:
        return render(
            request, "hgr/transfer.html", status_code=422, entry=entry, M=M, form=asdict(form), error=refused.message
        )
    return render(request, "hgr/transfer.html", entry=entry, M=M, form={}, notice=M.TRANSFER_SUBMITTED)
