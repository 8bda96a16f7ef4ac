"""Landing page of 高等级病原微生物实验室建设审查 (`/systems/pathogen_lab`).

It checks access again on every request (a revoked or expired grant takes effect at once).
Other systems' landing pages live in their own routers.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from mock_portal import systems
from mock_portal.messages import services as M
from mock_portal.models.accounts import Unit
from mock_portal.services.access import system_access
from mock_portal.templating import render
from mock_portal.web import CurrentUser, Db, now_of

router = APIRouter()
KEY = "pathogen_lab"


@router.get(f"/systems/{KEY}")
def pathogen_lab(request: Request, db: Db, user: CurrentUser):
    system = systems.get(KEY)
    access = system_access(db, user, KEY, now_of(request))
    if not access.ok:
        return render(
            request,
            "services/refused.html",
            status_code=403,
            system=system,
            message=access.message,
            title=M.REFUSED_TITLE,
        )
    unit = db.get(Unit, access.unit_id) if access.unit_id else None
    return render(request, "services/landing.html", system=system, unit=unit, roles=access.roles)
