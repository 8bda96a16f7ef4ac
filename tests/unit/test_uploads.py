"""Uploaded documents are checked by content and size: wrong type, too large and empty are refused."""

import datetime as dt

import pytest

from mock_portal.db import init_db
from mock_portal.services import uploads
from mock_portal.settings import Settings

NOW = dt.datetime(2026, 11, 27, 10, 0)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture
def env(tmp_path):
    _engine, maker = init_db(tmp_path / "p.db")
    settings = Settings(db_path=tmp_path / "p.db", upload_max_bytes=1024)
    with maker() as db:
        yield db, settings


@pytest.mark.parametrize(
    "content, ctype", [(PNG, "image/png"), (JPEG, "image/jpeg"), (PDF, "application/pdf")], ids=["png", "jpeg", "pdf"]
)
def test_images_and_pdf_are_kept_outside_the_served_tree(env, content, ctype):
    db, settings = env
    upload = uploads.store(db, settings, "证件.x", content, NOW)
    assert upload.content_type == ctype and upload.size == len(content)
    assert uploads.read(settings, upload) == content
    assert "static" not in str(settings.upload_dir)


def test_wrong_type_is_refused_even_with_an_image_name(env):
    db, settings = env
    with pytest.raises(uploads.UploadError, match="格式不正确"):
        uploads.store(db, settings, "证件.png", b"<html><script>alert(1)</script>", NOW)


def test_too_large_is_refused(env):
    db, settings = env
    with pytest.raises(uploads.UploadError, match="超过"):
        uploads.store(db, settings, "big.pdf", PDF + b"0" * 2048, NOW)


def test_empty_is_refused(env):
    db, settings = env
    with pytest.raises(uploads.UploadError, match="为空"):
        uploads.store(db, settings, "empty.png", b"", NOW)


def test_appeal_reports_the_upload_problem_in_the_slot(portal):
    from tests.unit.test_recovery_appeals import appeal
    from tests.unit.test_recovery_reset import alert

    portal.seed_natural("zr_up", id_number="11010519491231002X")
    response = appeal(
        portal,
        "natural",
        {"name": "张三", "id_number": "11010519491231002X"},
        "13700009999",
        files={"front": ("证件.png", b"GIF89a....", "image/png"), "back": ("b.pdf", PDF, "application/pdf")},
    )
    assert response.status_code == 422
    assert alert(response) == "上传的文件“证件正面-证件.png”格式不正确，仅支持JPG、PNG图片或PDF文件"
