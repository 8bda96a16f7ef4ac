"""人类遗传资源管理系统 (/systems/hgr): entering (grants, unit choice, online filing), the unit's
project list and 备份号匹配. Projects: routers/hgr_projects.py; migration and transfer requests:
routers/hgr_requests.py."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from mock_portal import faults
from mock_portal.messages import hgr as M
from mock_portal.models.accounts import LEGAL, Account
from mock_portal.services import backup_numbers, hgr, synthesis
from mock_portal.systems import BY_KEY
from mock_portal.templating import render
from mock_portal.web import CurrentUser, Db, Forbidden, now_of, session_row, settings_of

router = APIRouter(prefix="/systems/hgr")
LANDING = "/systems/hgr"
CHOSEN_KEY = "hgr_unit_id"


def entry_of(request: Request, db: Session, user: Account) -> hgr.Entry:
    chosen = request.state.web_session.data.get(CHOSEN_KEY) if request.state.web_session.data else None
    return hgr.enter(db, user, now_of(request), chosen, auto_choose=unit_choice_may_be_skipped(request))


def refuse(db: Session, message: str):
    """The 403 page. Commits first: what entering the system recorded (a legal account's entry,
    FAQ-1.10.4) stays, although the refusal rolls the rest of the request back (mock_portal/web.py)."""
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
    return render(
        request,
        "hgr/refused.html",
        status_code=status_code,
        entry=entry,
        M=M,
        notice=notice,
        is_legal=user.kind == LEGAL,
        pending=pending,
    )


@router.get("")
def landing(request: Request, db: Db, user: CurrentUser):
    entry = entry_of(request, db, user)
    if entry.status == "choose":
        return RedirectResponse(f"{LANDING}/choose-unit", status_code=303)
    if entry.status != "ok":
        return refused(request, db, user, entry)
    projects = hgr.visible_projects(db, user, entry.unit)
    for project in projects:
        synthesis.refresh(db, project, now_of(request), settings_of(request))
    return render(
        request, "hgr/landing.html", entry=entry, projects=projects, system=BY_KEY["hgr"], is_legal=user.kind == LEGAL
    )


@router.get("/choose-unit")
def choose_unit(request: Request, db: Db, user: CurrentUser):
    entry = hgr.enter(db, user, now_of(request), None, auto_choose=False)
    if entry.status != "choose":
        return RedirectResponse(LANDING, status_code=303)
    return render(request, "hgr/choose_unit.html", choices=entry.choices, M=M)


@router.post("/choose-unit")
def do_choose_unit(request: Request, db: Db, user: CurrentUser, unit_id: int = Form(0)):
    entry = hgr.enter(db, user, now_of(request), None, auto_choose=False)
    if entry.status == "choose" and unit_id not in [u.id for u in entry.choices]:
        return render(
            request, "hgr/choose_unit.html", status_code=422, choices=entry.choices, M=M, error=M.CHOOSE_UNIT_INVALID
        )
    if unit_choice_sticks(request):
        ws = session_row(request, db)
        ws.data = {**(ws.data or {}), CHOSEN_KEY: unit_id}
    return RedirectResponse(LANDING, status_code=303)


@router.post("/filing")
def request_filing(request: Request, db: Db, user: CurrentUser):
    entry = entry_of(request, db, user)
    if entry.status != "not-filed":
        return RedirectResponse(LANDING, status_code=303)
    if user.kind != LEGAL:
        return refused(request, db, user, entry, status_code=422)
    hgr.request_filing(db, entry.unit, user, now_of(request))
    return refused(request, db, user, entry, notice=M.FILING_SUBMITTED, status_code=200)


@router.get("/backup")
def backup_form(request: Request, db: Db, user: CurrentUser):
    entry = require_entry(request, db, user)
    return render(request, "hgr/backup.html", entry=entry)


@router.post("/backup")
def backup_match(request: Request, db: Db, user: CurrentUser, number: str = Form("")):
    entry = require_entry(request, db, user)
    result = backup_numbers.match(db, entry.unit, number)
    return render(
        request,
        "hgr/backup.html",
        status_code=200 if result.ok else 422,
        entry=entry,
        number=number,
        notice=result.message if result.ok else "",
        error="" if result.ok else result.message,
    )
