"""单位名称变更 (/online/info/rename): a verified 法人 asks for its unit's new name with a stamped 变更声明."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

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


async def _new_name(request: Request) -> str:
    value = (await request.form()).get("new_name")
    return value if isinstance(value, str) else ""


async def _declarations(request: Request) -> list[tuple[str, bytes]]:
    form = await request.form()
    return [(f.filename or "", await f.read()) for f in form.getlist("declaration") if hasattr(f, "read")]


# A plain `def` (run in the worker threads) with the form read by async dependencies, as the other upload
# routes do: an `async def` route ran the database work on the event loop, so a write waiting for SQLite's
# lock blocked the loop, and with it the commit of the request holding the lock, until "database is locked".
@router.post("/online/info/rename")
def submit(
    request: Request,
    db: Db,
    user: CurrentUser,
    new_name: Annotated[str, Depends(_new_name)],
    files: Annotated[list[tuple[str, bytes]], Depends(_declarations)],
):
    user = _legal(user)
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
