"""Site furniture: 结果公示, 平台介绍, 网站地图, 隐私声明, and the 关怀版 (large text) switch."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from mock_portal.messages import site as M
from mock_portal.templating import CONTEXT_HOOKS, render
from mock_portal.web import MaybeUser

router = APIRouter()
CARE_COOKIE = "care"


def care_context(request: Request) -> dict:
    return {"care": request.cookies.get(CARE_COOKIE) == "1"}


if care_context not in CONTEXT_HOOKS:
    CONTEXT_HOOKS.append(care_context)


def _local(path: str) -> str:
    """Only same-site paths: never an open redirect."""
    return path if path.startswith("/") and not path.startswith("//") and "\\" not in path else "/"


@router.post("/care")
def toggle_care(request: Request, next: str = Form("/")):
    response = RedirectResponse(_local(next), status_code=303)
    if care_context(request)["care"]:
        response.delete_cookie(CARE_COOKIE, path="/")
    else:
        response.set_cookie(CARE_COOKIE, "1", max_age=365 * 24 * 3600, samesite="lax", path="/")
    return response


@router.get("/results")
def results(request: Request, _user: MaybeUser):
    return render(request, "site/results.html")


@router.get("/about")
def about(request: Request, _user: MaybeUser):
    return render(request, "site/about.html", heading=M.ABOUT, body=None)


@router.get("/about/{slug}")
def about_link(slug: str, request: Request, _user: MaybeUser):
    if slug not in M.ABOUT_PAGES:
        from starlette.exceptions import HTTPException

        raise HTTPException(404)
    heading, body = M.ABOUT_PAGES[slug]
    return render(request, "site/about.html", heading=heading, body=body)


@router.get("/sitemap")
def sitemap(request: Request, _user: MaybeUser):
    return render(request, "site/sitemap.html")


@router.get("/privacy")
def privacy(request: Request, _user: MaybeUser):
    return render(request, "site/privacy.html")
