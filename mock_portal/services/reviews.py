"""Manual reviews: submitted by a flow, decided in the back office or through the test API.

A service module lists the kinds of review it owns in its ``DECISIONS``: the label the back office
shows and what a decision does (the handler receives (db, review, approved, now, settings) and sends
whatever SMS the FAQ promises). services/review_decisions.py names those modules and decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.clock import add_working_days
from mock_portal.messages import review as M
from mock_portal.models.reviews import Review
from mock_portal.settings import Settings

Handler = Callable[[Session, Review, bool, dt.datetime, Settings], None]
PROMISED_WORKING_DAYS = 2


class Decision(NamedTuple):
    label: str  # the kind of review as the back office names it
    handler: Handler  # what approving or rejecting it does


class ReviewError(ValueError):
    pass


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


def close(db: Session, review: Review, approve: bool, reason: str, now: dt.datetime, by: str = "") -> None:
    """The decision recorded on the review; what it does is review_decisions.decide's."""
    if review.status != "pending":
        raise ReviewError(M.ALREADY_DECIDED)
    if not approve and not reason.strip():
        raise ReviewError(M.REASON_REQUIRED)
    review.status = "approved" if approve else "rejected"
    review.reason = reason.strip()
    review.decided_at = now
    review.decided_by = by


def promise_text(review: Review) -> str:
    due = review.due_date.strftime(M.DUE_DATE_FORMAT)
    for zero, bare in M.DUE_DATE_ZEROS:
        due = due.replace(zero, bare)
    return M.PENDING_PROMISE.format(due=due)
