"""实名认证 (FAQ-1.8.1/1.8.2): the automatic check against the mock identity registry when the
information is complete, the upload path to a manual review when it fails, and what the back
office's decision does (status + SMS). Subjects: natural (自然人), legal (法人单位), agent (主代办人)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.messages import identity as M
from mock_portal.messages import review as RM
from mock_portal.models.accounts import Account, Unit
from mock_portal.models.identity import PERSON, UNIT, RegistryIdentity
from mock_portal.models.reviews import Review
from mock_portal.services import reviews, sms, uploads
from mock_portal.settings import Settings

SUBJECTS = ("natural", "legal", "agent")
KINDS = {"natural": "realname_natural", "legal": "realname_legal", "agent": "realname_agent"}


def registry_match(db: Session, kind: str, number: str | None, name: str | None) -> bool:
    if not number or not name:
        return False
    row = db.scalars(
        select(RegistryIdentity).where(RegistryIdentity.kind == kind, RegistryIdentity.number == number)
    ).first()
    return row is not None and row.name == name


def _judge(current: str, complete: bool, matched: bool) -> str:
    if current == "passed":
        return current
    if not complete:
        return "none"
    return "passed" if matched else "failed"


def auto_check_natural(db: Session, account: Account) -> str:
    complete = bool(account.name and account.id_number)
    account.realname_status = _judge(
        account.realname_status, complete, registry_match(db, PERSON, account.id_number, account.name)
    )
    return account.realname_status


def auto_check_unit(db: Session, unit: Unit) -> str:
    unit.realname_status = _judge(unit.realname_status, True, registry_match(db, UNIT, unit.credit_code, unit.name))
    return unit.realname_status


def set_agent_status(account: Account, status: str) -> None:
    """The 主代办人's status: on the account, mirrored in profile["agent_realname_status"] (read by Torch)."""
    account.realname_status = status
    account.profile = {**(account.profile or {}), "agent_realname_status": status}


def auto_check_agent(db: Session, account: Account) -> str:
    number = (account.profile or {}).get("agent_id_number")
    set_agent_status(
        account,
        _judge(
            account.realname_status, bool(account.name and number), registry_match(db, PERSON, number, account.name)
        ),
    )
    return account.realname_status


def status_of(subject: str, account: Account) -> str:
    if subject == "legal":
        return account.unit.realname_status if account.unit else "none"
    return account.realname_status


def status_text(subject: str, status: str) -> str:
    return M.STATUS_TEXT.get(status, M.STATUS_TEXT["none"]).format(label=M.REALNAME_LABELS[subject])


def pending_review(db: Session, subject: str, account: Account) -> Review | None:
    q = select(Review).where(Review.kind == KINDS[subject], Review.status == "pending")
    q = q.where(Review.unit_id == account.unit_id) if subject == "legal" else q.where(Review.account_id == account.id)
    return db.scalars(q.order_by(Review.id.desc())).first()


class RealnameError(ValueError):
    pass


def submit_documents(
    db: Session, subject: str, account: Account, files: list[tuple[str, bytes]], now: dt.datetime, settings: Settings
) -> Review:
    """上传…信息: only after a failed automatic check; stores the files and opens a review."""
    if status_of(subject, account) != "failed":
        raise RealnameError(M.NOT_FAILED)
    files = [(name, content) for name, content in files if name or content]
    if not files:
        raise RealnameError(RM.UPLOAD_MISSING.format(slot=M.UPLOAD_SLOT[subject]))
    try:
        stored = [uploads.store(db, settings, name, content, now, account_id=account.id) for name, content in files]
    except uploads.UploadError as exc:
        raise RealnameError(str(exc)) from exc
    db.flush()
    label = M.REALNAME_LABELS[subject]
    who = account.unit.name if subject == "legal" and account.unit else account.name
    review = reviews.submit(
        db,
        KINDS[subject],
        RM.QUEUE_TITLE.format(label=label, who=who),
        now,
        account_id=account.id,
        unit_id=account.unit_id,
        phone=account.phone,
        payload={"subject": subject},
        upload_ids=[u.id for u in stored],
    )
    if subject == "legal":
        account.unit.realname_status = "pending"
    elif subject == "agent":
        set_agent_status(account, "pending")
    else:
        account.realname_status = "pending"
    return review


def _decided(subject: str):
    def handler(db: Session, review: Review, approved: bool, now: dt.datetime, _settings: Settings) -> None:
        status = "passed" if approved else "failed"
        if subject == "legal":
            unit = db.get(Unit, review.unit_id)
            if unit is not None:
                unit.realname_status = status
        else:
            account = db.get(Account, review.account_id)
            if account is not None and subject == "agent":
                set_agent_status(account, status)
            elif account is not None:
                account.realname_status = status
        label = M.REALNAME_LABELS[subject]
        text = (
            M.SMS_PASSED.format(label=label) if approved else M.SMS_REJECTED.format(label=label, reason=review.reason)
        )
        if review.phone:
            sms.send(db, review.phone, text, now)

    return handler


# The manual reviews this module decides (review_decisions.MODULES lists this module).
DECISIONS = {KINDS[s]: reviews.Decision(M.REALNAME_LABELS[s], _decided(s)) for s in SUBJECTS}
