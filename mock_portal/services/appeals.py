"""申诉找回密码 (自然人 / 单位法人用户): the appeal is matched to an account, verified by an SMS
code, carries two documents, and waits for a manual review. Approval sends the login name and a
new password to the phone that received the code; rejection sends the reason."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal import sessions
from mock_portal.messages import recovery as M
from mock_portal.messages import review as RM
from mock_portal.messages import sms as SM
from mock_portal.models.accounts import LEGAL, NATURAL, Account, Unit
from mock_portal.models.reviews import Review, Upload
from mock_portal.services import audit, identifiers, login, passwords, reviews, sms, uploads
from mock_portal.settings import Settings

PURPOSE = "appeal"
PHONE = re.compile(r"^1[3-9]\d{9}$")
NATURAL_FIELDS = M.APPEAL_NATURAL_FIELDS
LEGAL_FIELDS = M.APPEAL_LEGAL_FIELDS
SLOTS = M.APPEAL_SLOTS


class AppealError(ValueError):
    """A refusal; str(error) is the message for the user."""


@dataclass
class Document:
    filename: str
    content: bytes


def _required(form: dict, fields: dict) -> None:
    for key, label in fields.items():
        if not (form.get(key) or "").strip():
            raise AppealError(M.REQUIRED.format(label=label))
    if not PHONE.match(form["phone"].strip()):
        raise AppealError(M.BAD_PHONE)


def send_code(db: Session, phone: str, now: dt.datetime, settings: Settings) -> str:
    phone = (phone or "").strip()
    if not PHONE.match(phone):
        raise AppealError(M.BAD_PHONE)
    sms.issue_code(db, phone, PURPOSE, now, settings)
    return SM.CODE_SENT.format(masked_phone=phone[:3] + "****" + phone[-4:])


def match_natural(db: Session, form: dict) -> Account:
    _required(form, NATURAL_FIELDS)
    account = db.scalars(
        select(Account).where(Account.id_number == identifiers.normalize(form["id_number"]), Account.kind == NATURAL)
    ).first()
    if account is None or account.name != form["name"].strip():
        raise AppealError(M.NATURAL_NOT_FOUND)
    return account


def match_legal(db: Session, form: dict) -> Account:
    """The unit name as registered (a renamed unit gives its old name); 主代办人 may be anyone."""
    _required(form, LEGAL_FIELDS)
    unit = db.scalars(select(Unit).where(Unit.name == form["unit_name"].strip())).first()
    account = (
        None
        if unit is None
        else db.scalars(
            select(Account).where(Account.unit_id == unit.id, Account.kind == LEGAL).order_by(Account.id)
        ).first()
    )
    if account is None:
        raise AppealError(M.LEGAL_NOT_FOUND)
    if unit.credit_code != identifiers.normalize(form["credit_code"]):
        raise AppealError(M.CREDIT_CODE_MISMATCH)
    return account


def _store_documents(
    db: Session, settings: Settings, docs: dict[str, Document | None], now, account_id
) -> list[Upload]:
    stored = []
    try:
        for slot, label in SLOTS.items():
            doc = docs.get(slot)
            if doc is None or (not doc.filename and not doc.content):
                raise AppealError(RM.UPLOAD_MISSING.format(slot=label))
            try:
                stored.append(uploads.store(db, settings, f"{label}-{doc.filename}", doc.content, now, account_id))
            except uploads.UploadError as exc:
                raise AppealError(str(exc)) from exc
    except AppealError:
        _discard(db, settings, stored)
        raise
    return stored


def _discard(db: Session, settings: Settings, stored: list[Upload]) -> None:
    for upload in stored:
        (settings.upload_dir / upload.stored_name).unlink(missing_ok=True)
        db.expunge(upload)


def submit(
    db: Session, kind: str, form: dict, docs: dict[str, Document | None], now: dt.datetime, settings: Settings
) -> Review:
    """kind: natural or legal. Raises AppealError or sms.SmsCodeError; the code is checked last
    but before anything is kept, so a refused appeal leaves no documents behind."""
    account = match_natural(db, form) if kind == NATURAL else match_legal(db, form)
    if not (form.get("code") or "").strip():
        raise AppealError(M.CODE_REQUIRED)
    stored = _store_documents(db, settings, docs, now, account.id)
    phone = form["phone"].strip()
    try:
        sms.check_code(db, phone, PURPOSE, form["code"], now, settings)
    except sms.SmsCodeError:
        _discard(db, settings, stored)
        raise
    fields = NATURAL_FIELDS if kind == NATURAL else LEGAL_FIELDS
    payload = {label: form[key].strip() for key, label in fields.items()}
    if kind == NATURAL:
        title = M.APPEAL_TITLE.format(label=M.APPEAL_NATURAL, who=payload[NATURAL_FIELDS["name"]])
    else:
        title = M.APPEAL_TITLE.format(label=M.APPEAL_LEGAL, who=payload[LEGAL_FIELDS["unit_name"]])
    review = reviews.submit(
        db,
        f"appeal_{kind}",
        title,
        now,
        account_id=account.id,
        unit_id=account.unit_id,
        phone=phone,
        payload=payload,
        upload_ids=[u.id for u in stored],
    )
    audit.record(db, now, account.login_name, f"appeal-{kind}", "submitted", review=review.id)
    return review


def new_password(settings: Settings, login_name: str) -> str:
    """A random password that meets the portal's policy (both 等保 and ASVS)."""
    while True:
        candidate = f"Mk{secrets.token_urlsafe(9)}#{secrets.randbelow(90) + 10}"
        if not passwords.policy_violation(candidate, settings.password_policy, login_name):
            return candidate


def _decided(db: Session, review: Review, approved: bool, now: dt.datetime, settings: Settings) -> None:
    account = db.get(Account, review.account_id) if review.account_id else None
    if not approved or account is None:
        sms.send(db, review.phone, M.SMS_REJECTED.format(reason=review.reason or M.APPEAL_DEFAULT_REJECT_REASON), now)
        return
    password = new_password(settings, account.login_name)
    login.set_password(db, account, password, now)
    account.phone = review.phone
    if review.kind == "appeal_legal":  # the appeal's 主代办人 becomes the account's agent
        account.name = review.payload.get(LEGAL_FIELDS["agent_name"], account.name)
        account.profile = {
            **(account.profile or {}),
            "agent_id_number": identifiers.normalize(review.payload.get(LEGAL_FIELDS["agent_id_number"])),
        }
    sessions.end_all_for(db, account.id)
    audit.record(db, now, account.login_name, review.kind.replace("_", "-"), "approved", review=review.id)
    sms.send(db, review.phone, M.SMS_APPROVED.format(login_name=account.login_name, password=password), now)


def natural_decided(db, review, approved, now, settings) -> None:
    _decided(db, review, approved, now, settings)


def legal_decided(db, review, approved, now, settings) -> None:
    _decided(db, review, approved, now, settings)


# The manual reviews this module decides (review_decisions.MODULES lists this module).
DECISIONS = {
    "appeal_natural": reviews.Decision(M.APPEAL_NATURAL_KIND, natural_decided),
    "appeal_legal": reviews.Decision(M.APPEAL_LEGAL_KIND, legal_decided),
}
