"""外国人来华工作许可 (FAQ-6.1): the platform FAQ refers to a separate document, served here and linked
from the item's 常见问题 in 服务事项."""

from __future__ import annotations

from fastapi import APIRouter, Request

from mock_portal.messages import foreign_experts as M
from mock_portal.templating import render
from mock_portal.web import MaybeUser

router = APIRouter()


@router.get("/services/work_permit/faq")
def work_permit_faq(request: Request, _user: MaybeUser):
    return render(
        request, "foreign_experts/work_permit_faq.html", title=M.WORK_PERMIT_FAQ_TITLE, questions=M.WORK_PERMIT_FAQ
    )
