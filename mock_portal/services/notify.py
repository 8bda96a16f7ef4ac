"""Notices to the account holder after a security-relevant change (ASVS V2.2.3 / V2.5.5): an SMS to
the reserved phone (for a new phone: to the old number, which an intruder does not hold)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from mock_portal.messages import sms as M
from mock_portal.models.accounts import Account
from mock_portal.services import sms

GUARDS_OFF: set[str] = set()


def _send(db: Session, phone: str | None, text: str, now: dt.datetime) -> None:
    if phone and "notice" not in GUARDS_OFF:
        sms.send(db, phone, text, now)


def password_changed(db: Session, account: Account, now: dt.datetime) -> None:
    _send(db, account.phone, M.NOTICE_PASSWORD_CHANGED.format(time=now.strftime("%Y-%m-%d %H:%M")), now)


def phone_changed(db: Session, account: Account, new_phone: str, now: dt.datetime) -> None:
    if account.phone and new_phone != account.phone:
        _send(
            db,
            account.phone,
            M.NOTICE_PHONE_CHANGED.format(time=now.strftime("%Y-%m-%d %H:%M"), tail=new_phone[-4:]),
            now,
        )
