"""人类遗传资源管理系统 requests the legal account sends to the back office: project migration after
a unit rename (FAQ-2.6) and project transfer after an employee's departure (FAQ-2.7)."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from sqlalchemy.orm import Session

from mock_portal.messages import hgr as M
from mock_portal.models.accounts import LEGAL, Account
from mock_portal.routers.hgr import entry_of, refuse, require_entry
from mock_portal.services import hgr, reviews
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
    form = {"numbers": numbers, "login_name": login_name, "old_name": old_name, "new_name": new_name}
    wanted = [n for n in numbers.replace("，", ",").replace(" ", ",").split(",") if n]
    error = ""
    for key, label in (
        ("numbers", "项目编号"),
        ("login_name", "自然人账号（登录名）"),
        ("old_name", "原单位名称"),
        ("new_name", "变更后单位名称"),
    ):
        if not form[key].strip():
            error = error or M.REQUIRED.format(label=label)
    if not error and (entry.status != "ok" or new_name.strip() != entry.unit.name):
        error = M.MIGRATION_NEEDS_FILING
    if not error:
        found = hgr.migratable(db, entry.unit, login_name.strip(), old_name.strip(), wanted)
        missing = sorted(set(wanted) - {p.number for p in found})
        if missing:
            error = M.MIGRATION_NO_PROJECTS.format(
                old=old_name.strip(), login=login_name.strip(), numbers="、".join(missing)
            )
    if error:
        return render(request, "hgr/migration.html", status_code=422, entry=entry, M=M, form=form, error=error)
    reviews.submit(
        db,
        "hgr_migration",
        f"项目迁移：{old_name.strip()} → {new_name.strip()}",
        now_of(request),
        account_id=user.id,
        unit_id=entry.unit.id,
        phone=user.phone,
        payload={
            "项目编号": wanted,
            "自然人账号": login_name.strip(),
            "原单位名称": old_name.strip(),
            "新单位名称": new_name.strip(),
        },
    )
    return render(request, "hgr/migration.html", entry=entry, M=M, form={}, notice=M.MIGRATION_SUBMITTED)


@router.get("/transfer")
def transfer_form(request: Request, db: Db, user: CurrentUser):
    entry = legal_entry(request, db, user)
    return render(request, "hgr/transfer.html", entry=entry, M=M, form={})


@router.post("/transfer")
def transfer_request(request: Request, db: Db, user: CurrentUser, from_login: str = Form(""), to_login: str = Form("")):
    entry = legal_entry(request, db, user)
    form = {"from_login": from_login.strip(), "to_login": to_login.strip()}
    error = ""
    if not form["from_login"]:
        error = M.REQUIRED.format(label="离职员工账号（登录名）")
    elif not form["to_login"]:
        error = M.REQUIRED.format(label="在职员工账号（登录名）")
    elif form["from_login"] == form["to_login"]:
        error = M.TRANSFER_SAME
    elif not hgr.transferable(db, entry.unit, form["from_login"]):
        error = M.TRANSFER_NO_PROJECTS.format(login=form["from_login"])
    elif hgr.active_employee(db, entry.unit, form["to_login"], now_of(request)) is None:
        error = M.TRANSFER_NOT_EMPLOYEE.format(login=form["to_login"])
    if error:
        return render(request, "hgr/transfer.html", status_code=422, entry=entry, M=M, form=form, error=error)
    numbers = [p.number for p in hgr.transferable(db, entry.unit, form["from_login"])]
    reviews.submit(
        db,
        "hgr_transfer",
        f"项目移送：{form['from_login']} → {form['to_login']}",
        now_of(request),
        account_id=user.id,
        unit_id=entry.unit.id,
        phone=user.phone,
        payload={
            "离职员工账号": form["from_login"],
            "在职员工账号": form["to_login"],
            "项目编号": numbers,
            "单位名称": entry.unit.name,
        },
    )
    return render(request, "hgr/transfer.html", entry=entry, M=M, form={}, notice=M.TRANSFER_SUBMITTED)
