"""Jinja2 rendering with the page frame's context (user, CSRF token, hints).

Domains add template context through ``CONTEXT_HOOKS`` (functions of the request returning a dict).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from mock_portal import markup_plain

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
# Templates are compiled once per process and kept: no stat() of every template file (base, macros,
# page) on each render to look for edits. A running portal does not pick up template edits; restart it.
TEMPLATES.env.auto_reload = False
CONTEXT_HOOKS: list[Callable[[Request], dict]] = []


def render(request: Request, name: str, status_code: int = 200, **context):
    ws = request.state.web_session
    ctx = {
        "request": request,
        "user": getattr(request.state, "user", None),
        "reviewer": ws.reviewer,
        "csrf_token": ws.csrf_token,
        "portal_version": request.app.version,
    }
    for hook in CONTEXT_HOOKS:
        ctx.update(hook(request))
    ctx.update(context)
    response = TEMPLATES.TemplateResponse(request, name, ctx, status_code=status_code)
    if request.app.state.settings.markup == "plain":
        markup_plain.apply(response)
    if request.app.state.settings.test_api:  # lets the suite's accessibility crawl report template coverage
        response.headers["X-Portal-Template"] = name
    return response
