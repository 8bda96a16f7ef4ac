"""Per-request plumbing: the database session, the web session (cookie), CSRF and login checks.

Routes are plain `def` functions; they get what they need through the aliases declared here:
``db: Db`` (the request's database session, see get_db for the transaction rule), ``user: CurrentUser``
(the signed-in account, else a redirect to the login page) or ``user: MaybeUser`` (the account or None).
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from mock_portal.models.accounts import Account
from mock_portal.models.web import WebSession
from mock_portal.settings import Settings

COOKIE = "MOSTSESSION"


class LoginRequired(Exception):
    """Raised by require_user; the app turns it into a redirect to the login page."""


class CsrfRefused(Exception):
    pass


class Forbidden(Exception):
    """A refusal page (403): the object belongs to someone else or the role is missing."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.message = message


async def get_db(request: Request):
    """One database session per request. The transaction rule of the whole portal:

    the session is committed when the route function returns normally, and rolled back when it
    raises (a refusal such as Forbidden or LoginRequired, an HTTPException, an error); both happen
    before the response is sent, so the page, the redirect and the browser's next request all see
    the committed state (tests/unit/test_transaction_rule.py). A route therefore does not commit by
    hand, except to keep something that the rollback of a refusal it raises would undo (a counted
    wrong try, an audit row, what entering a system recorded), or before a service writes through a
    connection of its own (services/throttle.py), which would otherwise wait for this session's lock.

    Declared once, as the ``Db`` alias below, with ``scope="function"``: with FastAPI's default
    ("request") scope the commit would run after the response is sent, so a browser following a
    redirect could read the state from before the commit.

    An async generator: opening a Session does no I/O (it connects on first use), so only the end
    (commit or rollback, close) goes to a worker thread, once, instead of two thread hops per request."""
    db: Session = request.app.state.sessionmaker()
    try:
        yield db
    except Exception as exc:
        await run_in_threadpool(_end_db, db, exc)
        raise
    except BaseException:  # cancelled: no await here
        db.close()
        raise
    await run_in_threadpool(_end_db, db, None)


Db = Annotated[Session, Depends(get_db, scope="function")]


def _end_db(db: Session, failure: Exception | None) -> None:
    try:
        if failure is None:
            db.commit()
        else:
            if isinstance(failure, Forbidden):
                db.expunge_all()  # a refusal page still shows who is logged in (no expired, detached user)
            db.rollback()
    except Exception:
        db.rollback()
        raise
    finally:
        db.close()


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def now_of(request: Request):
    return request.app.state.clock.now()


def web_session(request: Request) -> WebSession:
    return request.state.web_session


def current_user(request: Request, db: Db) -> Account | None:
    ws: WebSession = request.state.web_session
    if ws.account_id is None:
        return None
    account = db.get(Account, ws.account_id)
    request.state.user = account
    return account


MaybeUser = Annotated[Account | None, Depends(current_user)]


async def require_user(request: Request, user: MaybeUser) -> Account:
    # async: no I/O here, so no thread hop for it
    if user is None:
        raise LoginRequired()
    return user


CurrentUser = Annotated[Account, Depends(require_user)]


async def csrf_protect(request: Request) -> None:
    """Every state-changing request must carry the session's CSRF token (form field or header)."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    token = request.headers.get("x-csrf-token")
    if token is None:
        ctype = request.headers.get("content-type", "")
        if ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            token = form.get("csrf_token")
    expected = request.state.web_session.csrf_token
    if not token or not isinstance(token, str) or not secrets.compare_digest(token.encode(), expected.encode()):
        raise CsrfRefused()


def session_row(request: Request, db: Session) -> WebSession:
    """The current web session attached to `db`, for routes that change it."""
    return db.get(WebSession, request.state.web_session.id)


def switch_session(request: Request, ws: WebSession) -> None:
    """After login/logout: the response carries the new session id (or deletes the cookie)."""
    request.state.web_session = ws
    request.state.cookie = ws.id if ws is not None else ""
