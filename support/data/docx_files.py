"""Word (.docx) files for the HGR scenarios, built with python-docx: valid documents with known
paragraphs, and deliberately malformed ones that still look like a .docx (ZIP magic bytes), so
that they pass the upload check and fail only at document synthesis (FAQ-2.4)."""

from __future__ import annotations

import io
import zipfile

import docx

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def valid_docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def truncated_docx(*paragraphs: str) -> bytes:
    """A real .docx cut in half: starts with the ZIP signature, but cannot be opened."""
    content = valid_docx(*(paragraphs or ("内容",)))
    return content[: len(content) // 2]


def zip_without_document() -> bytes:
    """A ZIP archive named .docx that holds no Word document parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "这不是一个Word文档")
    return out.getvalue()


def paragraphs_of(content_or_path) -> list[str]:
    """The paragraph texts of a .docx (bytes or a file path)."""
    source = io.BytesIO(content_or_path) if isinstance(content_or_path, bytes) else str(content_or_path)
    return [p.text for p in docx.Document(source).paragraphs]


def as_upload(name: str, content: bytes, mime: str = DOCX_MIME) -> dict:
    """A Playwright set_input_files payload (no file on disk)."""
    return {"name": name, "mimeType": mime, "buffer": content}
