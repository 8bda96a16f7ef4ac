"""Server-side sessions: one row per browser, id in an HttpOnly SameSite cookie, rotated at
login, destroyed at logout, ended after the idle timeout of the portal clock."""
from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import delete
from sqlalchemy.orm import Session

from mock_portal.models.web import WebSession


def new_session(db: Session, now: dt.datetime, user_agent: str = "", account_id: int | None = None,
                data: dict | None = None) -> WebSession:
    ws = WebSession(id=secrets.token_urlsafe(32), account_id=account_id, csrf_token=secrets.token_urlsafe(24),
                    user_agent=user_agent[:400], created_at=now, last_seen_at=now, data=dict(data or {}))
    db.add(ws)
    return ws


def load(db: Session, session_id: str | None, now: dt.datetime, idle_minutes: int) -> tuple[WebSession | None, bool]:
    """Returns (session or None, timed_out). A timed-out logged-in session is deleted."""
    if not session_id:
        return None, False
    ws = db.get(WebSession, session_id)
    if ws is None:
        return None, False
    idle = now - ws.last_seen_at > dt.timedelta(minutes=idle_minutes)
    if idle and (ws.account_id is not None or ws.reviewer):
        db.delete(ws)
        return None, True
    ws.last_seen_at = now
    return ws, False


def rotate(db: Session, old: WebSession, now: dt.datetime, account_id: int | None, reviewer: str | None = None) -> WebSession:
    """Login: a new id (no fixation); keeps only the flow data worth keeping (return address)."""
    keep = {k: v for k, v in (old.data or {}).items() if k == "next"}
    db.delete(old)
    ws = new_session(db, now, old.user_agent, account_id=account_id, data=keep)
    ws.reviewer = reviewer
    return ws


def end_all_for(db: Session, account_id: int, except_id: str | None = None) -> None:
    q = delete(WebSession).where(WebSession.account_id == account_id)
    if except_id:
        q = q.where(WebSession.id != except_id)
    db.execute(q)
