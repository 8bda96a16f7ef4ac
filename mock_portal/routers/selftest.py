"""平台自检 (/selftest): a liveness page for operators. With the ``internal-error`` fault profile
on it fails inside, carrying secret-looking details, so that tests can prove the generic error
page and the log never show stack traces, secrets or SMS codes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse

router = APIRouter()
FAULT = "internal-error"
# What an unguarded error page or log line would leak: must never reach a user or the log.
LEAKY_DETAIL = "db_password=Zx9-secret-2026 短信验证码 604231 at /srv/portal/app.py line 42"


class SelfTestFailure(RuntimeError):
    pass


@router.get("/selftest", response_class=PlainTextResponse)
def selftest(request: Request):
    if FAULT in request.app.state.faults:
        raise SelfTestFailure(LEAKY_DETAIL)
    return PlainTextResponse("ok")
