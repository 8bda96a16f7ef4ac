"""自然人申诉找回密码 / 单位法人用户申诉找回密码 and the appeal's status page."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from mock_portal.messages import recovery as M
from mock_portal.models.reviews import Review
from mock_portal.services import appeals, reviews, sms
from mock_portal.templating import render
from mock_portal.web import Db, Forbidden, now_of, session_row, settings_of

router = APIRouter(prefix="/recovery")
KINDS = {"natural": M.APPEAL_NATURAL, "legal": M.APPEAL_LEGAL}
STATE_KEY = "appeals"


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise HTTPException(404)
    return kind


def _form_page(request: Request, kind: str, status_code: int = 200, **ctx):
    return render(
        request,
        "recovery/appeal.html",
        status_code=status_code,
        kind=kind,
        title=KINDS[kind],
        m=M,
        form=ctx.pop("form", {}),
        **ctx,
    )


@router.get("/appeal/{kind}")
def show_appeal(kind: str, request: Request):
    return _form_page(request, _kind(kind))


async def _read(value, limit: int) -> appeals.Document | None:
    """Reads at most one byte past the size limit: enough for uploads.store to refuse it."""
    if not isinstance(value, UploadFile):
        return None
    return appeals.Document(value.filename or "", await value.read(limit + 1))


@router.post("/appeal/{kind}")
async def post_appeal(kind: str, request: Request):
    kind = _kind(kind)
    data = await request.form()
    fields = appeals.NATURAL_FIELDS if kind == "natural" else appeals.LEGAL_FIELDS
    form = {key: str(data.get(key) or "")[:200] for key in [*fields, "code"]}
    limit = settings_of(request).upload_max_bytes
    docs = {slot: await _read(data.get(slot), limit) for slot in appeals.SLOTS}
    return await run_in_threadpool(_handle, request, kind, str(data.get("action") or "submit"), form, docs)


def _handle(request: Request, kind: str, action: str, form: dict, docs: dict):
    settings, now = settings_of(request), now_of(request)
    # A session of its own, not get_db's (mock_portal/web.py): it keeps only what is committed here by hand.
    with request.app.state.sessionmaker() as db:
        if action == "code":
            try:
                notice = appeals.send_code(db, form["phone"], now, settings)
            except (appeals.AppealError, sms.SmsCodeError) as exc:
                return _form_page(request, kind, 422, error=str(exc), form=form)
            db.commit()
            return _form_page(request, kind, notice=notice, form=form)
        try:
            review = appeals.submit(db, kind, form, docs, now, settings)
        except (appeals.AppealError, sms.SmsCodeError) as exc:
            db.commit()  # keeps the counted wrong try, nothing else
            return _form_page(request, kind, 422, error=str(exc), form=form)
        ws = session_row(request, db)
        ws.data = {**(ws.data or {}), STATE_KEY: [*(ws.data or {}).get(STATE_KEY, []), review.id]}
        db.commit()
        return RedirectResponse(f"/recovery/appeals/{review.id}", status_code=303)


@router.get("/appeals/{review_id}")
def appeal_status(review_id: int, request: Request, db: Db):
    review = db.get(Review, review_id)
    if review is None or not review.kind.startswith("appeal_"):
        raise HTTPException(404)
    if review_id not in (request.state.web_session.data or {}).get(STATE_KEY, []):
        raise Forbidden(M.APPEAL_NOT_YOURS)
    phone = review.phone or ""
    if review.status == "pending":
        notice = reviews.promise_text(review)
    elif review.status == "approved":
        notice = M.APPROVED_PAGE.format(masked_phone=phone[:3] + "****" + phone[-4:])
    else:
        notice = M.REJECTED_PAGE.format(reason=review.reason)
    return render(request, "recovery/appeal_status.html", review=review, notice=notice, heading=M.SUBMITTED)
