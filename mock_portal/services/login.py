"""Authentication: same answer for a wrong password and an unknown login name, a temporary
lock after repeated failures (等保 8.1.4.1 b) counted per typed name, password expiry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mock_portal.messages import auth as M
from mock_portal.models.accounts import Account
from mock_portal.models.web import LoginFailure
from mock_portal.services import audit, notify, passwords, throttle
from mock_portal.settings import Settings


@dataclass
class LoginResult:
    account: Account | None = None
    error: str | None = None
    expired: bool = False


def find_account(db: Session, login_name: str) -> Account | None:
    return db.scalars(select(Account).where(Account.login_name == login_name)).first()


def authenticate(
    db: Session, login_name: str, password: str, login_type: str, now: dt.datetime, settings: Settings
) -> LoginResult:
    login_name = login_name.strip()
    # The try is counted before the password is checked (services/throttle.py): parallel guesses
    # cannot pass the limit, and the lock holds whether or not the name exists.
    attempt = throttle.reserve(db, login_name, now, settings.lockout_threshold)
    if attempt.locked:
        audit.record(db, now, login_name, "login", "locked")
        return LoginResult(error=M.LOCKED.format(minutes=settings.lockout_minutes))
    account = find_account(db, login_name)
    # The same argon2id work for an unknown name as for a known one: the time of the answer
    # does not tell which login names exist (ASVS V2.2.1 / V3 enumeration, 等保 8.1.4.1 a).
    if not passwords.verify_password(account.password_hash if account else None, password):
        if throttle.failed(db, attempt, now, settings.lockout_threshold, settings.lockout_minutes):
            audit.record(db, now, login_name, "login", "locked")
            return LoginResult(error=M.LOCKED.format(minutes=settings.lockout_minutes))
        audit.record(db, now, login_name, "login", "failed")
        return LoginResult(error=M.BAD_CREDENTIALS)
    throttle.clear(db, login_name)
    if not account.active:
        return LoginResult(error=M.ACCOUNT_DISABLED)
    if login_type == "legal" and account.kind != "legal":
        return LoginResult(error=M.IS_NATURAL_ACCOUNT)
    if login_type == "natural" and account.kind != "natural":
        return LoginResult(error=M.IS_LEGAL_ACCOUNT)
    if passwords.is_expired(account.password_changed_at, now, settings.password_policy, settings.password_max_age_days):
        audit.record(db, now, login_name, "login", "password-expired")
        return LoginResult(account=account, error=M.PASSWORD_EXPIRED, expired=True)
    audit.record(db, now, login_name, "login", "ok")
    return LoginResult(account=account)


def check_current_password(
    db: Session, account: Account, password: str, now: dt.datetime, settings: Settings
) -> str | None:
    """A current-password check (修改密码, a new reserved phone): the same counter and lock as the
    login, so guessing here or at the login page shares one limit. None when right, else the message.
    The try that uses the last chance locks the account and ends all its sessions."""
    attempt = throttle.reserve(db, account.login_name, now, settings.lockout_threshold)
    if attempt.locked:
        return M.CURRENT_PASSWORD_LOCKED.format(minutes=settings.lockout_minutes)
    if passwords.verify_password(account.password_hash, password):
        throttle.clear(db, account.login_name)
        return None
    if throttle.failed(db, attempt, now, settings.lockout_threshold, settings.lockout_minutes):
        throttle.end_sessions(db, account.id)
        return M.CURRENT_PASSWORD_LOCKED.format(minutes=settings.lockout_minutes)
    return M.OLD_PASSWORD_WRONG


def change_password(
    db: Session, account: Account, old: str, new: str, confirm: str, now: dt.datetime, settings: Settings
) -> str | None:
    """Returns the message of the failed rule, or None after changing the password."""
    wrong = check_current_password(db, account, old, now, settings)
    if wrong:
        audit.record(db, now, account.login_name, "password-change", "wrong-current")
        return wrong
    if new != confirm:
        return M.PASSWORD_MISMATCH
    if new == old:
        return M.PASSWORD_SAME_AS_OLD
    problem = passwords.policy_violation(new, settings.password_policy, account.login_name)
    if problem:
        return problem
    set_password(db, account, new, now)
    notify.password_changed(db, account, now)
    audit.record(db, now, account.login_name, "password-change", "ok")
    return None


def set_password(db: Session, account: Account, new: str, now: dt.datetime) -> None:
    account.password_hash = passwords.hash_password(new)
    account.password_changed_at = now
    unlock(db, account.login_name)


def unlock(db: Session, login_name: str) -> None:
    """A password set with proof (the current password or an SMS code) ends a failure lock, so
    an attacker's wrong guesses cannot keep the owner out once the owner has reset the password."""
    # In the caller's transaction: the lock ends exactly when the new password is committed.
    db.execute(delete(LoginFailure).where(LoginFailure.login_name == login_name))


def rule_hint(settings: Settings) -> str:
    if settings.password_policy == "asvs":
        return M.RULE_HINT_ASVS
    return M.RULE_HINT_DENGBAO
