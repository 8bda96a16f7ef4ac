"""Manual reviews: submitted by a flow, decided in the back office or through the test API.

A domain registers what a decision does with ``@on_decision("appeal_natural")``; the handler
receives (db, review, approved, now, settings) and sends whatever SMS the FAQ promises.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.clock import add_working_days
from mock_portal.messages import review as M
from mock_portal.models.reviews import Review
from mock_portal.settings import Settings

Handler = Callable[[Session, Review, bool, dt.datetime, Settings], None]
_HANDLERS: dict[str, Handler] = {}
KIND_LABELS: dict[str, str] = {}
PROMISED_WORKING_DAYS = 2


class ReviewError(ValueError):
    pass


def on_decision(kind: str, label: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _HANDLERS[kind] = fn
        KIND_LABELS[kind] = label
        return fn

    return register


def submit(
    db: Session,
    kind: str,
    title: str,
    now: dt.datetime,
    *,
    account_id=None,
    unit_id=None,
    phone=None,
    payload=None,
    upload_ids=(),
    working_days=PROMISED_WORKING_DAYS,
) -> Review:
    review = Review(
        kind=kind,
        title=title,
        account_id=account_id,
        unit_id=unit_id,
        phone=phone,
        payload=payload or {},
        upload_ids=list(upload_ids),
        created_at=now,
        due_date=add_working_days(now.date(), working_days),
    )
    db.add(review)
    db.flush()
    return review


def pending(db: Session, kind: str | None = None) -> list[Review]:
    q = select(Review).where(Review.status == "pending").order_by(Review.id)
    if kind:
        q = q.where(Review.kind == kind)
    return list(db.scalars(q))


def decide(
    db: Session, review: Review, approve: bool, reason: str, now: dt.datetime, settings: Settings, by: str = ""
) -> None:
    if review.status != "pending":
        raise ReviewError(M.ALREADY_DECIDED)
    if not approve and not reason.strip():
        raise ReviewError(M.REASON_REQUIRED)
    review.status = "approved" if approve else "rejected"
    review.reason = reason.strip()
    review.decided_at = now
    review.decided_by = by
    handler = _HANDLERS.get(review.kind)
    if handler is not None:
        handler(db, review, approve, now, settings)


def promise_text(review: Review) -> str:
    return M.PENDING_PROMISE.format(
        due=review.due_date.strftime("%Y年%m月%d日").replace("年0", "年").replace("月0", "月")
    )
