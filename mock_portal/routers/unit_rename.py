"""单位名称变更 (/online/info/rename): a verified 法人 asks for its unit's new name with a stamped 变更声明."""

from __future__ import annotations

from fastapi import APIRouter, Request

from mock_portal.messages import unit_rename as M
from mock_portal.models.accounts import LEGAL
from mock_portal.services import unit_rename
from mock_portal.templating import render
from mock_portal.web import CurrentUser, Db, Forbidden, now_of, settings_of

router = APIRouter()


def _legal(user):
    if user.kind != LEGAL or user.unit is None:
        raise Forbidden(M.RENAME_LEGAL_ONLY)
    return user


@router.get("/online/info/rename")
def show(request: Request, db: Db, user: CurrentUser):
    user = _legal(user)
    waiting = unit_rename.pending(db, user.unit_id)
    return render(
        request, "myinfo/rename.html", unit=user.unit, waiting=waiting, notice=M.RENAME_PENDING if waiting else ""
    )


@router.post("/online/info/rename")
async def submit(request: Request, db: Db, user: CurrentUser):
    user = _legal(user)
    form = await request.form()
    new_name = form.get("new_name") if isinstance(form.get("new_name"), str) else ""
    files = [(f.filename or "", await f.read()) for f in form.getlist("declaration") if hasattr(f, "read")]
    try:
        unit_rename.request(db, user, new_name, files, now_of(request), settings_of(request))
    except unit_rename.RenameError as exc:
        db.rollback()
        return render(
            request,
            "myinfo/rename.html",
            status_code=422,
            unit=user.unit,
            waiting=None,
            error=str(exc),
            new_name=new_name,
        )
    return render(request, "myinfo/rename.html", unit=user.unit, waiting=True, notice=M.RENAME_SUBMITTED)
