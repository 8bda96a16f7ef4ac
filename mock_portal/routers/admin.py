"""后台审核 (/admin): reviewer login, the queue of pending reviews, documents, decisions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from mock_portal import sessions
from mock_portal.messages import auth as AM
from mock_portal.messages import review as M
from mock_portal.models.reviews import Review, Reviewer, Upload
from mock_portal.services import passwords, review_decisions, reviews, throttle, uploads
from mock_portal.templating import render
from mock_portal.web import Db, now_of, session_row, settings_of, switch_session

router = APIRouter(prefix="/admin")


def require_reviewer(request: Request) -> str:
    reviewer = request.state.web_session.reviewer
    if not reviewer:
        raise _ToLogin()
    return reviewer


class _ToLogin(HTTPException):
    def __init__(self) -> None:
        super().__init__(status_code=303, headers={"Location": "/admin/login"})


ReviewerName = Annotated[str, Depends(require_reviewer)]  # the signed-in reviewer, else the back-office login


@router.get("/login")
def show_login(request: Request):
    return render(request, "admin/login.html")


@router.post("/login")
def do_login(request: Request, db: Db, username: str = Form(""), password: str = Form("")):
    settings, now = settings_of(request), now_of(request)
    key = throttle.admin_key(username)
    # The back office holds the same limit as the user login (ASVS V2.2.1, 等保 8.1.4.1 b): counted
    # before the check, same work and same answer for an unknown name.
    attempt = throttle.reserve(db, key, now, settings.lockout_threshold)
    locked = AM.REVIEWER_LOCKED.format(minutes=settings.lockout_minutes)
    if attempt.locked:
        return render(request, "admin/login.html", status_code=422, error=locked, username=username[:64])
    reviewer = db.get(Reviewer, username.strip())
    if not passwords.verify_password(reviewer.password_hash if reviewer else None, password):
        last = throttle.failed(db, attempt, now, settings.lockout_threshold, settings.lockout_minutes)
        return render(
            request,
            "admin/login.html",
            status_code=422,
            username=username[:64],
            error=locked if last else M.REVIEWER_BAD_LOGIN,
        )
    throttle.clear(db, key)
    ws = sessions.rotate(db, session_row(request, db), now_of(request), None, reviewer=reviewer.username)
    switch_session(request, ws)
    return RedirectResponse("/admin", status_code=303)


@router.get("")
def queue(request: Request, db: Db, reviewer: ReviewerName, kind: str = ""):
    return render(
        request, "admin/queue.html", items=reviews.pending(db, kind or None), labels=review_decisions.LABELS, kind=kind
    )


@router.get("/reviews/{review_id}")
def show_review(review_id: int, request: Request, db: Db, reviewer: ReviewerName):
    review = db.get(Review, review_id)
    if review is None:
        raise HTTPException(404)
    docs = [db.get(Upload, uid) for uid in review.upload_ids]
    return render(
        request,
        "admin/review.html",
        review=review,
        docs=[d for d in docs if d],
        label=review_decisions.LABELS.get(review.kind, review.kind),
    )


@router.get("/uploads/{upload_id}")
def download(upload_id: str, request: Request, db: Db, reviewer: ReviewerName):
    upload = db.get(Upload, upload_id)
    if upload is None:
        raise HTTPException(404)
    return Response(
        uploads.read(settings_of(request), upload),
        media_type="application/octet-stream",
        headers={"Content-Disposition": f'attachment; filename="{upload.id}"', "X-Content-Type-Options": "nosniff"},
    )


@router.post("/reviews/{review_id}/decide")
def decide(
    review_id: int, request: Request, db: Db, reviewer: ReviewerName, decision: str = Form(""), reason: str = Form("")
):
    review = db.get(Review, review_id)
    if review is None:
        raise HTTPException(404)
    try:
        review_decisions.decide(
            db, review, decision == "approve", reason, now_of(request), settings_of(request), by=reviewer
        )
    except reviews.ReviewError as exc:
        docs = [d for d in (db.get(Upload, uid) for uid in review.upload_ids) if d]
        return render(
            request,
            "admin/review.html",
            status_code=422,
            review=review,
            docs=docs,
            error=str(exc),
            label=review_decisions.LABELS.get(review.kind, review.kind),
        )
    done = M.DECIDED_APPROVED if review.status == "approved" else M.DECIDED_REJECTED
    return render(
        request,
        "admin/queue.html",
        items=reviews.pending(db),
        labels=review_decisions.LABELS,
        kind="",
        notice=M.DECIDED_NOTICE.format(title=review.title, done=done),
    )
