"""Browser-support policy: the portal is built for the latest Google Chrome (the real portal says
"建议使用谷歌浏览器最新版"). Current Chrome/Chromium is recognised by its User-Agent; every other
or outdated browser gets a dismissible hint in the page frame (templates/partials/browser_hint.html)."""

from __future__ import annotations

import re

from fastapi import Request

from mock_portal.templating import CONTEXT_HOOKS

HINT = "建议使用谷歌浏览器最新版"
# Chrome majors older than this count as outdated (Chrome ships a major about every 4 weeks).
MIN_CHROME_MAJOR = 120
_CHROME = re.compile(r"(?:HeadlessChrome|Chrome|Chromium)/(\d+)\.")
# Browsers built on Chromium that announce "Chrome/" too but are not Google Chrome.
_OTHER_BRANDS = (
    "Edg/",
    "Edge/",
    "EdgA/",
    "OPR/",
    "Opera",
    "SamsungBrowser",
    "QQBrowser",
    "MetaSr",
    "360SE",
    "360EE",
    "UCBrowser",
    "YaBrowser",
    "Vivaldi",
    "Firefox/",
    "MSIE",
    "Trident/",
)


def chrome_major(user_agent: str) -> int | None:
    """The Chrome major version announced by the User-Agent, or None when it is not Chrome."""
    if not user_agent or any(brand in user_agent for brand in _OTHER_BRANDS):
        return None
    match = _CHROME.search(user_agent)
    return int(match.group(1)) if match else None


def is_current_chrome(user_agent: str) -> bool:
    major = chrome_major(user_agent)
    return major is not None and major >= MIN_CHROME_MAJOR


def user_agent_of(request: Request) -> str:
    return request.headers.get("user-agent", "")


def request_is_current_chrome(request: Request) -> bool:
    return is_current_chrome(user_agent_of(request))


def hint_context(request: Request) -> dict:
    """Page-frame context: the hint text for browsers the portal does not fully support."""
    return {"browser_hint": None if request_is_current_chrome(request) else HINT}


if hint_context not in CONTEXT_HOOKS:
    CONTEXT_HOOKS.append(hint_context)
