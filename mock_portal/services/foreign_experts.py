"""外国专家项目管理信息系统 (FAQ-5.1): a unit registers, its 归口单位 approves (back-office review
"wzj_registration"); only then does the unit hold the system, so its legal account may grant
外国专家项目管理系统 roles to natural persons. Legacy records are shown to whoever acts for the unit."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.messages import access as AM
from mock_portal.messages import foreign_experts as M
from mock_portal.models.accounts import LEGAL, Account, Unit
from mock_portal.models.business import LegacyRecord, WzjRegistration
from mock_portal.models.permissions import UnitPermission
from mock_portal.models.reviews import Review
from mock_portal.services import reviews
from mock_portal.services.access_base import Access, default_access
from mock_portal.settings import Settings

SYSTEM = "foreign_experts"
KIND = "wzj_registration"
PHONE_RE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8})$")


def registration_of(db: Session, unit_id: int) -> WzjRegistration | None:
    return db.scalars(select(WzjRegistration).where(WzjRegistration.unit_id == unit_id)).first()


def validate(competent_unit: str, contact_name: str, contact_phone: str) -> str | None:
    if competent_unit not in M.COMPETENT_UNITS:
        return M.COMPETENT_REQUIRED
    if not contact_name.strip():
        return M.CONTACT_NAME_REQUIRED
    if not PHONE_RE.match(contact_phone.strip()):
        return M.CONTACT_PHONE_INVALID
    return None


def register(
    db: Session, account: Account, competent_unit: str, contact_name: str, contact_phone: str, now: dt.datetime
) -> WzjRegistration:
    """Submit (or resubmit after a rejection) the unit's registration for its 归口单位's review."""
    unit: Unit = account.unit
    reg = registration_of(db, unit.id)
    if reg is None:
        reg = WzjRegistration(unit_id=unit.id, created_at=now)
        db.add(reg)
    elif reg.status in ("pending", "approved"):
        return reg
    reg.competent_unit, reg.contact_name = competent_unit, contact_name.strip()[:100]
    reg.contact_phone, reg.status, reg.reason = contact_phone.strip(), "pending", ""
    review = reviews.submit(
        db,
        KIND,
        M.REGISTRATION_TITLE.format(unit=unit.name, competent_unit=competent_unit),
        now,
        account_id=account.id,
        unit_id=unit.id,
        phone=contact_phone.strip(),
        payload={"competent_unit": competent_unit},
    )
    reg.review_id = review.id
    db.flush()
    return reg


def _decided(db: Session, review: Review, approved: bool, now: dt.datetime, _settings: Settings) -> None:
    reg = registration_of(db, review.unit_id)
    if reg is None:
        return
    reg.status = "approved" if approved else "rejected"
    reg.reason = review.reason
    if (
        approved
        and db.scalars(
            select(UnitPermission).where(UnitPermission.unit_id == reg.unit_id, UnitPermission.system == SYSTEM)
        ).first()
        is None
    ):
        db.add(UnitPermission(unit_id=reg.unit_id, system=SYSTEM, acquired_at=now))
    db.flush()


def records_of(db: Session, unit_id: int) -> list[LegacyRecord]:
    return list(
        db.scalars(
            select(LegacyRecord)
            .where(LegacyRecord.unit_id == unit_id, LegacyRecord.system == SYSTEM)
            .order_by(LegacyRecord.id)
        )
    )


def entry_access(db: Session, account: Account, now: dt.datetime) -> Access:
    """Legal accounts may open the system to register; the unit holds it (and may grant it) only
    once its 归口单位 approved the registration. Natural persons need a grant as everywhere."""
    if account.kind != LEGAL:
        return default_access(db, account, SYSTEM, now)
    if account.realname_status != "passed" or account.unit_id is None:
        return Access(False, AM.LEGAL_UNVERIFIED, reason="unverified")
    reg = registration_of(db, account.unit_id)
    if reg is None or reg.status != "approved":
        return Access(True, unit_id=account.unit_id, roles=("法人",), reason="unregistered")
    return Access(True, unit_id=account.unit_id, roles=("法人",))


# The manual reviews this module decides (review_decisions.MODULES lists this module).
DECISIONS = {KIND: reviews.Decision(M.REGISTRATION_KIND, _decided)}
# The system's own entry rule, listed by access.ENTRY_RULES.
ENTRY_RULES = {SYSTEM: entry_access}
