"""用户注册 (自然人 / 法人) with the SMS code, and 检索 (is a login name / ID number registered)."""

from __future__ import annotations

from contextlib import nullcontext

from fastapi import APIRouter, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from mock_portal import faults
from mock_portal.messages import identity as M
from mock_portal.models.accounts import Account
from mock_portal.services import identifiers, sms
from mock_portal.services import registration as reg
from mock_portal.templating import render
from mock_portal.web import Db, now_of, settings_of

router = APIRouter()
KEEP = {
    "natural": ("login_name", "name", "id_type", "id_number", "phone"),
    "legal": ("unit_name", "credit_code", "unit_type", "agent_name", "phone", "login_name"),
}
APPEAL_LABELS = {reg.NATURAL_APPEAL: M.APPEAL_LINKS["natural"], reg.LEGAL_APPEAL: M.APPEAL_LINKS["legal"]}


def _form_page(request: Request, kind: str, form: dict, status_code: int = 200, **ctx):
    values = {k: str(form.get(k, ""))[:200] for k in KEEP[kind]}
    return render(
        request,
        f"registration/{kind}.html",
        status_code=status_code,
        v=values,
        id_types=reg.ID_TYPES,
        unit_types=reg.UNIT_TYPES,
        appeal_labels=APPEAL_LABELS,
        **ctx,
    )


@router.get("/register")
def choose(request: Request):
    return render(request, "registration/choose.html")


@router.get("/register/lookup")
def lookup(request: Request, db: Db, q: str = ""):
    """检索: declared before /register/{kind} so that it is not taken for a kind."""
    if not q.strip():
        asked = "q" in request.query_params
        return render(
            request,
            "registration/lookup.html",
            q="",
            error=M.LOOKUP_EMPTY if asked else "",
            status_code=422 if asked else 200,
        )
    what, found = reg.lookup(db, q)
    text = (M.LOOKUP_FOUND if found else M.LOOKUP_NOT_FOUND).format(what=what)
    return render(request, "registration/lookup.html", q=q[:64], notice=text)


@router.get("/register/{kind}")
def show_form(request: Request, kind: str):
    if kind not in KEEP:
        return render(request, "registration/choose.html")
    # Preselected: the first choice of each list (居民身份证, 企业法人).
    return _form_page(request, kind, {"id_type": reg.ID_TYPES[0], "unit_type": reg.UNIT_TYPES[0]})


def _send_code(request: Request, db: Session, kind: str, form: dict):
    phone = identifiers.normalize(form.get("phone"))
    if not identifiers.is_valid_phone(phone):
        return _form_page(request, kind, form, 422, error=M.PHONE_INVALID)
    try:
        sms.issue_code(db, phone, "register", now_of(request), settings_of(request))
    except sms.SmsCodeError as exc:
        return _form_page(request, kind, form, 422, error=str(exc))
    masked = phone[:3] + "****" + phone[-4:]
    return _form_page(request, kind, form, notice=M.CODE_SENT.format(masked_phone=masked))


@router.post("/register/{kind}")
async def submit(request: Request, kind: str, db: Db):
    if kind not in KEEP:
        return render(request, "registration/choose.html", status_code=404)
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    return await run_in_threadpool(_submit, request, db, kind, form)


def _submit(request: Request, db: Session, kind: str, form: dict):
    if form.get("action") == "send_code":
        return _send_code(request, db, kind, form)
    register = reg.register_natural if kind == "natural" else reg.register_legal
    try:
        # Fault garbled-registration-lost (FAQ-1.9.4): the account is not kept (mock_portal/faults.py).
        with faults.uncommitted(db) if faults.registration_lost(request) else nullcontext():
            account: Account = register(db, form, now_of(request), settings_of(request))
            login_name = account.login_name
    except reg.Refusal as refusal:
        return _form_page(
            request, kind, form, 422, error=refusal.message, appeal=refusal.appeal, appeal_hint=refusal.appeal_hint
        )
    done = render(request, "registration/done.html", notice=M.REGISTERED.format(login_name=login_name), kind=kind)
    # Fault garbled-registration (FAQ-1.9.4): the final answer arrives garbled (mis-declared charset).
    return faults.garble(done) if faults.registration_garbled(request) else done
