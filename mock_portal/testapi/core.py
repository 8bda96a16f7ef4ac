"""Control plane core: reset, seed accounts and units, log a browser in, read the captcha
and the SMS outbox, move the clock, switch fault profiles, decide reviews."""

from __future__ import annotations

import datetime as dt

from fastapi import HTTPException, Request
from pydantic import BaseModel, Field
from sqlalchemy import select

from mock_portal import sessions
from mock_portal.clock import add_working_days
from mock_portal.models.accounts import Account, Unit
from mock_portal.models.base import Base
from mock_portal.models.reviews import Review, Reviewer
from mock_portal.models.web import AuditEvent, WebSession
from mock_portal.services import passwords, review_decisions, reviews, sms
from mock_portal.testapi import guarded_router
from mock_portal.web import Db, now_of, settings_of

router = guarded_router()


class UnitIn(BaseModel):
    name: str
    credit_code: str
    unit_type: str = "企业法人"
    realname_status: str = "passed"
    basic_info: dict = Field(default_factory=dict)
    other_info: dict = Field(default_factory=dict)
    flags: dict = Field(default_factory=dict)


class AccountIn(BaseModel):
    kind: str = "natural"
    login_name: str
    password: str
    name: str = ""
    id_type: str = "居民身份证"
    id_number: str | None = None
    phone: str | None = None
    realname_status: str = "passed"
    password_age_days: int = 0
    profile: dict = Field(default_factory=dict)
    unit: UnitIn | None = None
    unit_id: int | None = None
    active: bool = True


def account_json(a: Account) -> dict:
    return {
        "id": a.id,
        "login_name": a.login_name,
        "kind": a.kind,
        "name": a.name,
        "phone": a.phone,
        "id_number": a.id_number,
        "realname_status": a.realname_status,
        "unit_id": a.unit_id,
        "unit_name": a.unit.name if a.unit else None,
        "profile": a.profile,
    }


@router.post("/reset")
def reset(request: Request):
    engine = request.app.state.engine
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())
    request.app.state.faults = set(request.app.state.settings.fault_profiles)
    return {"ok": True}


@router.post("/units")
def seed_unit(body: UnitIn, request: Request, db: Db):
    unit = Unit(created_at=now_of(request), **body.model_dump())
    db.add(unit)
    db.flush()  # unit.id
    return {"id": unit.id, "name": unit.name, "credit_code": unit.credit_code}


@router.post("/accounts")
def seed_account(body: AccountIn, request: Request, db: Db):
    now = now_of(request)
    unit_id = body.unit_id
    if body.unit is not None:
        unit = Unit(created_at=now, **body.unit.model_dump())
        db.add(unit)
        db.flush()
        unit_id = unit.id
    account = Account(
        login_name=body.login_name,
        password_hash=passwords.hash_password(body.password),
        password_changed_at=now - dt.timedelta(days=body.password_age_days),
        kind=body.kind,
        name=body.name,
        id_type=body.id_type,
        id_number=body.id_number,
        phone=body.phone,
        realname_status=body.realname_status,
        unit_id=unit_id,
        profile=body.profile,
        active=body.active,
        created_at=now,
    )
    db.add(account)
    db.flush()
    db.refresh(account)
    return account_json(account)


@router.get("/accounts/{login_name}")
def get_account(login_name: str, db: Db):
    account = db.scalars(select(Account).where(Account.login_name == login_name)).first()
    if account is None:
        raise HTTPException(404, "no such account")
    return account_json(account)


class SessionIn(BaseModel):
    login_name: str | None = None
    reviewer: str | None = None


@router.post("/sessions")
def open_session(body: SessionIn, request: Request, db: Db):
    """A logged-in web session for a browser context to carry as its cookie (no UI login)."""
    account_id = None
    if body.login_name:
        account = db.scalars(select(Account).where(Account.login_name == body.login_name)).first()
        if account is None:
            raise HTTPException(404, "no such account")
        account_id = account.id
    ws = sessions.new_session(db, now_of(request), "test-api", account_id=account_id)
    ws.reviewer = body.reviewer
    return {"cookie": "MOSTSESSION", "session_id": ws.id}


@router.get("/captcha/{session_id}")
def captcha_answer(session_id: str, db: Db):
    ws = db.get(WebSession, session_id)
    if ws is None or not ws.captcha_answer:
        raise HTTPException(404, "no captcha for this session")
    return {"answer": ws.captcha_answer}


class ClockIn(BaseModel):
    days: float = 0
    hours: float = 0
    minutes: float = 0
    working_days: int = 0


@router.get("/clock")
def read_clock(request: Request):
    return {"now": now_of(request).isoformat()}


@router.post("/clock/advance")
def advance_clock(body: ClockIn, request: Request):
    clock = request.app.state.clock
    delta = dt.timedelta(days=body.days, hours=body.hours, minutes=body.minutes)
    if body.working_days:
        now = clock.now()
        target = add_working_days(now.date(), body.working_days)
        delta += dt.datetime.combine(target, now.time()) - now
    return {"now": clock.advance(delta).isoformat()}


@router.get("/sms")
def read_sms(db: Db, phone: str | None = None):
    return [{"phone": m.phone, "text": m.text, "sent_at": m.sent_at.isoformat()} for m in sms.outbox(db, phone)]


class FaultsIn(BaseModel):
    profiles: list[str]


@router.put("/faults")
def set_faults(body: FaultsIn, request: Request):
    request.app.state.faults = set(body.profiles)
    return {"profiles": sorted(request.app.state.faults)}


@router.get("/faults")
def get_faults(request: Request):
    return {"profiles": sorted(request.app.state.faults)}


def review_json(r: Review) -> dict:
    return {
        "id": r.id,
        "kind": r.kind,
        "status": r.status,
        "title": r.title,
        "account_id": r.account_id,
        "unit_id": r.unit_id,
        "phone": r.phone,
        "payload": r.payload,
        "reason": r.reason,
        "due_date": r.due_date.isoformat(),
    }


@router.get("/reviews")
def list_reviews(db: Db, kind: str | None = None, account_id: int | None = None, unit_id: int | None = None):
    q = select(Review).order_by(Review.id)
    if kind:
        q = q.where(Review.kind == kind)
    if account_id is not None:
        q = q.where(Review.account_id == account_id)
    if unit_id is not None:
        q = q.where(Review.unit_id == unit_id)
    return [review_json(r) for r in db.scalars(q)]


class DecisionIn(BaseModel):
    approve: bool
    reason: str = ""


@router.post("/reviews/{review_id}/decide")
def decide_review(review_id: int, body: DecisionIn, request: Request, db: Db):
    review = db.get(Review, review_id)
    if review is None:
        raise HTTPException(404, "no such review")
    try:
        review_decisions.decide(
            db, review, body.approve, body.reason, now_of(request), settings_of(request), by="test-api"
        )
    except reviews.ReviewError as exc:
        raise HTTPException(409, str(exc)) from exc
    return review_json(review)


class ReviewerIn(BaseModel):
    username: str
    password: str
    display_name: str = "审核员"


@router.post("/reviewers")
def seed_reviewer(body: ReviewerIn, db: Db):
    db.merge(
        Reviewer(
            username=body.username, password_hash=passwords.hash_password(body.password), display_name=body.display_name
        )
    )
    return {"username": body.username}


@router.get("/audit")
def read_audit(db: Db, login_name: str | None = None):
    q = select(AuditEvent).order_by(AuditEvent.id)
    if login_name:
        q = q.where(AuditEvent.login_name == login_name)
    return [
        {"at": e.at.isoformat(), "login_name": e.login_name, "event": e.event, "result": e.result}
        for e in db.scalars(q)
    ]
