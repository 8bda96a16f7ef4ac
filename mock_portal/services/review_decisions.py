"""Deciding a manual review: every kind of review the portal knows, from the service module that
owns it (its ``DECISIONS``: the label the back office shows, what approving or rejecting does).
A module with a new kind of review is added to ``MODULES`` here."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from mock_portal.models.reviews import Review
from mock_portal.services import (
    appeals,
    backup_numbers,
    foreign_experts,
    hgr,
    hgr_requests,
    outbound_training,
    realname,
    reviews,
    unit_rename,
)
from mock_portal.settings import Settings

MODULES = (appeals, backup_numbers, foreign_experts, hgr, hgr_requests, outbound_training, realname, unit_rename)


def _table() -> dict[str, reviews.Decision]:
    table: dict[str, reviews.Decision] = {}
    for module in MODULES:
        for kind, decision in module.DECISIONS.items():
            if kind in table:
                raise ValueError(f"review kind {kind!r} is decided twice ({module.__name__})")
            table[kind] = decision
    return table


DECISIONS = _table()
LABELS = {kind: decision.label for kind, decision in DECISIONS.items()}  # the kinds as the back office names them


def decide(
    db: Session, review: Review, approve: bool, reason: str, now: dt.datetime, settings: Settings, by: str = ""
) -> None:
    reviews.close(db, review, approve, reason, now, by)
    decision = DECISIONS.get(review.kind)
    if decision is not None:
        decision.handler(db, review, approve, now, settings)
