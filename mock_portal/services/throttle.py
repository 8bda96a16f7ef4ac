"""Failure counters and locks that hold under concurrent requests (ASVS V2.2.1, V11.1.4; 等保 8.1.4.1 b).

One row per key in `login_failures`: a user's typed login name, ``#admin/<name>`` for the back office.
Each attempt is *reserved* before the secret is checked, by one SQL statement (an UPSERT … RETURNING,
atomic in SQLite), in a short transaction of its own: N parallel guesses get the counts 1…N, so no more
than `threshold` guesses are ever checked before the lock, and a request that rolls back its own work
(a refused form) still keeps the counted try. Reading rows first and writing `count + 1` from Python
(the old way) let parallel requests overwrite each other's counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, delete, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from mock_portal.models.web import LoginFailure

ADMIN = "#admin/"  # '#' and '/' are not allowed in a user's login name: the two never share a counter
# Tests switch a guard off to show that the test of that property fails without it (tests/unit/test_security_depth.py).
GUARDS_OFF: set[str] = set()


@dataclass
class Attempt:
    key: str
    number: int  # this attempt's place among the failures since the last success or lock
    locked: bool  # refused without checking the secret


def _engine(db: Session):
    return db.get_bind()


def reserve(db: Session, key: str, now: dt.datetime, threshold: int) -> Attempt:
    """Counts an attempt before it is checked; `locked` when the key is locked or out of tries."""
    if "atomic" in GUARDS_OFF:
        return _reserve_racy(db, key, now, threshold)
    expired = (LoginFailure.locked_until.is_not(None)) & (LoginFailure.locked_until <= now)
    stmt = insert(LoginFailure).values(login_name=key, count=1, locked_until=None)
    stmt = stmt.on_conflict_do_update(
        index_elements=[LoginFailure.login_name],
        set_={
            "count": case((expired, 1), else_=LoginFailure.count + 1),
            "locked_until": case((expired, None), else_=LoginFailure.locked_until),
        },
    ).returning(LoginFailure.count, LoginFailure.locked_until)
    with _engine(db).begin() as conn:
        count, locked_until = conn.execute(stmt).one()
    locked = (locked_until is not None and locked_until > now) or count > threshold
    return Attempt(key, count, locked)


def _reserve_racy(db: Session, key: str, now: dt.datetime, threshold: int) -> Attempt:
    """The former read-check-write (count read before the password check, written after it), kept
    only so a test can show what the atomic reserve prevents: parallel tries read the same count."""
    with Session(_engine(db)) as s:
        row = s.get(LoginFailure, key)
        if row is not None and row.locked_until and row.locked_until > now:
            return Attempt(key, row.count, True)
        count = (row.count if row is not None and not row.locked_until else 0) + 1
    return Attempt(key, count, False)


def failed(db: Session, attempt: Attempt, now: dt.datetime, threshold: int, minutes: int) -> bool:
    """A checked attempt was wrong: True when it used the last try (the key is now locked)."""
    if "atomic" in GUARDS_OFF:
        with Session(_engine(db)) as s:
            s.merge(LoginFailure(login_name=attempt.key, count=attempt.number, locked_until=None))
            s.commit()
    if attempt.number < threshold:
        return False
    with _engine(db).begin() as conn:
        conn.execute(
            update(LoginFailure)
            .where(LoginFailure.login_name == attempt.key)
            .values(locked_until=now + dt.timedelta(minutes=minutes))
        )
    return True


def clear(db: Session, key: str) -> None:
    """A success (or a password set with proof) forgives the failures and ends a lock."""
    with _engine(db).begin() as conn:
        conn.execute(delete(LoginFailure).where(LoginFailure.login_name == key))


def admin_key(username: str) -> str:
    return ADMIN + username.strip()


def end_sessions(db: Session, account_id: int) -> None:
    """A lock reached from inside a session (current-password guesses) logs that account out everywhere."""
    from mock_portal.models.web import WebSession

    with _engine(db).begin() as conn:
        conn.execute(delete(WebSession).where(WebSession.account_id == account_id))
