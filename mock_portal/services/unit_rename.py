"""单位名称变更: a verified unit cannot edit its own name on 法人单位基本信息 (it is the name 实名认证 checked).
After a change in the business registry the 法人 asks for the new name with a stamped 变更声明; the back office
approves (类型 “单位名称变更”) and the unit carries the new name from then on (FAQ-2.6: its 人类遗传资源 filing
and projects stay with the old name until it files again and asks for a migration)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.messages import unit_rename as M
from mock_portal.models.accounts import LEGAL, Account, Unit
from mock_portal.models.reviews import Review
from mock_portal.services import reviews, uploads
from mock_portal.services.registration import clean_name
from mock_portal.settings import Settings

KIND = "unit_rename"


class RenameError(ValueError):
    pass


def pending(db: Session, unit_id: int) -> Review | None:
    return next((r for r in reviews.pending(db, KIND) if r.unit_id == unit_id), None)


def request(
    db: Session, account: Account, new_name: str, files: list[tuple[str, bytes]], now: dt.datetime, settings: Settings
) -> Review:
    if account.kind != LEGAL or account.unit is None:
        raise RenameError(M.RENAME_LEGAL_ONLY)
    unit: Unit = account.unit
    name = clean_name(new_name)
    if not name:
        raise RenameError(M.RENAME_NEW_NAME_REQUIRED)
    if name == unit.name:
        raise RenameError(M.RENAME_SAME_NAME)
    if db.scalars(select(Unit.id).where(Unit.name == name, Unit.id != unit.id)).first():
        raise RenameError(M.RENAME_NAME_TAKEN)
    if pending(db, unit.id) is not None:
        raise RenameError(M.RENAME_PENDING)
    files = [(n, c) for n, c in files if n or c]
    if not files:
        raise RenameError(M.RENAME_DECLARATION_REQUIRED)
    try:
        stored = [uploads.store(db, settings, n, c, now, account_id=account.id) for n, c in files]
    except uploads.UploadError as exc:
        raise RenameError(str(exc)) from exc
    db.flush()
    return reviews.submit(
        db,
        KIND,
        M.RENAME_TITLE.format(old=unit.name, new=name),
        now,
        account_id=account.id,
        unit_id=unit.id,
        phone=account.phone,
        payload={M.RENAME_OLD_NAME: unit.name, M.RENAME_NEW_NAME: name},
        upload_ids=[u.id for u in stored],
    )


def _decided(db: Session, review: Review, approved: bool, now: dt.datetime, settings: Settings) -> None:
    unit = db.get(Unit, review.unit_id)
    new = review.payload.get(M.RENAME_NEW_NAME)
    if not approved or unit is None or not new:
        return
    if db.scalars(select(Unit.id).where(Unit.name == new, Unit.id != unit.id)).first():
        return  # taken meanwhile: the old name stays
    unit.name = new


# The manual reviews this module decides (review_decisions.MODULES lists this module).
DECISIONS = {KIND: reviews.Decision(M.RENAME_REVIEW_LABEL, _decided)}
