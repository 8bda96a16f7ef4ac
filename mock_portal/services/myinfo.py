"""在线办事 → 我的信息: validating and saving 自然人用户信息, 法人单位基本信息 (with 法定代表人信息),
法人单位其他信息 (the Torch fields, keys = their Chinese labels), 主代办人信息, and 信息更新记录.
Every save validates everything first and changes nothing when refused."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.messages import auth as AM
from mock_portal.messages import fields as F
from mock_portal.messages import identity as M
from mock_portal.models.accounts import Account, Unit
from mock_portal.models.identity import InfoUpdate
from mock_portal.services import identifiers, login, notify, realname
from mock_portal.services.registration import LEGAL_APPEAL, NATURAL_APPEAL, UNIT_TYPES, clean_name, clean_text

GENDERS = F.GENDERS
REP_TYPES = F.REP_TYPES
MAINLAND = REP_TYPES[0]
CONTINENTS = F.CONTINENTS
PERSON_FIELDS = F.PERSON_FIELDS
AGENT_FIELDS = F.AGENT_FIELDS
BASIC_FIELDS = F.BASIC_FIELDS
OTHER_FIELDS = F.OTHER_FIELDS
OTHER_CHOICES = F.OTHER_CHOICES
UNIT_NATURES = F.UNIT_NATURES
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass
class InfoError(Exception):
    message: str
    appeal: str | None = None
    appeal_hint: str | None = None


def _date_ok(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
        return True
    except ValueError:
        return False


def _extras(form: dict, fields: dict[str, str]) -> dict:
    values = {label: clean_text(form.get(name)) for name, label in fields.items()}
    if values.get(F.EMAIL) and not _EMAIL.fullmatch(values[F.EMAIL]):
        raise InfoError(M.EMAIL_INVALID)
    for label in F.DATE_FIELDS:
        if values.get(label) and not _date_ok(values[label]):
            raise InfoError(M.DATE_INVALID.format(field=label))
    if values.get(F.GENDER) and values[F.GENDER] not in GENDERS:
        raise InfoError(M.CHOICE_INVALID.format(field=F.GENDER))
    return values


def _new_phone(db: Session, account: Account, form: dict, now: dt.datetime, settings) -> str:
    """The reserved phone changes only with the current password (limited like the login)."""
    phone = identifiers.normalize(form.get("phone"))
    if phone == (account.phone or ""):
        return phone
    if not identifiers.is_valid_phone(phone):
        raise InfoError(M.PHONE_INVALID)
    current = form.get("current_password") or ""
    if not current:
        raise InfoError(M.PHONE_NEEDS_PASSWORD)
    wrong = login.check_current_password(db, account, current, now, settings)
    if wrong:
        raise InfoError(M.PHONE_PASSWORD_WRONG if wrong == AM.OLD_PASSWORD_WRONG else wrong)
    return phone


def _log(db: Session, account: Account, section: str, before: dict, after: dict, now: dt.datetime) -> None:
    changed = [label for label, value in after.items() if before.get(label, "") != value]
    if changed:
        db.add(
            InfoUpdate(
                account_id=account.id,
                unit_id=account.unit_id,
                section=section,
                fields=F.UPDATE_FIELDS_SEPARATOR.join(changed)[:500],
                by=account.login_name,
                at=now,
            )
        )


def save_person(db: Session, account: Account, form: dict, now: dt.datetime, settings=None) -> None:
    """自然人用户信息. 证件号码 can be set or corrected until 实名认证 has passed."""
    name = clean_name(form.get("name"))
    if not name:
        raise InfoError(M.REQUIRED.format(field=F.NAME))
    phone_label = F.PHONE
    if not identifiers.normalize(form.get("phone")):
        raise InfoError(M.REQUIRED.format(field=phone_label))
    extras = _extras(form, PERSON_FIELDS)
    id_number = account.id_number
    if account.realname_status not in ("passed", "pending"):
        id_number = identifiers.normalize(form.get("id_number")) or None
        if id_number and account.id_type == F.ID_TYPES[0] and not identifiers.is_valid_id_number(id_number):
            raise InfoError(M.ID_NUMBER_INVALID)
        if (
            id_number
            and db.scalars(select(Account.id).where(Account.id_number == id_number, Account.id != account.id)).first()
        ):
            raise InfoError(M.ID_NUMBER_EXISTS, NATURAL_APPEAL, M.EXISTS_NATURAL_HINT)
    phone = _new_phone(db, account, form, now, settings)
    before = {
        F.NAME: account.name,
        F.ID_NUMBER: account.id_number or "",
        F.PHONE: account.phone or "",
        **(account.profile or {}),
    }
    notify.phone_changed(db, account, phone, now)
    account.name, account.id_number, account.phone = name, id_number, phone
    account.profile = {**(account.profile or {}), **extras}
    _log(
        db,
        account,
        F.PERSON_SECTION,
        before,
        {F.NAME: name, F.ID_NUMBER: id_number or "", F.PHONE: phone, **extras},
        now,
    )
    db.flush()
    realname.auto_check_natural(db, account)


def save_agent(db: Session, account: Account, form: dict, now: dt.datetime, settings=None) -> None:
    """主代办人信息: 姓名* and 移动电话* required; 证件号码 until 实名认证 has passed."""
    name = clean_name(form.get("name"))
    if not name:
        raise InfoError(M.REQUIRED.format(field=F.NAME))
    if not identifiers.normalize(form.get("phone")):
        raise InfoError(M.REQUIRED.format(field=F.MOBILE))
    extras = _extras(form, AGENT_FIELDS)
    profile = dict(account.profile or {})
    if account.realname_status not in ("passed", "pending"):
        number = identifiers.normalize(form.get("agent_id_number"))
        if number and not identifiers.is_valid_id_number(number):
            raise InfoError(M.ID_NUMBER_INVALID)
        profile["agent_id_number"] = number
    phone = _new_phone(db, account, form, now, settings)
    before = {
        F.NAME: account.name,
        F.MOBILE: account.phone or "",
        F.ID_NUMBER: (account.profile or {}).get("agent_id_number", ""),
        **(account.profile or {}),
    }
    notify.phone_changed(db, account, phone, now)
    account.name, account.phone = name, phone
    account.profile = {**profile, **extras}
    _log(
        db,
        account,
        F.AGENT_SECTION,
        before,
        {F.NAME: name, F.MOBILE: phone, F.ID_NUMBER: profile.get("agent_id_number", ""), **extras},
        now,
    )
    db.flush()
    realname.auto_check_agent(db, account)


def save_basic(db: Session, account: Account, form: dict, now: dt.datetime, settings=None) -> None:
    """法人单位基本信息 with 法定代表人信息 (FAQ-1.8.4/1.8.5/1.8.6/1.8.7)."""
    unit: Unit = account.unit
    locked = unit.realname_status in ("passed", "pending")
    name = unit.name if locked else clean_name(form.get("unit_name"))
    code = unit.credit_code if locked else identifiers.normalize(form.get("credit_code"))
    unit_type = clean_text(form.get("unit_type"))
    for label, value in ((F.UNIT_NAME, name), (F.CREDIT_CODE, code), (F.UNIT_TYPE, unit_type)):
        if not value:
            raise InfoError(M.REQUIRED.format(field=label))
    if unit_type not in UNIT_TYPES:
        raise InfoError(M.CHOICE_INVALID.format(field=F.UNIT_TYPE))
    if not identifiers.is_valid_credit_code(code):
        raise InfoError(M.CREDIT_CODE_INVALID)
    extras = _extras(form, BASIC_FIELDS)
    if extras[F.UNIT_NATURE] and extras[F.UNIT_NATURE] not in UNIT_NATURES:
        raise InfoError(M.CHOICE_INVALID.format(field=F.UNIT_NATURE))
    if not extras[F.REP_TYPE]:
        raise InfoError(M.LEGAL_REP_TYPE_REQUIRED)
    if extras[F.REP_TYPE] not in REP_TYPES:
        raise InfoError(M.CHOICE_INVALID.format(field=F.REP_TYPE))
    if extras[F.REP_TYPE] == MAINLAND:
        extras[F.REP_CONTINENT] = ""  # not asked for a mainland representative
    elif not extras[F.REP_CONTINENT]:
        raise InfoError(M.CONTINENT_REQUIRED)
    elif extras[F.REP_CONTINENT] not in CONTINENTS:
        raise InfoError(M.CHOICE_INVALID.format(field=F.REP_CONTINENT))
    others = select(Unit.id).where(Unit.id != unit.id)
    if db.scalars(others.where(Unit.name == name)).first():
        raise InfoError(M.UNIT_NAME_EXISTS, LEGAL_APPEAL, F.UNIT_NAME + M.EXISTS_LEGAL_HINT)
    if db.scalars(others.where(Unit.credit_code == code)).first():
        raise InfoError(M.CREDIT_CODE_EXISTS, LEGAL_APPEAL, F.CREDIT_CODE_SHORT + M.EXISTS_LEGAL_HINT)
    before = {
        F.UNIT_NAME: unit.name,
        F.CREDIT_CODE: unit.credit_code,
        F.UNIT_TYPE: unit.unit_type,
        **(unit.basic_info or {}),
    }
    unit.name, unit.credit_code, unit.unit_type = name, code, unit_type
    unit.basic_info = {**(unit.basic_info or {}), **extras}
    _log(
        db,
        account,
        F.BASIC_SECTION,
        before,
        {F.UNIT_NAME: name, F.CREDIT_CODE: code, F.UNIT_TYPE: unit_type, **extras},
        now,
    )
    db.flush()
    realname.auto_check_unit(db, unit)


def save_other(db: Session, account: Account, form: dict, now: dt.datetime, settings=None) -> None:
    """法人单位其他信息: every field required (高企/科技型中小企业)."""
    values = _extras(form, OTHER_FIELDS)
    for name, label in OTHER_FIELDS.items():
        if not values[label]:
            raise InfoError(M.REQUIRED.format(field=label))
        if name in OTHER_CHOICES and values[label] not in OTHER_CHOICES[name]:
            raise InfoError(M.CHOICE_INVALID.format(field=label))
    unit: Unit = account.unit
    before = dict(unit.other_info or {})
    unit.other_info = {**before, **values}
    _log(db, account, F.OTHER_SECTION, before, values, now)


def updates(db: Session, account: Account) -> list[InfoUpdate]:
    q = select(InfoUpdate).order_by(InfoUpdate.id.desc())
    q = (
        q.where(InfoUpdate.unit_id == account.unit_id)
        if account.unit_id
        else q.where(InfoUpdate.account_id == account.id)
    )
    return list(db.scalars(q.limit(100)))
