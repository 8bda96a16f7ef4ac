"""`create_app(settings)`: builds one portal instance. Every module in `routers/` is mounted
(CSRF-checked); every module in `testapi/` is mounted only with ``--test-api``."""

from __future__ import annotations

import importlib
import logging
import pkgutil
import secrets
import traceback
from pathlib import Path
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException

from mock_portal import __version__, markup_plain, routers, sessions, testapi
from mock_portal.clock import Clock
from mock_portal.db import init_db
from mock_portal.messages import auth as M
from mock_portal.models.accounts import Account
from mock_portal.settings import Settings
from mock_portal.templating import render
from mock_portal.web import COOKIE, CsrfRefused, Forbidden, LoginRequired, csrf_protect

log = logging.getLogger("mock_portal")
# Requests that are not page views never load (and so never time out or replace) the web session: a browser's
# own /favicon.ico request, arriving after the idle period, would otherwise end the session and take the
# "您已自动退出" notice away from the page the user reloads.
NO_SESSION_PREFIXES = ("/__test__", "/static", "/healthz", "/favicon.ico")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; form-action 'self'; frame-ancestors 'none'",
}


# Tests switch this guard off to show that their check fails without it.
NO_STORE_OFF: set[str] = set()


def _modules(package):
    for mod in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        yield importlib.import_module(f"{package.__name__}.{mod.name}")


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(
        title="科学技术部政务服务平台（模拟）", version=__version__, docs_url=None, redoc_url=None, openapi_url=None
    )
    engine, maker = init_db(settings.db_path)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = maker
    if settings.sms_outbox:
        from mock_portal.services.sms import install_outbox

        install_outbox(maker, settings.sms_outbox)
    app.state.clock = Clock()
    app.state.faults = set(settings.fault_profiles)

    for module in _modules(routers):
        app.include_router(module.router, dependencies=[Depends(csrf_protect)])
    if settings.test_api:
        for module in _modules(testapi):
            app.include_router(module.router, prefix="/__test__")
    static = markup_plain.PlainStaticFiles if settings.markup == "plain" else StaticFiles
    app.mount("/static", static(directory=Path(__file__).parent / "static"), name="static")
    _install_session_middleware(app)
    _install_error_pages(app)
    return app


def _load_session(app, request: Request) -> None:
    settings: Settings = app.state.settings
    now = app.state.clock.now()
    with app.state.sessionmaker() as db:
        ws, timed_out = sessions.load(
            db,
            request.cookies.get(COOKIE),
            now,
            settings.idle_timeout_minutes,
            app.state.last_seen,
            settings.absolute_timeout_hours or None,
        )
        request.state.cookie = None
        if ws is None:
            ws = sessions.new_session(db, now, request.headers.get("user-agent", ""))
            request.state.cookie = ws.id
        if db.dirty or db.new or db.deleted:  # most page views only read (last_seen_at is throttled)
            db.commit()
    request.state.web_session = ws
    request.state.idle_timed_out = timed_out
    request.state.user = None


class WebSessionMiddleware:
    """Loads the web session (cookie) before the routes run, sets or deletes the cookie and adds the
    security headers to every response; answers an unhandled error with the error page.

    A plain ASGI middleware: Starlette's ``@app.middleware("http")`` (BaseHTTPMiddleware) runs the rest
    of the app in a task of its own and streams the response through a memory channel, for every request."""

    def __init__(self, app, portal: FastAPI) -> None:
        self.app = app
        self.portal = portal
        self.https = portal.state.settings.https

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if not scope["path"].startswith(NO_SESSION_PREFIXES):
            await run_in_threadpool(_load_session, self.portal, request)
        started = False

        async def send_with_headers(message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                cookie = getattr(request.state, "cookie", None)
                if cookie is not None:
                    jar = Response()
                    if cookie:
                        jar.set_cookie(COOKIE, cookie, httponly=True, samesite="lax", secure=self.https, path="/")
                    else:
                        jar.delete_cookie(COOKIE, path="/")
                    for key, value in jar.raw_headers:
                        if key == b"set-cookie":
                            headers.append("set-cookie", value.decode("latin-1"))
                for key, value in SECURITY_HEADERS.items():
                    headers.setdefault(key, value)
                if not scope["path"].startswith("/static") and "no-store" not in NO_STORE_OFF:
                    # ASVS V8.2.1: no page (they carry names, ID numbers, phones) stays in a shared
                    # computer's browser or proxy cache; only the static files are cacheable.
                    headers["Cache-Control"] = "no-store"
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:  # noqa: BLE001 - answered here so no server log repeats its trace
            if started:
                raise
            await _server_error_page(request, exc)(scope, receive, send_with_headers)


def _install_session_middleware(app: FastAPI) -> None:
    app.state.last_seen = sessions.LastSeen()
    app.add_middleware(WebSessionMiddleware, portal=app)


def _where(exc: BaseException) -> str:
    """file:line of the innermost frame of the portal's own code that raised `exc`."""
    place = "?"
    for frame in traceback.extract_tb(exc.__traceback__):
        if "mock_portal" in frame.filename:
            place = f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"
    return place


def _error_page(request: Request, status: int, message: str):
    ws = getattr(request.state, "web_session", None)
    if ws is None:
        from fastapi.responses import JSONResponse

        return JSONResponse({"detail": message}, status_code=status)
    # The route's database session is closed (and rolled back) by now: the page frame's user is
    # read again in a session of its own, so an error page never fails on a detached row.
    with request.app.state.sessionmaker() as db:
        request.state.user = db.get(Account, ws.account_id) if ws.account_id else None
        return render(request, "errors/error.html", status_code=status, message=message)


def _install_error_pages(app: FastAPI) -> None:
    page = _error_page

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _exc):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        timed_out = getattr(request.state, "idle_timed_out", False)
        reason = timed_out if timed_out in ("idle", "absolute") else "login"
        return RedirectResponse(f"/login?reason={reason}&next={quote(target)}", status_code=303)

    @app.exception_handler(CsrfRefused)
    async def csrf_refused(request: Request, _exc):
        # A forged cross-site post arrives without the SameSite=Lax session cookie, so the request got a
        # fresh anonymous session: sending its cookie back would replace the user's own and log them out.
        # A refused request changes nothing, the browser's cookie included.
        request.state.cookie = None
        return page(request, 403, M.CSRF_REFUSED)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden):
        return page(request, 403, exc.message or M.FORBIDDEN)

    @app.exception_handler(OverflowError)
    async def id_out_of_range(request: Request, _exc):
        """An id beyond SQLite's 64-bit integers names no object: the not-found page."""
        return page(request, 404, M.NOT_FOUND)

    @app.exception_handler(RequestValidationError)
    async def bad_input(request: Request, _exc):
        return page(request, 400, "提交的内容格式不正确，请返回检查后重新提交")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code in (302, 303) and exc.headers:
            return RedirectResponse(exc.headers["Location"], status_code=exc.status_code)
        if exc.status_code == 404:
            return page(request, 404, M.NOT_FOUND)
        return page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        return _server_error_page(request, exc)


def _server_error_page(request: Request, exc: Exception):
    incident = secrets.token_hex(4).upper()
    # Type and place only: an exception's message or a full trace can carry secrets or SMS codes.
    log.error(
        "incident %s on %s %s: %s at %s", incident, request.method, request.url.path, type(exc).__name__, _where(exc)
    )
    return _error_page(request, 500, M.SERVER_ERROR.format(incident=incident))
