"""登录名重置密码: look the login name up, send a code to its reserved phone, set a new
password that meets the policy, and end every other session of the account."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from mock_portal import sessions
from mock_portal.messages import auth as AM
from mock_portal.messages import recovery as M
from mock_portal.messages import sms as SM
from mock_portal.models.accounts import Account
from mock_portal.services import audit, login, notify, passwords, sms
from mock_portal.settings import Settings

PURPOSE = "reset"


class RecoveryError(ValueError):
    """A refusal; str(error) is the message for the user."""


def lookup(db: Session, login_name: str) -> Account:
    name = (login_name or "").strip()
    if not name:
        raise RecoveryError(M.LOGIN_NAME_REQUIRED)
    account = login.find_account(db, name)
    if (
        account is None
        and not name.upper().startswith(M.LEGACY_PREFIX)
        and login.find_account(db, M.LEGACY_PREFIX + name) is not None
    ):
        raise RecoveryError(M.LEGACY_PREFIX_HINT)
    if account is None or not account.active:
        raise RecoveryError(M.UNKNOWN_LOGIN_NAME)
    if not account.phone:
        raise RecoveryError(M.NO_RESERVED_PHONE)
    return account


def send_code(db: Session, account: Account, now: dt.datetime, settings: Settings) -> str:
    """Sends the code to the reserved phone; returns the notice. Raises SmsCodeError (cooldown)."""
    sms.issue_code(db, account.phone, PURPOSE, now, settings)
    return SM.CODE_SENT.format(masked_phone=account.masked_phone)


def reset(
    db: Session,
    account: Account,
    code: str,
    new: str,
    confirm: str,
    now: dt.datetime,
    settings: Settings,
    keep_session: str | None = None,
) -> None:
    """Checks the password rules first (a weak password does not spend the code), then the code.
    Raises RecoveryError or sms.SmsCodeError."""
    if not (code or "").strip():
        raise RecoveryError(M.CODE_REQUIRED)
    if not new:
        raise RecoveryError(M.NEW_PASSWORD_REQUIRED)
    if new != confirm:
        raise RecoveryError(AM.PASSWORD_MISMATCH)
    problem = passwords.policy_violation(new, settings.password_policy, account.login_name)
    if problem:
        raise RecoveryError(problem)
    sms.check_code(db, account.phone, PURPOSE, code, now, settings)
    login.set_password(db, account, new, now)
    notify.password_changed(db, account, now)
    sessions.end_all_for(db, account.id, except_id=keep_session)
    audit.record(db, now, account.login_name, "password-reset", "ok")
