"""忘记密码 (/recovery): the three ways back in, and 登录名重置密码 by SMS code."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from mock_portal import faults
from mock_portal.messages import browser as browser_messages
from mock_portal.messages import recovery as M
from mock_portal.models.accounts import Account
from mock_portal.services import login, recovery, sms
from mock_portal.templating import render
from mock_portal.web import Db, now_of, session_row, settings_of

router = APIRouter(prefix="/recovery")
STATE_KEY = "reset_account"


@router.get("")
def choose(request: Request):
    return render(request, "recovery/index.html", ways=M)


@router.get("/reset")
def show_lookup(request: Request):
    return render(request, "recovery/reset_lookup.html")


@router.post("/reset")
def do_lookup(request: Request, db: Db, login_name: str = Form("")):
    try:
        account = recovery.lookup(db, login_name)
    except recovery.RecoveryError as exc:
        appeals = str(exc) in (M.UNKNOWN_LOGIN_NAME, M.NO_RESERVED_PHONE)
        return render(
            request,
            "recovery/reset_lookup.html",
            status_code=422,
            error=str(exc),
            login_name=login_name[:64],
            show_appeals=appeals,
            ways=M,
        )
    ws = session_row(request, db)
    ws.data = {**(ws.data or {}), STATE_KEY: account.id}
    return RedirectResponse("/recovery/reset/verify", status_code=303)


def _subject(request: Request, db: Session) -> Account | None:
    account_id = (request.state.web_session.data or {}).get(STATE_KEY)
    return db.get(Account, account_id) if account_id else None


def _reset_page(request: Request, account: Account, status_code: int = 200, **ctx):
    return render(
        request,
        "recovery/reset.html",
        status_code=status_code,
        account=account,
        rule_hint=login.rule_hint(settings_of(request)),
        **ctx,
    )


@router.get("/reset/verify")
def show_reset(request: Request, db: Db):
    account = _subject(request, db)
    if account is None:
        return RedirectResponse("/recovery/reset", status_code=303)
    return _reset_page(request, account)


@router.post("/reset/verify")
def do_reset(
    request: Request,
    db: Db,
    action: str = Form("reset"),
    code: str = Form(""),
    new_password: str = Form(""),
    confirm_password: str = Form(""),
):
    account = _subject(request, db)
    if account is None:
        return render(request, "recovery/reset_lookup.html", status_code=422, error=M.RESET_EXPIRED)
    settings, now = settings_of(request), now_of(request)
    if action == "code":
        try:
            notice = recovery.send_code(db, account, now, settings)
        except sms.SmsCodeError as exc:
            return _reset_page(request, account, 422, error=str(exc), code=code[:6])
        return _reset_page(request, account, notice=notice)
    if faults.legacy_browser(request):
        # Fault legacy-browser (FAQ-1.2.2): in a non-Chrome browser the reset fails and is not applied.
        return _reset_page(request, account, 422, error=browser_messages.RESET_FAILED, code=code[:6])
    try:
        recovery.reset(
            db, account, code, new_password, confirm_password, now, settings, keep_session=request.state.web_session.id
        )
    except (recovery.RecoveryError, sms.SmsCodeError) as exc:
        return _reset_page(request, account, 422, error=str(exc), code=code[:6])
    ws = session_row(request, db)
    ws.data = {k: v for k, v in (ws.data or {}).items() if k != STATE_KEY}
    return render(request, "recovery/reset_done.html", notice=M.RESET_DONE)
