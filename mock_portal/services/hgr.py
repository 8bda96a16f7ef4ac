"""人类遗传资源管理系统: entering (grants, unit choice, online filing), projects, and the
back-office decision on filing (FAQ-2.5). Migration (FAQ-2.6) and transfer (FAQ-2.7) requests:
services/hgr_requests.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.messages import hgr as M
from mock_portal.models.accounts import LEGAL, Account, Unit
from mock_portal.models.hgr import HgrProject
from mock_portal.models.reviews import Review
from mock_portal.services import access, permissions, reviews
from mock_portal.settings import Settings

SYSTEM = "hgr"
FILED_FLAG = "hgr_filed"  # Unit.flags[FILED_FLAG] = the unit name the filing was approved for


@dataclass
class Entry:
    status: str  # "ok" | "denied" | "choose" | "not-filed"
    message: str = ""
    unit: Unit | None = None
    roles: tuple[str, ...] = ()
    choices: list[Unit] = field(default_factory=list)

    @property
    def can_create(self) -> bool:
        return M.HANDLER_ROLE in self.roles


def is_filed(unit: Unit) -> bool:
    return bool(unit.flags) and unit.flags.get(FILED_FLAG) == unit.name


def set_flag(unit: Unit, key: str, value) -> None:
    unit.flags = {**(unit.flags or {}), key: value}


def active_grants(db: Session, account: Account, now: dt.datetime):
    return [
        g
        for g in permissions.grants_of(db, account.id)
        if g.system == SYSTEM and permissions.grant_state(g, now.date()) == "active"
    ]


def enter(
    db: Session, account: Account, now: dt.datetime, chosen_unit_id: int | None, auto_choose: bool = True
) -> Entry:
    """Who is this account in the system now: refused, asked to choose a unit, not filed, or in.
    A natural person granted by one unit only is taken into it without asking when `auto_choose`."""
    acc = access.system_access(db, account, SYSTEM, now)
    if not acc.ok:
        return Entry("denied", acc.message)
    if account.kind == LEGAL:
        unit, roles = db.get(Unit, account.unit_id), tuple(acc.roles)
    else:
        grants = active_grants(db, account, now)
        chosen = [g for g in grants if g.unit_id == chosen_unit_id]
        if not chosen and auto_choose and len(grants) == 1:
            chosen = grants
        if not chosen:
            return Entry("choose", M.CHOOSE_UNIT, choices=[db.get(Unit, g.unit_id) for g in grants])
        unit, roles = db.get(Unit, chosen[0].unit_id), tuple(chosen[0].roles)
    if not is_filed(unit):
        return Entry("not-filed", M.NOT_FILED, unit=unit, roles=roles)
    return Entry("ok", unit=unit, roles=roles)


def visible_projects(db: Session, account: Account, unit: Unit) -> list[HgrProject]:
    """Projects filed under the unit's current name: all of them for the legal account,
    the person's own for a natural person."""
    q = select(HgrProject).where(HgrProject.unit_id == unit.id, HgrProject.unit_name == unit.name)
    if account.kind != LEGAL:
        q = q.where(HgrProject.owner_account_id == account.id)
    return list(db.scalars(q.order_by(HgrProject.id)))


def project_for(db: Session, account: Account, unit: Unit, project_id: int) -> HgrProject | None:
    project = db.get(HgrProject, project_id)
    if project is None or project.unit_id != unit.id or project.unit_name != unit.name:
        return None
    if account.kind != LEGAL and project.owner_account_id != account.id:
        return None
    return project


def create_project(
    db: Session, account: Account, unit: Unit, now: dt.datetime, *, name: str, matter: str, leader: str
) -> HgrProject:
    project = HgrProject(
        unit_id=unit.id,
        unit_name=unit.name,
        owner_account_id=account.id,
        name=name,
        matter=matter,
        leader=leader,
        created_at=now,
    )
    db.add(project)
    db.flush()
    project.number = f"HGR{now:%Y%m%d}{project.id:05d}"
    db.flush()
    return project


def pending_review(db: Session, kind: str, unit_id: int) -> Review | None:
    return db.scalars(
        select(Review).where(Review.kind == kind, Review.unit_id == unit_id, Review.status == "pending")
    ).first()


def request_filing(db: Session, unit: Unit, account: Account, now: dt.datetime) -> Review:
    existing = pending_review(db, "hgr_filing", unit.id)
    if existing is not None and existing.payload.get(M.FILING_DETAILS["unit_name"]) == unit.name:
        return existing
    return reviews.submit(
        db,
        "hgr_filing",
        M.FILING_TITLE.format(unit=unit.name),
        now,
        account_id=account.id,
        unit_id=unit.id,
        phone=account.phone,
        payload={M.FILING_DETAILS["unit_name"]: unit.name},
    )


def _filing_decided(db: Session, review: Review, approved: bool, now: dt.datetime, settings: Settings) -> None:
    unit = db.get(Unit, review.unit_id)
    if approved and unit is not None:
        set_flag(unit, FILED_FLAG, review.payload.get(M.FILING_DETAILS["unit_name"]))


# The manual reviews this module decides (review_decisions.MODULES lists this module).
DECISIONS = {"hgr_filing": reviews.Decision(M.FILING_KIND, _filing_decided)}
