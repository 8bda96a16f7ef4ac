"""服务事项 (FAQ-1.4): the catalogue with 主办单位, 事项编码, 关注 and 办理入口, the search box,
and 办理入口 itself (`/services/{key}/enter`).

办理入口 checks access through services/access.system_access (a verified legal account records its
unit's permission, FAQ-1.10.4; a natural person needs an active grant) and then redirects to the
system's landing page `/systems/{key}`. Systems that are not grantable (e.g. 因公出国（境）培训) decide
access on their own landing page, so the entry only forwards there.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal import faults, systems
from mock_portal.messages import services as M
from mock_portal.models.accounts import Account
from mock_portal.models.follows import Follow
from mock_portal.services.access import system_access
from mock_portal.templating import render
from mock_portal.web import CurrentUser, Db, Forbidden, MaybeUser, now_of

router = APIRouter()


def _system_or_404(key: str) -> systems.System:
    system = systems.get(key)
    if system is None:
        from fastapi import HTTPException

        raise HTTPException(404)
    return system


def _followed(db: Session, user: Account | None) -> set[str]:
    if user is None:
        return set()
    return set(db.scalars(select(Follow.system).where(Follow.account_id == user.id)))


@router.get("/services")
def list_services(request: Request, db: Db, user: MaybeUser, q: str = "", notice: str = ""):
    query = q.strip()[:50]
    items = [s for s in systems.SYSTEMS if query in s.name] if query else list(systems.SYSTEMS)
    if user is not None and faults.legacy_browser(request):
        # Fault legacy-browser (FAQ-1.5): after login the list renders blank in a non-Chrome browser.
        return render(request, "services/list.html", items=[], q=query, followed=set(), error="", notice="")
    return render(
        request,
        "services/list.html",
        items=items,
        q=query,
        followed=_followed(db, user),
        error=M.NO_MATCH if not items else "",
        notice=notice[:100],
    )


@router.get("/services/{key}")
def service_detail(key: str, request: Request, db: Db, user: MaybeUser):
    system = _system_or_404(key)
    return render(request, "services/detail.html", system=system, followed=_followed(db, user))


@router.post("/services/{key}/follow")
def toggle_follow(key: str, request: Request, db: Db, user: CurrentUser):
    system = _system_or_404(key)
    row = db.scalars(select(Follow).where(Follow.account_id == user.id, Follow.system == key)).first()
    if row is None:
        db.add(Follow(account_id=user.id, system=key, created_at=now_of(request)))
        text = M.FOLLOWED.format(name=system.name)
    else:
        db.delete(row)
        text = M.UNFOLLOWED.format(name=system.name)
    from urllib.parse import urlencode

    return RedirectResponse("/services?" + urlencode({"notice": text}), status_code=303)


@router.get("/services/{key}/enter")
def show_enter(key: str, request: Request, user: CurrentUser):
    """A GET changes nothing (a verified legal account's entry gives its unit a permission): it shows
    the POST form. The catalogue's link posts directly (static/portal.js); this page serves the way
    back from the login page and browsers without scripts."""
    system = _system_or_404(key)
    if not system.entry:
        raise Forbidden(M.NO_ENTRY)
    return render(request, "services/enter.html", system=system)


@router.post("/services/{key}/enter")
def enter(key: str, request: Request, db: Db, user: CurrentUser):
    system = _system_or_404(key)
    if not system.entry:
        raise Forbidden(M.NO_ENTRY)
    if system.grantable:
        access = system_access(db, user, key, now_of(request))
        if not access.ok and not access.explained_on_landing:
            return render(
                request,
                "services/refused.html",
                status_code=403,
                system=system,
                message=access.message,
                title=M.REFUSED_TITLE,
            )
    return RedirectResponse(f"/systems/{key}", status_code=303)
