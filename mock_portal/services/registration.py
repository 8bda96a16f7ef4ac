"""用户注册 (自然人 / 法人): validation, uniqueness with the FAQ-1.9.x messages, and an
all-or-nothing creation (unit and account in one transaction; a unique-constraint race is
answered with the same message as the pre-check)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mock_portal.messages import fields as F
from mock_portal.messages import identity as M
from mock_portal.models.accounts import LEGAL, NATURAL, Account, Unit
from mock_portal.services import identifiers, passwords, realname, sms
from mock_portal.settings import Settings

ID_TYPES = F.ID_TYPES
UNIT_TYPES = F.UNIT_TYPES
NATURAL_APPEAL = "/recovery/appeal/natural"
LEGAL_APPEAL = "/recovery/appeal/legal"
_LOGIN_NAME = re.compile(r"[A-Za-z0-9_]{4,32}")


@dataclass
class Refusal(Exception):
    message: str
    appeal: str | None = None  # link to the appeal form that recovers the existing account
    appeal_hint: str | None = None


def clean_text(value: str | None) -> str:
    return " ".join((value or "").split())[:200]


def clean_name(value: str | None) -> str:
    """Unit and person names: NFKC and no white space at all (全角/半角 the same)."""
    return "".join(unicodedata.normalize("NFKC", value or "").split())[:200]


def _required(pairs) -> None:
    for label, value in pairs:
        if not value:
            raise Refusal(M.REQUIRED.format(field=label))


def _credentials(form: dict, settings: Settings) -> None:
    if not _LOGIN_NAME.fullmatch(form["login_name"]):
        raise Refusal(M.LOGIN_NAME_INVALID)
    if form["password"] != form["confirm_password"]:
        raise Refusal(M.PASSWORD_MISMATCH)
    problem = passwords.policy_violation(form["password"], settings.password_policy, form["login_name"])
    if problem:
        raise Refusal(problem)


def natural_refused_id() -> Refusal:
    return Refusal(M.ID_NUMBER_REGISTERED, NATURAL_APPEAL, M.NATURAL_APPEAL_HINT)


def validate_natural(form: dict, settings: Settings) -> dict:
    data = {k: clean_text(form.get(k)) for k in ("login_name", "id_type", "phone", "sms_code")}
    data.update(
        password=form.get("password") or "",
        confirm_password=form.get("confirm_password") or "",
        name=clean_name(form.get("name")),
        id_number=identifiers.normalize(form.get("id_number")),
    )
    _required(
        [
            (F.LOGIN_NAME, data["login_name"]),
            (F.PASSWORD, data["password"]),
            (F.NAME, data["name"]),
            (F.ID_TYPE, data["id_type"]),
            (F.ID_NUMBER, data["id_number"]),
            (F.PHONE, data["phone"]),
            (F.SMS_CODE, data["sms_code"]),
        ]
    )
    if data["id_type"] not in ID_TYPES:
        raise Refusal(M.CHOICE_INVALID.format(field=F.ID_TYPE))
    if data["id_type"] == F.ID_TYPES[0] and not identifiers.is_valid_id_number(data["id_number"]):
        raise Refusal(M.ID_NUMBER_INVALID)
    if not identifiers.is_valid_phone(data["phone"]):
        raise Refusal(M.PHONE_INVALID)
    _credentials(data, settings)
    return data


def validate_legal(form: dict, settings: Settings) -> dict:
    data = {k: clean_text(form.get(k)) for k in ("login_name", "unit_type", "phone", "sms_code")}
    data.update(
        password=form.get("password") or "",
        confirm_password=form.get("confirm_password") or "",
        unit_name=clean_name(form.get("unit_name")),
        agent_name=clean_name(form.get("agent_name")),
        credit_code=identifiers.normalize(form.get("credit_code")),
    )
    _required(
        [
            (F.UNIT_NAME, data["unit_name"]),
            (F.CREDIT_CODE, data["credit_code"]),
            (F.UNIT_TYPE, data["unit_type"]),
            (F.AGENT_NAME, data["agent_name"]),
            (F.AGENT_PHONE, data["phone"]),
            (F.SMS_CODE, data["sms_code"]),
            (F.LOGIN_NAME, data["login_name"]),
            (F.PASSWORD, data["password"]),
        ]
    )
    if data["unit_type"] not in UNIT_TYPES:
        raise Refusal(M.CHOICE_INVALID.format(field=F.UNIT_TYPE))
    if not identifiers.is_valid_credit_code(data["credit_code"]):
        raise Refusal(M.CREDIT_CODE_INVALID)
    if not identifiers.is_valid_phone(data["phone"]):
        raise Refusal(M.PHONE_INVALID)
    _credentials(data, settings)
    return data


def _exists(db: Session, column, value) -> bool:
    return db.scalars(select(column).where(column == value).limit(1)).first() is not None


def precheck_natural(db: Session, data: dict) -> None:
    if _exists(db, Account.id_number, data["id_number"]):
        raise natural_refused_id()
    if _exists(db, Account.login_name, data["login_name"]):
        raise Refusal(M.LOGIN_NAME_TAKEN)


def precheck_legal(db: Session, data: dict) -> None:
    if _exists(db, Unit.name, data["unit_name"]):
        raise Refusal(M.UNIT_NAME_REGISTERED, LEGAL_APPEAL, M.LEGAL_APPEAL_HINT)
    if _exists(db, Unit.credit_code, data["credit_code"]):
        raise Refusal(M.CREDIT_CODE_REGISTERED, LEGAL_APPEAL, M.LEGAL_APPEAL_HINT)
    if _exists(db, Account.login_name, data["login_name"]):
        raise Refusal(M.LOGIN_NAME_TAKEN)


def _constraint_refusal(exc: IntegrityError) -> Refusal:
    text = str(exc.orig)
    if "accounts.id_number" in text:
        return natural_refused_id()
    if "units.name" in text:
        return Refusal(M.UNIT_NAME_REGISTERED, LEGAL_APPEAL, M.LEGAL_APPEAL_HINT)
    if "units.credit_code" in text:
        return Refusal(M.CREDIT_CODE_REGISTERED, LEGAL_APPEAL, M.LEGAL_APPEAL_HINT)
    return Refusal(M.LOGIN_NAME_TAKEN)


def _account(data: dict, kind: str, now: dt.datetime, **cols) -> Account:
    return Account(
        login_name=data["login_name"],
        password_hash=passwords.hash_password(data["password"]),
        password_changed_at=now,
        kind=kind,
        phone=data["phone"],
        realname_status="none",
        profile={},
        created_at=now,
        **cols,
    )


def register_natural(db: Session, form: dict, now: dt.datetime, settings: Settings) -> Account:
    """Creates and commits the account, or raises Refusal having left nothing behind."""
    data = validate_natural(form, settings)
    precheck_natural(db, data)
    try:
        sms.check_code(db, data["phone"], "register", data["sms_code"], now, settings)
    except sms.SmsCodeError as exc:
        db.commit()  # keeps the counted try
        raise Refusal(str(exc)) from exc
    try:
        account = _account(data, NATURAL, now, name=data["name"], id_type=data["id_type"], id_number=data["id_number"])
        db.add(account)
        db.flush()
        realname.auto_check_natural(db, account)
        db.commit()
    except IntegrityError as exc:
        db.rollback()
        raise _constraint_refusal(exc) from exc
    return account


def register_legal(db: Session, form: dict, now: dt.datetime, settings: Settings) -> Account:
    data = validate_legal(form, settings)
    precheck_legal(db, data)
    try:
        sms.check_code(db, data["phone"], "register", data["sms_code"], now, settings)
    except sms.SmsCodeError as exc:
        db.commit()
        raise Refusal(str(exc)) from exc
    try:
        unit = Unit(
            name=data["unit_name"],
            credit_code=data["credit_code"],
            unit_type=data["unit_type"],
            realname_status="none",
            basic_info={},
            other_info={},
            flags={},
            created_at=now,
        )
        db.add(unit)
        db.flush()
        account = _account(data, LEGAL, now, name=data["agent_name"], id_number=None, unit_id=unit.id)
        db.add(account)
        db.flush()
        realname.auto_check_unit(db, unit)
        db.commit()
    except IntegrityError as exc:
        db.rollback()
        raise _constraint_refusal(exc) from exc
    return account


def lookup(db: Session, query: str) -> tuple[str, bool]:
    """检索: is this login name or ID number / credit code registered? Returns (what, found)."""
    text = clean_text(query)
    number = identifiers.normalize(query)
    if identifiers.is_valid_id_number(number) or (len(number) == 18 and _exists(db, Account.id_number, number)):
        return F.ID_NUMBER, _exists(db, Account.id_number, number)
    if identifiers.is_valid_credit_code(number):
        return F.CREDIT_CODE, _exists(db, Unit.credit_code, number)
    return F.LOGIN_NAME, _exists(db, Account.login_name, text)
