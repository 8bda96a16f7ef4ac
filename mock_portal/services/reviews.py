"""Manual reviews: submitted by a flow, decided in the back office or through the test API.

Every kind of review, its label in the back office and what a decision does (the handler receives
(db, review, approved, now, settings) and sends whatever SMS the FAQ promises) is listed in the
``DECISIONS`` of the service module that owns it; ``decisions()`` names those modules, so a reader
finds who handles which kind there.
"""

from __future__ import annotations

import datetime as dt
import functools
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


@functools.cache
def decisions() -> dict[str, Decision]:
    """Every kind of manual review, from the service modules that submit and decide them (imported
    here, when first needed: they import this module)."""
    from mock_portal.services import (
        appeals,
        backup_numbers,
        foreign_experts,
        hgr,
        hgr_requests,
        outbound_training,
        realname,
        unit_rename,
    )

    table: dict[str, Decision] = {}
    for module in (
        appeals,
        backup_numbers,
        foreign_experts,
        hgr,
        hgr_requests,
        outbound_training,
        realname,
        unit_rename,
    ):
        for kind, decision in module.DECISIONS.items():
            if kind in table:
                raise ValueError(f"review kind {kind!r} is decided twice ({module.__name__})")
            table[kind] = decision
    return table


def kind_labels() -> dict[str, str]:
    """The kind of every review as the back office names it."""
    return {kind: decision.label for kind, decision in decisions().items()}


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
    decision = decisions().get(review.kind)
    if decision is not None:
        decision.handler(db, review, approve, now, settings)


def promise_text(review: Review) -> str:
    return M.PENDING_PROMISE.format(
        due=review.due_date.strftime("%Y年%m月%d日").replace("年0", "年").replace("月0", "月")
    )
