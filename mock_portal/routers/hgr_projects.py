"""人类遗传资源管理系统 projects: 新建项目 (事项办理员 only), Word attachments, 提交管理员 and the
download of the synthesized document (FAQ-2.2, 2.4)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from mock_portal.messages import hgr as M
from mock_portal.models.accounts import Account
from mock_portal.models.hgr import DRAFT, SYNTHESIS_FAILED, HgrAttachment
from mock_portal.routers.hgr import refuse, require_entry
from mock_portal.services import hgr, synthesis, uploads
from mock_portal.systems import BY_KEY
from mock_portal.templating import render
from mock_portal.web import CurrentUser, Db, now_of, settings_of

router = APIRouter(prefix="/systems/hgr/projects")
MATTERS = BY_KEY["hgr"].sub_items
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def creator_entry(request: Request, db: Session, user: Account) -> hgr.Entry:
    entry = require_entry(request, db, user)
    if not entry.can_create:
        refuse(db, M.CREATE_ROLE_REQUIRED)
    return entry


@router.get("/new")
def new_form(request: Request, db: Db, user: CurrentUser):
    entry = creator_entry(request, db, user)
    return render(request, "hgr/project_new.html", entry=entry, matters=MATTERS, form={})


@router.post("/new")
def create(
    request: Request, db: Db, user: CurrentUser, name: str = Form(""), matter: str = Form(""), leader: str = Form("")
):
    entry = creator_entry(request, db, user)
    form = {"name": name.strip(), "matter": matter, "leader": leader.strip()}
    error = ""
    if not form["name"]:
        error = M.REQUIRED.format(label=M.PROJECT_FORM_LABELS["name"])
    elif matter not in MATTERS:
        error = M.MATTER_INVALID
    elif not form["leader"]:
        error = M.REQUIRED.format(label=M.PROJECT_FORM_LABELS["leader"])
    if error:
        return render(
            request, "hgr/project_new.html", status_code=422, entry=entry, matters=MATTERS, form=form, error=error
        )
    project = hgr.create_project(db, user, entry.unit, now_of(request), **form)
    return RedirectResponse(f"/systems/hgr/projects/{project.id}?created=1", status_code=303)


def own_project(request: Request, db: Session, user: Account, project_id: int):
    entry = require_entry(request, db, user)
    project = hgr.project_for(db, user, entry.unit, project_id)
    if project is None:
        refuse(db, M.NOT_YOUR_PROJECT)
    return entry, project


def project_page(request, db, entry, project, status_code=200, notice="", error=""):
    synthesis.refresh(db, project, now_of(request), settings_of(request))
    job_notice, job_error = synthesis.status_message(project)
    return render(
        request,
        "hgr/project.html",
        status_code=status_code,
        entry=entry,
        project=project,
        attachments=synthesis.attachments(db, project),
        editable=entry.can_create and project.status in (DRAFT, SYNTHESIS_FAILED),
        notice=notice or job_notice,
        error=error or job_error,
    )


@router.get("/{project_id}")
def show(project_id: int, request: Request, db: Db, user: CurrentUser, created: str = "", added: int = 0):
    entry, project = own_project(request, db, user, project_id)
    att = db.get(HgrAttachment, added) if added else None
    notice = M.PROJECT_CREATED if created else ""
    if att is not None and att.project_id == project.id:
        notice = M.ATTACHMENT_ADDED.format(name=att.filename)
    return project_page(request, db, entry, project, notice=notice)


@router.post("/{project_id}/attachments")
def add_attachment(
    project_id: int, request: Request, db: Db, user: CurrentUser, attachment: UploadFile | None = File(None)
):
    content = attachment.file.read(settings_of(request).upload_max_bytes + 1) if attachment is not None else b""
    filename = attachment.filename if attachment is not None else ""
    entry, project = own_project(request, db, user, project_id)
    if not entry.can_create or project.status not in (DRAFT, SYNTHESIS_FAILED):
        return project_page(request, db, entry, project, 422, error=M.NOT_EDITABLE)
    try:
        upload = uploads.store(
            db,
            settings_of(request),
            filename,
            content,
            now_of(request),
            account_id=user.id,
            kinds=uploads.DOCX,
            bad_type_message=M.DOCX_BAD_TYPE,
        )
    except uploads.UploadError as exc:
        return project_page(request, db, entry, project, 422, error=str(exc))
    att = HgrAttachment(
        project_id=project.id, upload_id=upload.id, filename=upload.filename, created_at=now_of(request)
    )
    db.add(att)
    db.flush()  # att.id for the address
    return RedirectResponse(f"/systems/hgr/projects/{project.id}?added={att.id}", status_code=303)


@router.post("/{project_id}/attachments/{attachment_id}/delete")
def delete_attachment(project_id: int, attachment_id: int, request: Request, db: Db, user: CurrentUser):
    entry, project = own_project(request, db, user, project_id)
    att = db.get(HgrAttachment, attachment_id)
    if att is None or att.project_id != project.id:
        refuse(db, M.NOT_YOUR_PROJECT)
    if not entry.can_create or project.status not in (DRAFT, SYNTHESIS_FAILED):
        return project_page(request, db, entry, project, 422, error=M.NOT_EDITABLE)
    db.delete(att)
    return RedirectResponse(f"/systems/hgr/projects/{project.id}", status_code=303)


@router.post("/{project_id}/submit")
def submit(project_id: int, request: Request, db: Db, user: CurrentUser):
    entry, project = own_project(request, db, user, project_id)
    if not entry.can_create:
        refuse(db, M.CREATE_ROLE_REQUIRED)
    try:
        synthesis.submit(db, project, now_of(request))
    except synthesis.SubmitError as exc:
        return project_page(request, db, entry, project, 422, error=str(exc))
    return RedirectResponse(f"/systems/hgr/projects/{project.id}", status_code=303)


@router.get("/{project_id}/download")
def download(project_id: int, request: Request, db: Db, user: CurrentUser):
    entry, project = own_project(request, db, user, project_id)
    synthesis.refresh(db, project, now_of(request), settings_of(request))
    content = synthesis.merged_bytes(project, settings_of(request))
    if content is None:
        refuse(db, M.NO_DOWNLOAD)
    name = f"{project.number}.docx"
    return Response(
        content,
        media_type=DOCX_TYPE,
        headers={"Content-Disposition": f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"},
    )
