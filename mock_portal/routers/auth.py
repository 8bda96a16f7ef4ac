"""用户登录 (自然人 / 法人), the image captcha, 退出登录 and 修改密码 (incl. an expired password)."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from mock_portal import sessions
from mock_portal.messages import auth as M
from mock_portal.models.accounts import Account
from mock_portal.services import captcha, login
from mock_portal.templating import render
from mock_portal.web import (
    Db,
    LoginRequired,
    MaybeUser,
    now_of,
    session_row,
    settings_of,
    switch_session,
)

router = APIRouter()


def safe_next(value: str | None) -> str:
    """Only same-site relative paths are followed after login."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


def issue_captcha(request: Request, db: Session, ws) -> None:
    """A new answer for this browser's session (committed with the request, before the page or image
    that shows it is sent); with `serve --captcha-outbox` also written to the captcha log once committed."""
    settings = settings_of(request)
    ws.captcha_answer = captcha.new_answer(settings.staging_captcha)
    if settings.captcha_outbox:
        captcha.log_when_committed(db, settings.captcha_outbox, ws.id, ws.captcha_answer, now_of(request))


def login_page(request: Request, db: Session, status_code: int = 200, **ctx):
    issue_captcha(request, db, session_row(request, db))
    ctx.setdefault("next", request.query_params.get("next", ""))
    return render(request, "auth/login.html", status_code=status_code, captcha_nonce=secrets.token_hex(4), **ctx)


@router.get("/login")
def show_login(request: Request, db: Db, reason: str = "", changed: str = ""):
    notice = (
        M.IDLE_LOGGED_OUT
        if reason == "idle"
        else M.PASSWORD_CHANGED
        if changed
        else (M.LOGGED_OUT if reason == "logout" else M.SESSION_EXPIRED if reason == "absolute" else "")
    )
    if reason == "login" and not notice:
        notice = M.LOGIN_REQUIRED
    return login_page(request, db, notice=notice, login_type=request.query_params.get("type", "natural"))


@router.get("/captcha.png")
@router.get("/captcha.svg")  # the former address; now also the PNG
def captcha_image(request: Request, db: Db, new: str = ""):
    ws = session_row(request, db)
    if new or not ws.captcha_answer:
        issue_captcha(request, db, ws)
    return Response(captcha.png(ws.captcha_answer), media_type="image/png", headers={"Cache-Control": "no-store"})


@router.post("/login")
def do_login(
    request: Request,
    db: Db,
    login_name: str = Form(""),
    password: str = Form(""),
    captcha_code: str = Form("", alias="captcha"),
    login_type: str = Form("natural"),
    next: str = Form(""),
):
    ws = session_row(request, db)
    expected, ws.captcha_answer = ws.captcha_answer, None  # a code is good for one try only
    # Committed now: the code stays spent whatever follows, and login.authenticate counts the try through a
    # connection of its own (services/throttle.py), which would wait for this session's write lock.
    db.commit()
    again = {"login_name": login_name[:64], "login_type": login_type, "next": next}
    if not login_name.strip():
        return login_page(request, db, 422, error=M.LOGIN_NAME_REQUIRED, **again)
    if not password:
        return login_page(request, db, 422, error=M.PASSWORD_REQUIRED, **again)
    if not captcha_code.strip():
        return login_page(request, db, 422, error=M.CAPTCHA_REQUIRED, **again)
    if not captcha.matches(expected, captcha_code):
        return login_page(request, db, 422, error=M.BAD_CAPTCHA, **again)
    settings, now = settings_of(request), now_of(request)
    result = login.authenticate(db, login_name, password, login_type, now, settings)
    if result.expired:
        ws.data = {**(ws.data or {}), "pwchange_account": result.account.id}
        return login_page(request, db, 422, error=result.error, expired=True, **again)
    if result.error:
        return login_page(request, db, 422, error=result.error, **again)
    new_ws = sessions.rotate(db, ws, now, result.account.id)
    switch_session(request, new_ws)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, db: Db):
    ws = session_row(request, db)
    if ws is not None:
        db.delete(ws)
    switch_session(request, None)
    return RedirectResponse("/login?reason=logout", status_code=303)


def _password_subject(request: Request, db: Session, user: Account | None) -> Account | None:
    if user is not None:
        return user
    pending = (request.state.web_session.data or {}).get("pwchange_account")
    return db.get(Account, pending) if pending else None


@router.get("/password/change")
def show_change_password(request: Request, db: Db, user: MaybeUser):
    account = _password_subject(request, db, user)
    if account is None:
        raise LoginRequired()  # the login page says why (idle timeout or not logged in) and returns here
    return render(
        request,
        "auth/change_password.html",
        login_name=account.login_name,
        rule_hint=login.rule_hint(settings_of(request)),
    )


@router.post("/password/change")
def change_password(
    request: Request,
    db: Db,
    user: MaybeUser,
    old_password: str = Form(""),
    new_password: str = Form(""),
    confirm_password: str = Form(""),
):
    account = _password_subject(request, db, user)
    if account is None:
        return RedirectResponse("/login?reason=login", status_code=303)
    settings = settings_of(request)
    error = login.change_password(db, account, old_password, new_password, confirm_password, now_of(request), settings)
    if error:
        return render(
            request,
            "auth/change_password.html",
            status_code=422,
            error=error,
            login_name=account.login_name,
            rule_hint=login.rule_hint(settings),
        )
    sessions.end_all_for(db, account.id)
    ws = session_row(request, db)
    if ws is not None:
        db.delete(ws)
    switch_session(request, None)
    return RedirectResponse("/login?changed=1", status_code=303)
