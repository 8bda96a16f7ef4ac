"""The mock SMS gateway: an outbox, and one-time codes that are single-use, expire,
allow a few wrong tries and have a resend cooldown."""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import threading
from pathlib import Path

from sqlalchemy import event, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from mock_portal.messages import sms as M
from mock_portal.models.messaging import SmsCode, SmsCooldown, SmsMessage
from mock_portal.settings import Settings


class SmsCodeError(ValueError):
    """A refused code or request; str(error) is the message for the user."""


def send(db: Session, phone: str, text: str, now: dt.datetime) -> SmsMessage:
    msg = SmsMessage(phone=phone, text=text, sent_at=now)
    db.add(msg)
    return msg


def _latest(db: Session, phone: str, purpose: str) -> SmsCode | None:
    return db.scalars(
        select(SmsCode).where(SmsCode.phone == phone, SmsCode.purpose == purpose).order_by(SmsCode.id.desc()).limit(1)
    ).first()


# Tests switch a guard off to show that the concurrency test fails without it.
GUARDS_OFF: set[str] = set()


def _claim_send(db: Session, phone: str, purpose: str, now: dt.datetime, cooldown: int) -> bool:
    """One statement: records this send unless one was recorded within the cooldown (ASVS V11.1.4).
    In the request's transaction: a parallel request waits for it, then sees the new time."""
    since = now - dt.timedelta(seconds=cooldown)
    stmt = insert(SmsCooldown).values(phone=phone, purpose=purpose, last_sent_at=now)
    stmt = stmt.on_conflict_do_update(
        index_elements=[SmsCooldown.phone, SmsCooldown.purpose],
        set_={"last_sent_at": now},
        where=SmsCooldown.last_sent_at <= since,
    ).returning(SmsCooldown.last_sent_at)
    return db.execute(stmt).first() is not None


def issue_code(db: Session, phone: str, purpose: str, now: dt.datetime, settings: Settings) -> SmsCode:
    """Send a fresh 6-digit code, unless the previous one was sent within the cooldown."""
    last = _latest(db, phone, purpose)
    cooldown = settings.sms_resend_cooldown_seconds
    if "atomic" in GUARDS_OFF:
        free = last is None or (now - last.created_at).total_seconds() >= cooldown
    else:
        free = _claim_send(db, phone, purpose, now, cooldown)
        last = _latest(db, phone, purpose)
    if not free:
        waited = (now - last.created_at).total_seconds() if last is not None else 0
        raise SmsCodeError(M.COOLDOWN.format(seconds=int(cooldown - waited) or 1))
    if last is not None:
        last.spent = True
    code = f"{secrets.randbelow(10**6):06d}"
    row = SmsCode(
        phone=phone,
        purpose=purpose,
        code=code,
        created_at=now,
        expires_at=now + dt.timedelta(seconds=settings.sms_code_ttl_seconds),
    )
    db.add(row)
    send(db, phone, M.CODE_TEXT.format(code=code), now)
    return row


def _take_try(db: Session, row: SmsCode, max_attempts: int) -> int | None:
    """Counts a try before the code is compared, in one statement: the try's number, or None when
    the code is spent or out of tries (parallel wrong codes cannot pass the limit)."""
    if "atomic" in GUARDS_OFF:
        row.attempts += 1
        db.flush()
        return row.attempts
    got = db.execute(
        update(SmsCode)
        .where(SmsCode.id == row.id, SmsCode.spent.is_(False), SmsCode.attempts < max_attempts)
        .values(attempts=SmsCode.attempts + 1)
        .returning(SmsCode.attempts)
    ).first()
    db.expire(row)  # the ORM copy is behind the statement
    return got[0] if got else None


def _spend(db: Session, row: SmsCode) -> bool:
    """Marks the code used; False when a parallel request used it first (single use)."""
    if "atomic" in GUARDS_OFF:
        row.spent = True
        return True
    got = db.execute(
        update(SmsCode).where(SmsCode.id == row.id, SmsCode.spent.is_(False)).values(spent=True).returning(SmsCode.id)
    ).first()
    db.expire(row)
    return got is not None


def check_code(db: Session, phone: str, purpose: str, code: str, now: dt.datetime, settings: Settings) -> None:
    """Spend the code when right; count the try when wrong. Raises SmsCodeError."""
    row = _latest(db, phone, purpose)
    if row is None or row.spent:
        raise SmsCodeError(M.CODE_MISSING)
    if now > row.expires_at:
        _spend(db, row)
        raise SmsCodeError(M.CODE_EXPIRED)
    number = _take_try(db, row, settings.sms_max_attempts)
    if number is None:
        raise SmsCodeError(M.CODE_TOO_MANY if row.attempts >= settings.sms_max_attempts else M.CODE_MISSING)
    if not secrets.compare_digest(row.code.encode(), (code or "").strip().encode()):
        if number >= settings.sms_max_attempts:
            _spend(db, row)
            raise SmsCodeError(M.CODE_TOO_MANY)
        raise SmsCodeError(M.CODE_WRONG)
    if not _spend(db, row):
        raise SmsCodeError(M.CODE_MISSING)


def outbox(db: Session, phone: str | None = None) -> list[SmsMessage]:
    q = select(SmsMessage).order_by(SmsMessage.id)
    if phone:
        q = q.where(SmsMessage.phone == phone)
    return list(db.scalars(q))


def install_outbox(maker, path: Path) -> None:
    """`serve --sms-outbox FILE`: like a staging SMS gateway's log, every SMS the portal sends is
    appended to FILE as one JSON line {"phone", "text", "time"}, once its transaction is committed
    (an SMS rolled back with its request was never sent). Not the test API: a QA team reads it the
    way it reads its staging gateway (tools/sms_sink_read.py)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = threading.Lock()

    @event.listens_for(maker, "after_flush")
    def _collect(session, _flush_context):
        sent = [obj for obj in session.new if isinstance(obj, SmsMessage)]
        if sent:
            session.info.setdefault("sms_outbox", []).extend(sent)

    @event.listens_for(maker, "after_commit")
    def _write(session):
        sent = session.info.pop("sms_outbox", None)
        if not sent:
            return
        lines = "".join(
            json.dumps({"phone": m.phone, "text": m.text, "time": m.sent_at.isoformat()}, ensure_ascii=False) + "\n"
            for m in sent
        )
        with lock:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, lines.encode("utf-8"))
            finally:
                os.close(fd)

    @event.listens_for(maker, "after_rollback")
    def _drop(session):
        session.info.pop("sms_outbox", None)
