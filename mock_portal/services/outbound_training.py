"""因公出国（境）培训 (FAQ-4.x): natural accounts only, and only once filed (报备) with 引智司.
A filing request is a back-office review (kind "outbound_filing"); approval files the person."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.messages import outbound as M
from mock_portal.models.accounts import LEGAL, Account
from mock_portal.models.business import OutboundFiling
from mock_portal.models.reviews import Review
from mock_portal.services import reviews
from mock_portal.services.access_base import Access
from mock_portal.settings import Settings

SYSTEM = "outbound_training"
KIND = "outbound_filing"
NO_PERMISSION_FULL = M.CONTACT_SEPARATOR.join((M.NO_PERMISSION, M.CONTACT_EMAIL, M.CONTACT_BUSINESS, M.CONTACT_TECH))


def is_filed(db: Session, account_id: int) -> bool:
    return db.scalars(select(OutboundFiling).where(OutboundFiling.account_id == account_id)).first() is not None


def pending_filing(db: Session, account_id: int) -> Review | None:
    return db.scalars(
        select(Review).where(Review.kind == KIND, Review.account_id == account_id, Review.status == "pending")
    ).first()


def request_filing(db: Session, account: Account, now: dt.datetime) -> Review:
    existing = pending_filing(db, account.id)
    if existing is not None:
        return existing
    return reviews.submit(
        db,
        KIND,
        M.FILING_TITLE.format(name=account.name, login_name=account.login_name),
        now,
        account_id=account.id,
        phone=account.phone,
    )


def file_person(db: Session, account_id: int, now: dt.datetime) -> None:
    if not is_filed(db, account_id):
        db.add(OutboundFiling(account_id=account_id, filed_at=now))
        db.flush()


def _decided(db: Session, review: Review, approved: bool, now: dt.datetime, _settings: Settings) -> None:
    if approved and review.account_id is not None:
        file_person(db, review.account_id, now)


def entry_access(db: Session, account: Account, now: dt.datetime) -> Access:
    if account.kind == LEGAL:
        return Access(False, M.USE_NATURAL, reason="legal")
    if not is_filed(db, account.id):
        return Access(False, NO_PERMISSION_FULL, reason="not-filed")
    return Access(True, roles=("自然人",))


# The manual reviews this module decides (review_decisions.MODULES lists this module).
DECISIONS = {KIND: reviews.Decision(M.FILING_KIND, _decided)}
# The system's own entry rule, listed by access.ENTRY_RULES.
ENTRY_RULES = {SYSTEM: entry_access}
