"""The audit trail: logins, failures, resets, grants (time, account, event, result)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from mock_portal.models.web import AuditEvent


def record(db: Session, now: dt.datetime, login_name: str, event: str, result: str, **detail) -> None:
    db.add(AuditEvent(at=now, login_name=login_name, event=event, result=result, detail=detail))
