"""在线办事 (/online) and 我的信息 (/online/info): 自然人用户信息, or for a legal account 法人单位基本信息,
法人单位其他信息, 主代办人信息; 信息更新记录; 实名认证 status and the 上传…信息 upload to manual review.
The 法人(单位)授权办理情况 tab (/online/info/units) belongs to the authorization router."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from mock_portal.messages import identity as M
from mock_portal.models.accounts import LEGAL, Account
from mock_portal.services import myinfo, realname, reviews
from mock_portal.services.registration import ID_TYPES, UNIT_TYPES
from mock_portal.templating import render
from mock_portal.web import (
    CurrentUser,
    Db,
    Forbidden,
    MaybeUser,
    now_of,
    settings_of,
)

router = APIRouter()
APPEAL_LABELS = {
    "/recovery/appeal/natural": M.APPEAL_LINKS["natural"],
    "/recovery/appeal/legal": M.APPEAL_LINKS["legal"],
}
SECTIONS = {
    "person": (M.INFO_PERSON, "myinfo/person.html", "natural"),
    "basic": (M.INFO_UNIT_BASIC, "myinfo/basic.html", "legal"),
    "other": (M.INFO_UNIT_OTHER, "myinfo/other.html", None),
    "agent": (M.INFO_AGENT, "myinfo/agent.html", "agent"),
}
SAVERS = {
    "person": myinfo.save_person,
    "basic": myinfo.save_basic,
    "other": myinfo.save_other,
    "agent": myinfo.save_agent,
}
PAGES = {
    "person": "/online/info",
    "basic": "/online/info",
    "other": "/online/info/other",
    "agent": "/online/info/agent",
}


async def form_fields(request: Request) -> dict:
    return {k: v for k, v in (await request.form()).items() if isinstance(v, str)}


async def uploaded_files(request: Request) -> list[tuple[str, bytes]]:
    form = await request.form()
    return [(f.filename or "", await f.read()) for f in form.getlist("documents") if hasattr(f, "read")]


def _tabs(user: Account) -> list[tuple[str, str]]:
    if user.kind == LEGAL:
        return [
            (M.INFO_UNIT_BASIC, "/online/info"),
            (M.INFO_UNIT_OTHER, "/online/info/other"),
            (M.INFO_AGENT, "/online/info/agent"),
            (M.INFO_LOG, "/online/info/log"),
        ]
    return [
        (M.INFO_PERSON, "/online/info"),
        (M.INFO_GRANTS, "/online/info/units"),
        (M.INFO_LOG, "/online/info/log"),
    ]


def _realname(db: Session, subject: str | None, user: Account) -> dict:
    if subject is None:
        return {}
    state = realname.status_of(subject, user)
    review = realname.pending_review(db, subject, user) if state == "pending" else None
    return {
        "subject": subject,
        "realname_state": state,
        "realname_text": realname.status_text(subject, state),
        "upload_action": M.UPLOAD_ACTIONS[subject],
        "failed_hint": M.FAILED_HINT.format(action=M.UPLOAD_ACTIONS[subject]),
        "promise": reviews.promise_text(review) if review else "",
    }


def _section_of(user: Account, section: str) -> str:
    if user.kind == LEGAL and user.unit is None:
        raise Forbidden(M.UNIT_NOT_LINKED)
    if section == "main":
        return "basic" if user.kind == LEGAL else "person"
    if user.kind != LEGAL:
        raise Forbidden(M.LEGAL_ONLY_INFO)
    return section


def _page(
    request: Request, db: Session, user: Account, section: str, status_code: int = 200, form: dict | None = None, **ctx
):
    title, template, subject = SECTIONS[section]
    return render(
        request,
        template,
        status_code=status_code,
        title=title,
        tabs=_tabs(user),
        current=PAGES[section],
        me=user,
        unit=user.unit,
        form=form,
        id_types=ID_TYPES,
        unit_types=UNIT_TYPES,
        genders=myinfo.GENDERS,
        rep_types=myinfo.REP_TYPES,
        continents=myinfo.CONTINENTS,
        natures=myinfo.UNIT_NATURES,
        other_fields=myinfo.OTHER_FIELDS,
        other_choices=myinfo.OTHER_CHOICES,
        appeal_labels=APPEAL_LABELS,
        **_realname(db, subject, user),
        **ctx,
    )


@router.get("/online")
def online(request: Request, _user: MaybeUser):
    return render(request, "myinfo/online.html")


@router.get("/online/info")
def show_main(request: Request, db: Db, user: CurrentUser, saved: str = ""):
    return _page(request, db, user, _section_of(user, "main"), notice=M.SAVED if saved else "")


@router.get("/online/info/log")
def show_log(request: Request, db: Db, user: CurrentUser):
    return render(
        request,
        "myinfo/log.html",
        title=M.INFO_LOG,
        tabs=_tabs(user),
        current="/online/info/log",
        rows=myinfo.updates(db, user),
    )


@router.get("/online/info/other")
@router.get("/online/info/agent")
def show_section(request: Request, db: Db, user: CurrentUser, saved: str = ""):
    section = request.url.path.rsplit("/", 1)[1]
    return _page(request, db, user, _section_of(user, section), notice=M.SAVED if saved else "")


def _save(request: Request, db: Session, user: Account, section: str, form: dict):
    try:
        SAVERS[section](db, user, form, now_of(request), settings_of(request))
    except myinfo.InfoError as exc:
        db.rollback()
        db.refresh(user)
        return _page(
            request,
            db,
            user,
            section,
            422,
            form=form,
            error=exc.message,
            appeal=exc.appeal,
            appeal_hint=exc.appeal_hint,
        )
    return RedirectResponse(PAGES[section] + "?saved=1", status_code=303)


@router.post("/online/info")
def save_main(request: Request, db: Db, user: CurrentUser, form: dict = Depends(form_fields)):
    return _save(request, db, user, _section_of(user, "main"), form)


@router.post("/online/info/other")
@router.post("/online/info/agent")
def save_section(request: Request, db: Db, user: CurrentUser, form: dict = Depends(form_fields)):
    section = request.url.path.rsplit("/", 1)[1]
    return _save(request, db, user, _section_of(user, section), form)


def _subject(user: Account, subject: str) -> str:
    allowed = ("legal", "agent") if user.kind == LEGAL else ("natural",)
    if subject not in allowed:
        raise Forbidden(M.UPLOAD_NOT_ALLOWED)
    return subject


@router.get("/online/realname/{subject}")
def show_upload(request: Request, subject: str, user: CurrentUser):
    subject = _subject(user, subject)
    return render(
        request, "myinfo/upload.html", subject=subject, action=M.UPLOAD_ACTIONS[subject], slot=M.UPLOAD_SLOT[subject]
    )


@router.post("/online/realname/{subject}")
def upload(request: Request, subject: str, db: Db, user: CurrentUser, files: list = Depends(uploaded_files)):
    subject = _subject(user, subject)
    try:
        realname.submit_documents(db, subject, user, files, now_of(request), settings_of(request))
    except realname.RealnameError as exc:
        db.rollback()
        return render(
            request,
            "myinfo/upload.html",
            status_code=422,
            subject=subject,
            error=str(exc),
            action=M.UPLOAD_ACTIONS[subject],
            slot=M.UPLOAD_SLOT[subject],
        )
    return RedirectResponse("/online/info/agent" if subject == "agent" else "/online/info", status_code=303)
