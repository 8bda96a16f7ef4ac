"""首页 and liveness."""

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse

from mock_portal.templating import render
from mock_portal.web import MaybeUser

router = APIRouter()


@router.get("/")
def home(request: Request, _user: MaybeUser):
    return render(request, "home.html")


@router.get("/healthz", response_class=PlainTextResponse)
def healthz(request: Request):
    return PlainTextResponse("ok", headers={"X-Portal-Version": request.app.version})
