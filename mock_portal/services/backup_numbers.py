"""备份号 matching against the mock 备份系统 (FAQ-2.9).

A number matches only when the unit name registered in the backup system equals the portal's
unit name exactly (全角/半角括号, spaces, 有限公司/有限责任公司 all differ), and only after the
back office entered the number (manual entry, about 5 working days after the application)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.clock import add_working_days
from mock_portal.messages import hgr as M
from mock_portal.models.accounts import Unit
from mock_portal.models.hgr import HgrBackupRecord

ENTRY_WORKING_DAYS = 5


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
    return record


def enter(db: Session, record: HgrBackupRecord, now: dt.datetime) -> None:
    """The back office entered the number by hand."""
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
