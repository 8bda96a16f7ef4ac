"""Document synthesis (合成) of a submitted HGR project (FAQ-2.4).

Submitting starts a job that finishes later: with `seconds` = 0 it completes on the next status
read; otherwise once the portal clock has passed submitted_at + seconds (a unit may carry its own
duration in Unit.flags["hgr_synthesis_seconds"], e.g. a unit with many files). The job merges the
paragraphs of every .docx attachment into one Word document, or fails naming the first bad file."""

from __future__ import annotations

import datetime as dt
import io
import secrets

import docx
from sqlalchemy import select
from sqlalchemy.orm import Session

from mock_portal.messages import hgr as M
from mock_portal.models.accounts import Unit
from mock_portal.models.hgr import DRAFT, SYNTHESIS_FAILED, SYNTHESIZED, SYNTHESIZING, HgrAttachment, HgrProject
from mock_portal.models.reviews import Upload
from mock_portal.services import uploads
from mock_portal.settings import Settings

DURATION_FLAG = "hgr_synthesis_seconds"


class SubmitError(ValueError):
    pass


def attachments(db: Session, project: HgrProject) -> list[HgrAttachment]:
    return list(
        db.scalars(select(HgrAttachment).where(HgrAttachment.project_id == project.id).order_by(HgrAttachment.id))
    )


def duration(db: Session, project: HgrProject, settings: Settings) -> float:
    unit = db.get(Unit, project.unit_id)
    override = (unit.flags or {}).get(DURATION_FLAG) if unit is not None else None
    return float(override if override is not None else settings.synthesis_seconds)


def submit(db: Session, project: HgrProject, now: dt.datetime) -> None:
    """提交管理员: starts the synthesis job."""
    if project.status not in (DRAFT, SYNTHESIS_FAILED):
        raise SubmitError(M.NOT_EDITABLE)
    if not attachments(db, project):
        raise SubmitError(M.ATTACHMENT_REQUIRED)
    project.status = SYNTHESIZING
    project.submitted_at = now
    project.synthesis_error = ""
    project.merged_stored_name = ""


def refresh(db: Session, project: HgrProject, now: dt.datetime, settings: Settings) -> str:
    """Read the job's status, completing it when its time has come."""
    if project.status != SYNTHESIZING or project.submitted_at is None:
        return project.status
    seconds = duration(db, project, settings)
    if seconds > 0 and now < project.submitted_at + dt.timedelta(seconds=seconds):
        return project.status
    run(db, project, settings)
    return project.status


def run(db: Session, project: HgrProject, settings: Settings) -> None:
    merged = docx.Document()
    merged.add_heading(f"{project.number} {project.name}", level=1)
    for att in attachments(db, project):
        upload = db.get(Upload, att.upload_id)
        try:
            source = docx.Document(io.BytesIO(uploads.read(settings, upload)))
        except Exception:  # noqa: BLE001 - any unreadable Word file fails the job, naming it
            project.status = SYNTHESIS_FAILED
            project.synthesis_error = M.BAD_FILE.format(name=att.filename)
            return
        merged.add_heading(att.filename, level=2)
        for paragraph in source.paragraphs:
            merged.add_paragraph(paragraph.text)
    settings.upload_dir.mkdir(parents=True, exist_ok=True)
    stored = "hgr-" + secrets.token_hex(16)
    out = io.BytesIO()
    merged.save(out)
    (settings.upload_dir / stored).write_bytes(out.getvalue())
    project.merged_stored_name = stored
    project.status = SYNTHESIZED


def merged_bytes(project: HgrProject, settings: Settings) -> bytes | None:
    if project.status != SYNTHESIZED or not project.merged_stored_name:
        return None
    return (settings.upload_dir / project.merged_stored_name).read_bytes()


def status_message(project: HgrProject) -> tuple[str, str]:
    """(status text, alert text) for the project page."""
    if project.status == SYNTHESIZING:
        return M.SYNTHESIZING, ""
    if project.status == SYNTHESIZED:
        return M.SYNTHESIZED, ""
    if project.status == SYNTHESIS_FAILED:
        return "", M.SYNTHESIS_FAILED.format(detail=project.synthesis_error)
    return "", ""
