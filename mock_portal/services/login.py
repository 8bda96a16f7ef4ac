"""Authentication: same answer for a wrong password and an unknown login name, a temporary
lock after repeated failures (等保 8.1.4.1 b) counted per typed name, password expiry."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.messages import auth as M
from mock_portal.models.accounts import Account
from mock_portal.models.web import LoginFailure
from mock_portal.services import audit, passwords
from mock_portal.settings import Settings


@dataclass
class LoginResult:
    account: Account | None = None
    error: str | None = None
    expired: bool = False


def find_account(db: Session, login_name: str) -> Account | None:
    return db.scalars(select(Account).where(Account.login_name == login_name)).first()


def authenticate(db: Session, login_name: str, password: str, login_type: str,
                 now: dt.datetime, settings: Settings) -> LoginResult:
    login_name = login_name.strip()
    # Read, not created yet: a new row would be flushed by the next query and hold SQLite's write lock
    # through the argon2id check below, queueing every other writer behind each login.
    fail = db.get(LoginFailure, login_name)
    if fail is not None and fail.locked_until and now < fail.locked_until:
        audit.record(db, now, login_name, "login", "locked")
        return LoginResult(error=M.LOCKED.format(minutes=settings.lockout_minutes))
    account = find_account(db, login_name)
    if account is None or not passwords.verify_password(account.password_hash, password):
        if fail is None:
            fail = LoginFailure(login_name=login_name, count=0)
            db.add(fail)
        fail.count += 1
        if fail.count >= settings.lockout_threshold:
            fail.count = 0
            fail.locked_until = now + dt.timedelta(minutes=settings.lockout_minutes)
            audit.record(db, now, login_name, "login", "locked")
            return LoginResult(error=M.LOCKED.format(minutes=settings.lockout_minutes))
        audit.record(db, now, login_name, "login", "failed")
        return LoginResult(error=M.BAD_CREDENTIALS)
    if fail is not None:
        fail.count = 0
        fail.locked_until = None
    if not account.active:
        return LoginResult(error=M.ACCOUNT_DISABLED)
    if login_type == "legal" and account.kind != "legal":
        return LoginResult(error=M.IS_NATURAL_ACCOUNT)
    if login_type == "natural" and account.kind != "natural":
        return LoginResult(error=M.IS_LEGAL_ACCOUNT)
    if passwords.is_expired(account.password_changed_at, now, settings.password_policy,
                            settings.password_max_age_days):
        audit.record(db, now, login_name, "login", "password-expired")
        return LoginResult(account=account, error=M.PASSWORD_EXPIRED, expired=True)
    audit.record(db, now, login_name, "login", "ok")
    return LoginResult(account=account)


def change_password(db: Session, account: Account, old: str, new: str, confirm: str,
                    now: dt.datetime, settings: Settings) -> str | None:
    """Returns the message of the failed rule, or None after changing the password."""
    if not passwords.verify_password(account.password_hash, old):
        return M.OLD_PASSWORD_WRONG
    if new != confirm:
        return M.PASSWORD_MISMATCH
    if new == old:
        return M.PASSWORD_SAME_AS_OLD
    problem = passwords.policy_violation(new, settings.password_policy, account.login_name)
    if problem:
        return problem
    set_password(db, account, new, now)
    audit.record(db, now, account.login_name, "password-change", "ok")
    return None


def set_password(db: Session, account: Account, new: str, now: dt.datetime) -> None:
    account.password_hash = passwords.hash_password(new)
    account.password_changed_at = now
    unlock(db, account.login_name)


def unlock(db: Session, login_name: str) -> None:
    """A password set with proof (the current password or an SMS code) ends a failure lock, so
    an attacker's wrong guesses cannot keep the owner out once the owner has reset the password."""
    row = db.get(LoginFailure, login_name)
    if row is not None:
        row.count = 0
        row.locked_until = None


def rule_hint(settings: Settings) -> str:
    if settings.password_policy == "asvs":
        return "密码长度为12至64位，可使用任意字符（含中文）"
    return "密码长度为8至64位，须包含大写字母、小写字母、数字、特殊字符中的至少三类"
