"""Server-side sessions: one row per browser, id in an HttpOnly SameSite cookie, rotated at
login, destroyed at logout, ended after the idle timeout of the portal clock."""

from __future__ import annotations

import datetime as dt
import secrets
import threading

from sqlalchemy import delete
from sqlalchemy.orm import Session

from mock_portal.models.web import WebSession


def new_session(
    db: Session, now: dt.datetime, user_agent: str = "", account_id: int | None = None, data: dict | None = None
) -> WebSession:
    ws = WebSession(
        id=secrets.token_urlsafe(32),
        account_id=account_id,
        csrf_token=secrets.token_urlsafe(24),
        user_agent=user_agent[:400],
        created_at=now,
        last_seen_at=now,
        data=dict(data or {}),
    )
    db.add(ws)
    return ws


# A session's row is written at most once a minute while it is in use (instead of on every request):
# reading pages then costs no write transaction. The idle timeout stays exact: `LastSeen` keeps the
# time of the latest use of every session whose row is behind, and `load` compares against that.
TOUCH_EVERY = dt.timedelta(seconds=60)


class LastSeen:
    """Latest use of the sessions in use (their stored `last_seen_at` may be up to TOUCH_EVERY behind).

    One per portal process (the portal is one process). Entries older than the idle timeout are
    dropped: such a session has timed out whichever time is used, so dropping them changes nothing."""

    def __init__(self) -> None:
        self._times: dict[str, dt.datetime] = {}
        self._lock = threading.Lock()
        self._prune_at = 1024

    def get(self, session_id: str) -> dt.datetime | None:
        return self._times.get(session_id)

    def set(self, session_id: str, at: dt.datetime, idle: dt.timedelta) -> None:
        with self._lock:
            current = self._times.get(session_id)
            if current is None or at > current:
                self._times[session_id] = at
            if len(self._times) >= self._prune_at:
                self._times = {k: v for k, v in self._times.items() if at - v <= idle}
                self._prune_at = max(1024, 2 * len(self._times))

    def forget(self, session_id: str) -> None:
        with self._lock:
            self._times.pop(session_id, None)


def load(
    db: Session,
    session_id: str | None,
    now: dt.datetime,
    idle_minutes: int,
    last_seen: LastSeen | None = None,
    absolute_hours: float | None = None,
) -> tuple[WebSession | None, str | bool]:
    """Returns (session or None, timed_out). A timed-out logged-in session is deleted; timed_out is
    "idle" (no use for `idle_minutes`), "absolute" (logged in longer than `absolute_hours`, ASVS
    V3.3.2, whatever the activity) or False.

    Without `last_seen` every use is written to the row; with it the row is written only when it is
    TOUCH_EVERY or more behind, and `last_seen` remembers the exact time of the uses in between."""
    if not session_id:
        return None, False
    ws = db.get(WebSession, session_id)
    if ws is None:
        return None, False
    seen = ws.last_seen_at
    remembered = last_seen.get(session_id) if last_seen is not None else None
    if remembered is not None and remembered > seen:
        seen = remembered
    idle_after = dt.timedelta(minutes=idle_minutes)
    idle = now - seen > idle_after
    too_old = absolute_hours is not None and now - ws.created_at > dt.timedelta(hours=absolute_hours)
    if (idle or too_old) and (ws.account_id is not None or ws.reviewer):
        db.delete(ws)
        if last_seen is not None:
            last_seen.forget(session_id)
        return None, "idle" if idle else "absolute"
    if last_seen is None or now - ws.last_seen_at >= TOUCH_EVERY:
        ws.last_seen_at = now
    if last_seen is not None:
        # Remembered even when written: a concurrent request may still read the row before this commit.
        last_seen.set(session_id, now, idle_after)
    return ws, False


def rotate(
    db: Session, old: WebSession, now: dt.datetime, account_id: int | None, reviewer: str | None = None
) -> WebSession:
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
