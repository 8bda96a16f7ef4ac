"""人类遗传资源管理系统 requests a legal account sends to the back office, and what their approval does:
project migration after a unit rename (FAQ-2.6) and project transfer after an employee's departure
(FAQ-2.7). A request is checked here, then becomes a review (services/reviews.py); its details are
stored under the labels the back office shows (messages/hgr.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.messages import hgr as M
from mock_portal.models.accounts import LEGAL, Account, Unit
from mock_portal.models.hgr import HgrProject
from mock_portal.models.reviews import Review
from mock_portal.services import reviews
from mock_portal.services.hgr import Entry, active_grants
from mock_portal.settings import Settings

MIGRATION = "hgr_migration"
TRANSFER = "hgr_transfer"


class RequestRefused(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class MigrationForm:
    """项目迁移 as typed: 项目编号 (one or more), 自然人账号, 原单位名称, 变更后单位名称."""

    numbers: str = ""
    login_name: str = ""
    old_name: str = ""
    new_name: str = ""

    def wanted(self) -> list[str]:
        """The project numbers, separated by commas (either width) or spaces."""
        return [n for n in self.numbers.replace("，", ",").replace(" ", ",").split(",") if n]


@dataclass
class TransferForm:
    """项目移送 as typed: the departed employee's and the active employee's login names."""

    from_login: str = ""
    to_login: str = ""


def _first_missing(form, labels: dict[str, str]) -> str:
    for f in fields(form):
        if not getattr(form, f.name).strip():
            return M.REQUIRED.format(label=labels[f.name])
    return ""


def _stored(labels: dict[str, str], values: dict) -> dict:
    return {labels[key]: value for key, value in values.items()}


def _read(labels: dict[str, str], payload: dict) -> dict:
    return {key: payload.get(label) for key, label in labels.items()}


def _account_named(db: Session, login_name: str) -> Account | None:
    return db.scalars(select(Account).where(Account.login_name == login_name)).first()


def migratable(db: Session, unit: Unit, login_name: str, old_name: str, numbers: list[str]) -> list[HgrProject]:
    """The person's projects among `numbers` that the unit filed under its old name."""
    owner = _account_named(db, login_name)
    if owner is None:
        return []
    return list(
        db.scalars(
            select(HgrProject).where(
                HgrProject.unit_id == unit.id,
                HgrProject.unit_name == old_name,
                HgrProject.owner_account_id == owner.id,
                HgrProject.number.in_(numbers),
            )
        )
    )


def request_migration(db: Session, entry: Entry, account: Account, form: MigrationForm, now: dt.datetime) -> Review:
    """Refused (RequestRefused) while a field is empty, the new name is not the unit's filed name,
    or a number is not the person's project under the old name."""
    error = _first_missing(form, M.MIGRATION_FORM_LABELS)
    old, new, login = form.old_name.strip(), form.new_name.strip(), form.login_name.strip()
    if not error and (entry.status != "ok" or new != entry.unit.name):
        error = M.MIGRATION_NEEDS_FILING
    wanted = form.wanted()
    if not error:
        found = {p.number for p in migratable(db, entry.unit, login, old, wanted)}
        missing = sorted(set(wanted) - found)
        if missing:
            error = M.MIGRATION_NO_PROJECTS.format(old=old, login=login, numbers=M.NUMBERS_SEPARATOR.join(missing))
    if error:
        raise RequestRefused(error)
    details = {"numbers": wanted, "login_name": login, "old_name": old, "new_name": new}
    return reviews.submit(
        db,
        MIGRATION,
        M.MIGRATION_TITLE.format(old=old, new=new),
        now,
        account_id=account.id,
        unit_id=entry.unit.id,
        phone=account.phone,
        payload=_stored(M.MIGRATION_DETAILS, details),
    )


def _migration_decided(db: Session, review: Review, approved: bool, now: dt.datetime, settings: Settings) -> None:
    unit = db.get(Unit, review.unit_id)
    if not approved or unit is None:
        return
    d = _read(M.MIGRATION_DETAILS, review.payload)
    for project in migratable(db, unit, d["login_name"], d["old_name"], d["numbers"]):
        project.unit_name = d["new_name"]


def transferable(db: Session, unit: Unit, from_login: str) -> list[HgrProject]:
    """Every project of the unit that the account owns."""
    owner = _account_named(db, from_login)
    if owner is None:
        return []
    return list(
        db.scalars(select(HgrProject).where(HgrProject.unit_id == unit.id, HgrProject.owner_account_id == owner.id))
    )


def active_employee(db: Session, unit: Unit, login_name: str, now: dt.datetime) -> Account | None:
    """An active natural account with an unexpired HGR grant from this unit."""
    person = _account_named(db, login_name)
    if person is None or not person.active or person.kind == LEGAL:
        return None
    return person if any(g.unit_id == unit.id for g in active_grants(db, person, now)) else None


def request_transfer(db: Session, entry: Entry, account: Account, form: TransferForm, now: dt.datetime) -> Review:
    """Refused (RequestRefused) while a login name is empty, both are the same, the departed employee
    owns no project of the unit, or the other is no active employee with an HGR grant from it."""
    departed, active = form.from_login.strip(), form.to_login.strip()
    error = _first_missing(form, M.TRANSFER_FORM_LABELS)
    if error:
        raise RequestRefused(error)
    if departed == active:
        error = M.TRANSFER_SAME
    elif not transferable(db, entry.unit, departed):
        error = M.TRANSFER_NO_PROJECTS.format(login=departed)
    elif active_employee(db, entry.unit, active, now) is None:
        error = M.TRANSFER_NOT_EMPLOYEE.format(login=active)
    if error:
        raise RequestRefused(error)
    details = {
        "from_login": departed,
        "to_login": active,
        "numbers": [p.number for p in transferable(db, entry.unit, departed)],
        "unit_name": entry.unit.name,
    }
    return reviews.submit(
        db,
        TRANSFER,
        M.TRANSFER_TITLE.format(from_login=departed, to_login=active),
        now,
        account_id=account.id,
        unit_id=entry.unit.id,
        phone=account.phone,
        payload=_stored(M.TRANSFER_DETAILS, details),
    )


def _transfer_decided(db: Session, review: Review, approved: bool, now: dt.datetime, settings: Settings) -> None:
    unit = db.get(Unit, review.unit_id)
    if not approved or unit is None:
        return
    d = _read(M.TRANSFER_DETAILS, review.payload)
    target = active_employee(db, unit, d["to_login"], now)
    if target is None:
        return
    for project in transferable(db, unit, d["from_login"]):
        project.owner_account_id = target.id


# The manual reviews this module decides (review_decisions.MODULES lists this module).
DECISIONS = {
    MIGRATION: reviews.Decision(M.MIGRATION_KIND, _migration_decided),
    TRANSFER: reviews.Decision(M.TRANSFER_KIND, _transfer_decided),
}
