"""因公出国（境）培训 (/systems/outbound_training, FAQ-4.x): natural accounts only; a person not yet
filed (报备) with 引智司 sees 没有权限 with the contacts and may ask to be filed."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from mock_portal.messages import outbound as M
from mock_portal.services import outbound_training as svc
from mock_portal.services.access import system_access
from mock_portal.templating import render
from mock_portal.web import CurrentUser, Db, now_of

router = APIRouter(prefix="/systems/outbound_training")
CONTACTS = (M.CONTACT_EMAIL, M.CONTACT_BUSINESS, M.CONTACT_TECH)


@router.get("")
def landing(request: Request, db: Db, user: CurrentUser, submitted: str = ""):
    access = system_access(db, user, svc.SYSTEM, now_of(request))
    if access.reason == "legal":
        return render(request, "outbound/use_natural.html", status_code=403, message=M.USE_NATURAL)
    if not access.ok:
        pending = svc.pending_filing(db, user.id) is not None
        notice = M.FILING_SUBMITTED if submitted and pending else (M.FILING_PENDING if pending else "")
        return render(
            request,
            "outbound/no_permission.html",
            status_code=403,
            message=M.NO_PERMISSION,
            contacts=CONTACTS,
            pending=pending,
            notice=notice,
        )
    return render(request, "outbound/system.html", welcome=M.WELCOME)


@router.post("/filing")
def request_filing(request: Request, db: Db, user: CurrentUser):
    access = system_access(db, user, svc.SYSTEM, now_of(request))
    if access.reason == "legal":
        return render(request, "outbound/use_natural.html", status_code=403, message=M.USE_NATURAL)
    if access.reason == "not-filed":
        svc.request_filing(db, user, now_of(request))
    return RedirectResponse("/systems/outbound_training?submitted=1", status_code=303)
