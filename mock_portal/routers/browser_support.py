"""支持的浏览器: the page behind the frame's browser hint. Importing browser_policy here
registers its template context hook at start-up (every router module is imported)."""

from fastapi import APIRouter, Request

from mock_portal import browser_policy
from mock_portal.templating import render
from mock_portal.web import MaybeUser

router = APIRouter()


@router.get("/browser-support")
def browser_support(request: Request, _user: MaybeUser):
    return render(
        request,
        "browser/support.html",
        hint=browser_policy.HINT,
        current=browser_policy.request_is_current_chrome(request),
    )
