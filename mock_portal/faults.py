"""Fault profiles: reproduce the real portal's known symptoms on demand (off by default; on by
``--fault-profile NAME`` or the test API ``PUT /__test__/faults``).

- ``legacy-browser``: for browsers other than current Chrome only (browser_policy), 登录名重置密码
  fails (FAQ-1.2.2), 服务事项 renders empty (FAQ-1.5), the HGR unit selection loops (FAQ-2.8).
- ``garbled-registration``: the final registration response is garbled (UTF-8 bytes declared as
  ISO-8859-1) although the account WAS created; ``garbled-registration-lost``: garbled and the
  account was NOT created (FAQ-1.9.4). The registration page's 检索 lookup tells which.

Routers call the small helpers below at the exact place where the symptom lives, with a comment.
"""

from __future__ import annotations

from contextlib import contextmanager

from fastapi import Request
from fastapi.responses import Response

from mock_portal import browser_policy

LEGACY_BROWSER = "legacy-browser"
GARBLED_REGISTRATION = "garbled-registration"
GARBLED_REGISTRATION_LOST = "garbled-registration-lost"
# The charset the garbled response claims; its bytes are UTF-8, so Chinese text turns into mojibake.
WRONG_CHARSET = "iso-8859-1"


def profiles(request: Request) -> set[str]:
    return set(getattr(request.app.state, "faults", set()))


def active(request: Request, profile: str) -> bool:
    """Is the profile on for THIS request? ``legacy-browser`` only hits non-current-Chrome browsers,
    so scenarios running in (or recovering with) current Chrome stay unaffected."""
    if profile not in profiles(request):
        return False
    if profile == LEGACY_BROWSER:
        return not browser_policy.request_is_current_chrome(request)
    return True


def legacy_browser(request: Request) -> bool:
    return active(request, LEGACY_BROWSER)


def registration_garbled(request: Request) -> bool:
    """The final registration step answers garbled (both variants)."""
    return active(request, GARBLED_REGISTRATION) or active(request, GARBLED_REGISTRATION_LOST)


def registration_lost(request: Request) -> bool:
    """Variant: the final step answers garbled AND the account is not created (skip the insert)."""
    return active(request, GARBLED_REGISTRATION_LOST)


def garble(response: Response) -> Response:
    """The same body with a mis-declared charset (UTF-8 bytes labelled ISO-8859-1): what the user
    sees as 乱码. Status and other headers (cookies) are kept."""
    kept = [(k, v) for k, v in response.raw_headers if k.lower() != b"content-type"]
    response.raw_headers = kept + [(b"content-type", f"text/html; charset={WRONG_CHARSET}".encode())]
    return response


@contextmanager
def uncommitted(db):
    """Fault garbled-registration-lost: whatever the block commits is rolled back at its end, as if
    the server had failed after answering (the account is not created)."""
    db.commit = db.flush  # instance attribute shadows Session.commit for this block only
    try:
        yield
    finally:
        del db.commit
        db.rollback()
