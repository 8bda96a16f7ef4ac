"""备份号 matching against the mock 备份系统 (FAQ-2.9).

A number matches only when the unit name registered in the backup system equals the portal's
unit name exactly (全角/半角括号, spaces, 有限公司/有限责任公司 all differ), and only after the
back office entered the number (manual entry, about 5 working days after the application): every
application waits in the back office's queue (类型 “人类遗传资源备份号录入”) until a staff member enters it
there (审核通过) — or the test API enters it directly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.clock import add_working_days
from mock_portal.messages import hgr as M
from mock_portal.models.accounts import Unit
from mock_portal.models.hgr import HgrBackupRecord
from mock_portal.models.reviews import Review
from mock_portal.services import reviews
from mock_portal.settings import Settings

ENTRY_WORKING_DAYS = 5
ENTRY_KIND = "hgr_backup_entry"


@dataclass
class Match:
    ok: bool
    message: str


def apply(db: Session, unit_name: str, number: str, now: dt.datetime) -> HgrBackupRecord:
    """A unit applied for a backup number in the backup system, under the name it typed there."""
    record = HgrBackupRecord(
        unit_name=unit_name, number=number, applied_at=now, due_date=add_working_days(now.date(), ENTRY_WORKING_DAYS)
    )
    db.add(record)
    db.flush()
    unit = db.scalars(select(Unit).where(Unit.name == unit_name)).first()  # the backup system knows names only
    reviews.submit(
        db,
        ENTRY_KIND,
        M.BACKUP_ENTRY_TITLE.format(number=number, unit_name=unit_name),
        now,
        unit_id=unit.id if unit is not None else None,
        payload={"record_id": record.id, M.BACKUP_NUMBER_KEY: number, M.BACKUP_UNIT_NAME_KEY: unit_name},
        working_days=ENTRY_WORKING_DAYS,
    )
    return record


def enter(db: Session, record: HgrBackupRecord, now: dt.datetime) -> None:
    """The back office entered the number by hand (its queue item, if still pending, is done)."""
    record.entered_at = now
    for review in reviews.pending(db, ENTRY_KIND):
        if review.payload.get("record_id") == record.id:
            review.status, review.decided_at, review.decided_by = "approved", now, review.decided_by or "entered"


def _entry_decided(db: Session, review: Review, approved: bool, now: dt.datetime, settings: Settings) -> None:
    record = db.get(HgrBackupRecord, review.payload.get("record_id"))
    if approved and record is not None and record.entered_at is None:
        record.entered_at = now


def match(db: Session, unit: Unit, number: str) -> Match:
    number = number.strip()
    if not number:
        return Match(False, M.BACKUP_REQUIRED)
    records = list(db.scalars(select(HgrBackupRecord).where(HgrBackupRecord.number == number)))
    entered = [r for r in records if r.entered_at is not None]
    if not entered:
        return Match(False, M.BACKUP_NOT_ENTERED.format(number=number))
    for record in entered:
        if record.unit_name == unit.name:
            return Match(True, M.BACKUP_MATCHED.format(number=number))
    return Match(False, M.BACKUP_MISMATCH.format(backup_name=entered[0].unit_name, portal_name=unit.name))


# The manual reviews this module decides (review_decisions.MODULES lists this module).
DECISIONS = {ENTRY_KIND: reviews.Decision(M.BACKUP_ENTRY_LABEL, _entry_decided)}
