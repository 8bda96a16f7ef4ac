"""外国人来华工作许可 (FAQ-6.1): the platform FAQ refers to a separate document, served here and linked
from the item's 常见问题 in 服务事项."""

from __future__ import annotations

from fastapi import APIRouter, Request

from mock_portal.templating import render
from mock_portal.web import MaybeUser

router = APIRouter()
TITLE = "《外国人来华工作许可业务办理常见问题》"
QUESTIONS = (
    ("外国人来华工作许可在哪里办理？", "请登录外国人来华工作管理服务系统，按照系统提示提交申请材料。"),
    (
        "持R字签证入境的外国高端人才如何办理工作许可？",
        "用人单位可在外国人来华工作管理服务系统中申请外国高端人才确认函。",
    ),
    ("工作许可证件遗失怎么办？", "请在外国人来华工作管理服务系统中申请补办，并按要求上传相关材料。"),
)


@router.get("/services/work_permit/faq")
def work_permit_faq(request: Request, _user: MaybeUser):
    return render(request, "foreign_experts/work_permit_faq.html", title=TITLE, questions=QUESTIONS)
