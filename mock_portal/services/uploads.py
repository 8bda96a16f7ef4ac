"""Uploaded documents: checked by content (magic bytes) and size, stored under a random
name outside the served tree, and only ever served back as a download."""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy.orm import Session

from mock_portal.messages import review as M
from mock_portal.models.reviews import Upload
from mock_portal.settings import Settings

IMAGE_OR_PDF = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"%PDF-": "application/pdf",
}
DOCX = {b"PK\x03\x04": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


class UploadError(ValueError):
    pass


def sniff(content: bytes, kinds: dict[bytes, str]) -> str | None:
    for magic, ctype in kinds.items():
        if content.startswith(magic):
            return ctype
    return None


def store(
    db: Session,
    settings: Settings,
    filename: str,
    content: bytes,
    now: dt.datetime,
    account_id: int | None = None,
    kinds: dict[bytes, str] = IMAGE_OR_PDF,
    bad_type_message: str = M.UPLOAD_BAD_TYPE,
) -> Upload:
    """Validate and keep one file. Raises UploadError with the user's message."""
    name = (filename or M.UNNAMED_FILE).replace("\x00", "")[:200]
    if not content:
        raise UploadError(M.UPLOAD_EMPTY.format(name=name))
    if len(content) > settings.upload_max_bytes:
        raise UploadError(M.UPLOAD_TOO_LARGE.format(name=name, limit=settings.upload_max_bytes // (1024 * 1024)))
    ctype = sniff(content, kinds)
    if ctype is None:
        raise UploadError(bad_type_message.format(name=name))
    settings.upload_dir.mkdir(parents=True, exist_ok=True)
    stored = secrets.token_hex(16)
    (settings.upload_dir / stored).write_bytes(content)
    upload = Upload(
        id=secrets.token_hex(8),
        filename=name,
        content_type=ctype,
        size=len(content),
        stored_name=stored,
        account_id=account_id,
        created_at=now,
    )
    db.add(upload)
    return upload


def read(settings: Settings, upload: Upload) -> bytes:
    return (settings.upload_dir / upload.stored_name).read_bytes()
