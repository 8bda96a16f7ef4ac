"""人类遗传资源管理系统 (/systems/hgr): entering (grants, unit choice, online filing), the unit's
project list, 备份号匹配, and the requests for project migration (rename) and transfer (departure)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from mock_portal import faults
from mock_portal.messages import hgr as M
from mock_portal.models.accounts import LEGAL, Account
from mock_portal.services import backup_numbers, hgr, reviews, synthesis
from mock_portal.systems import BY_KEY
from mock_portal.templating import render
from mock_portal.web import Forbidden, get_db, now_of, require_user, session_row, settings_of

router = APIRouter(prefix="/systems/hgr")
LANDING = "/systems/hgr"
CHOSEN_KEY = "hgr_unit_id"


class NotEntered(Exception):
    """Raised by `require_entry` when the account is not (yet) in the system."""


def entry_of(request: Request, db: Session, user: Account) -> hgr.Entry:
    chosen = request.state.web_session.data.get(CHOSEN_KEY) if request.state.web_session.data else None
    return hgr.enter(db, user, now_of(request), chosen, auto_choose=unit_choice_may_be_skipped(request))


def refuse(db: Session, message: str):
    """The 403 page. Commit first: the error page still reads the signed-in user from this session."""
    db.commit()
    raise Forbidden(message)


def require_entry(request: Request, db: Session, user: Account) -> hgr.Entry:
    entry = entry_of(request, db, user)
    if entry.status != "ok":
        refuse(db, entry.message)
    return entry


# FAQ-2.8 (进入申报系统一直让选择单位名称): a natural person granted by several units chooses one on
# 选择单位名称 (/systems/hgr/choose-unit); granted by one unit only, the page is skipped — except while
# the legacy-browser profile is on, when it is always shown (Chrome then proceeds; an old browser loops).
def unit_choice_may_be_skipped(request: Request) -> bool:
    return faults.LEGACY_BROWSER not in faults.profiles(request)


def unit_choice_sticks(request: Request) -> bool:
    """FAQ-2.8 hook: whether the unit chosen on 选择单位名称 is remembered for this session.
    The browser-compatibility work makes this False under the "legacy-browser" fault profile for
    non-Chrome browsers, so that entering keeps asking for the unit name."""
    return not faults.legacy_browser(request)  # fault legacy-browser (mock_portal/faults.py)


def refused(request: Request, db: Session, user: Account, entry: hgr.Entry, notice: str = "", status_code: int = 403):
    pending = hgr.pending_review(db, "hgr_filing", entry.unit.id) if entry.unit is not None else None
    return render(request, "hgr/refused.html", status_code=status_code, entry=entry, M=M, notice=notice,
                  is_legal=user.kind == LEGAL, pending=pending)


@router.get("")
def landing(request: Request, db: Session = Depends(get_db), user: Account = Depends(require_user)):
    entry = entry_of(request, db, user)
    if entry.status == "choose":
        return RedirectResponse(f"{LANDING}/choose-unit", status_code=303)
    if entry.status != "ok":
        return refused(request, db, user, entry)
    projects = hgr.visible_projects(db, user, entry.unit)
    for project in projects:
        synthesis.refresh(db, project, now_of(request), settings_of(request))
    return render(request, "hgr/landing.html", entry=entry, projects=projects, system=BY_KEY["hgr"],
                  is_legal=user.kind == LEGAL)


@router.get("/choose-unit")
def choose_unit(request: Request, db: Session = Depends(get_db), user: Account = Depends(require_user)):
    entry = hgr.enter(db, user, now_of(request), None, auto_choose=False)
    if entry.status != "choose":
        return RedirectResponse(LANDING, status_code=303)
    return render(request, "hgr/choose_unit.html", choices=entry.choices, M=M)


@router.post("/choose-unit")
def do_choose_unit(request: Request, unit_id: int = Form(0), db: Session = Depends(get_db),
                   user: Account = Depends(require_user)):
    entry = hgr.enter(db, user, now_of(request), None, auto_choose=False)
    if entry.status == "choose" and unit_id not in [u.id for u in entry.choices]:
        return render(request, "hgr/choose_unit.html", status_code=422, choices=entry.choices, M=M,
                      error=M.CHOOSE_UNIT_INVALID)
    if unit_choice_sticks(request):
        ws = session_row(request, db)
        ws.data = {**(ws.data or {}), CHOSEN_KEY: unit_id}
    return RedirectResponse(LANDING, status_code=303)


@router.post("/filing")
def request_filing(request: Request, db: Session = Depends(get_db), user: Account = Depends(require_user)):
    entry = entry_of(request, db, user)
    if entry.status != "not-filed":
        return RedirectResponse(LANDING, status_code=303)
    if user.kind != LEGAL:
        return refused(request, db, user, entry, status_code=422)
    hgr.request_filing(db, entry.unit, user, now_of(request))
    return refused(request, db, user, entry, notice=M.FILING_SUBMITTED, status_code=200)


@router.get("/backup")
def backup_form(request: Request, db: Session = Depends(get_db), user: Account = Depends(require_user)):
    entry = require_entry(request, db, user)
    return render(request, "hgr/backup.html", entry=entry)


@router.post("/backup")
def backup_match(request: Request, number: str = Form(""), db: Session = Depends(get_db),
                 user: Account = Depends(require_user)):
    entry = require_entry(request, db, user)
    result = backup_numbers.match(db, entry.unit, number)
    return render(request, "hgr/backup.html", status_code=200 if result.ok else 422, entry=entry, number=number,
                  notice=result.message if result.ok else "", error="" if result.ok else result.message)


def legal_entry(request: Request, db: Session, user: Account) -> hgr.Entry:
    entry = require_entry(request, db, user)
    if user.kind != LEGAL:
        refuse(db, M.LEGAL_ONLY)
    return entry


@router.get("/migration")
def migration_form(request: Request, db: Session = Depends(get_db), user: Account = Depends(require_user)):
    entry = entry_of(request, db, user)
    if user.kind != LEGAL:
        refuse(db, M.LEGAL_ONLY)
    return render(request, "hgr/migration.html", entry=entry, M=M, form={"new_name": user.unit.name},
                  error="" if entry.status == "ok" else M.MIGRATION_NEEDS_FILING)


@router.post("/migration")
def migration_request(request: Request, numbers: str = Form(""), login_name: str = Form(""),
                      old_name: str = Form(""), new_name: str = Form(""), db: Session = Depends(get_db),
                      user: Account = Depends(require_user)):
    if user.kind != LEGAL:
        refuse(db, M.LEGAL_ONLY)
    entry = entry_of(request, db, user)
    form = {"numbers": numbers, "login_name": login_name, "old_name": old_name, "new_name": new_name}
    wanted = [n for n in numbers.replace("，", ",").replace(" ", ",").split(",") if n]
    error = ""
    for key, label in (("numbers", "项目编号"), ("login_name", "自然人账号（登录名）"),
                       ("old_name", "原单位名称"), ("new_name", "变更后单位名称")):
        if not form[key].strip():
            error = error or M.REQUIRED.format(label=label)
    if not error and (entry.status != "ok" or new_name.strip() != entry.unit.name):
        error = M.MIGRATION_NEEDS_FILING
    if not error:
        found = hgr.migratable(db, entry.unit, login_name.strip(), old_name.strip(), wanted)
        missing = sorted(set(wanted) - {p.number for p in found})
        if missing:
            error = M.MIGRATION_NO_PROJECTS.format(old=old_name.strip(), login=login_name.strip(),
                                                   numbers="、".join(missing))
    if error:
        return render(request, "hgr/migration.html", status_code=422, entry=entry, M=M, form=form, error=error)
    reviews.submit(db, "hgr_migration", f"项目迁移：{old_name.strip()} → {new_name.strip()}", now_of(request),
                   account_id=user.id, unit_id=entry.unit.id, phone=user.phone,
                   payload={"项目编号": wanted, "自然人账号": login_name.strip(),
                            "原单位名称": old_name.strip(), "新单位名称": new_name.strip()})
    return render(request, "hgr/migration.html", entry=entry, M=M, form={}, notice=M.MIGRATION_SUBMITTED)


@router.get("/transfer")
def transfer_form(request: Request, db: Session = Depends(get_db), user: Account = Depends(require_user)):
    entry = legal_entry(request, db, user)
    return render(request, "hgr/transfer.html", entry=entry, M=M, form={})


@router.post("/transfer")
def transfer_request(request: Request, from_login: str = Form(""), to_login: str = Form(""),
                     db: Session = Depends(get_db), user: Account = Depends(require_user)):
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
    reviews.submit(db, "hgr_transfer", f"项目移送：{form['from_login']} → {form['to_login']}", now_of(request),
                   account_id=user.id, unit_id=entry.unit.id, phone=user.phone,
                   payload={"离职员工账号": form["from_login"], "在职员工账号": form["to_login"],
                            "项目编号": numbers, "单位名称": entry.unit.name})
    return render(request, "hgr/transfer.html", entry=entry, M=M, form={}, notice=M.TRANSFER_SUBMITTED)
