"""The mock SMS gateway: an outbox, and one-time codes that are single-use, expire,
allow a few wrong tries and have a resend cooldown."""
from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import threading
from pathlib import Path

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from mock_portal.messages import sms as M
from mock_portal.models.messaging import SmsCode, SmsMessage
from mock_portal.settings import Settings


class SmsCodeError(ValueError):
    """A refused code or request; str(error) is the message for the user."""


def send(db: Session, phone: str, text: str, now: dt.datetime) -> SmsMessage:
    msg = SmsMessage(phone=phone, text=text, sent_at=now)
    db.add(msg)
    return msg


def _latest(db: Session, phone: str, purpose: str) -> SmsCode | None:
    return db.scalars(
        select(SmsCode).where(SmsCode.phone == phone, SmsCode.purpose == purpose)
        .order_by(SmsCode.id.desc()).limit(1)
    ).first()


def issue_code(db: Session, phone: str, purpose: str, now: dt.datetime, settings: Settings) -> SmsCode:
    """Send a fresh 6-digit code, unless the previous one was sent within the cooldown."""
    last = _latest(db, phone, purpose)
    if last is not None:
        waited = (now - last.created_at).total_seconds()
        if waited < settings.sms_resend_cooldown_seconds:
            raise SmsCodeError(M.COOLDOWN.format(
                seconds=int(settings.sms_resend_cooldown_seconds - waited) or 1))
        last.spent = True
    code = f"{secrets.randbelow(10**6):06d}"
    row = SmsCode(phone=phone, purpose=purpose, code=code, created_at=now,
                  expires_at=now + dt.timedelta(seconds=settings.sms_code_ttl_seconds))
    db.add(row)
    send(db, phone, M.CODE_TEXT.format(code=code), now)
    return row


def check_code(db: Session, phone: str, purpose: str, code: str, now: dt.datetime,
               settings: Settings) -> None:
    """Spend the code when right; count the try when wrong. Raises SmsCodeError."""
    row = _latest(db, phone, purpose)
    if row is None or row.spent:
        raise SmsCodeError(M.CODE_MISSING)
    if now > row.expires_at:
        row.spent = True
        raise SmsCodeError(M.CODE_EXPIRED)
    if not secrets.compare_digest(row.code.encode(), (code or "").strip().encode()):
        row.attempts += 1
        if row.attempts >= settings.sms_max_attempts:
            row.spent = True
            raise SmsCodeError(M.CODE_TOO_MANY)
        raise SmsCodeError(M.CODE_WRONG)
    row.spent = True


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
        lines = "".join(json.dumps({"phone": m.phone, "text": m.text, "time": m.sent_at.isoformat()},
                                   ensure_ascii=False) + "\n" for m in sent)
        with lock:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, lines.encode("utf-8"))
            finally:
                os.close(fd)

    @event.listens_for(maker, "after_rollback")
    def _drop(session):
        session.info.pop("sms_outbox", None)
