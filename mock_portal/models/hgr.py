"""人类遗传资源管理系统: declaration projects, their Word attachments, and the mock backup system."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mock_portal.models.base import Base

DRAFT = "草稿"
SYNTHESIZING = "合成中"
SYNTHESIZED = "合成成功"
SYNTHESIS_FAILED = "合成失败"


class HgrProject(Base):
    """A project of a unit, filed under the unit's name at the time (FAQ-2.6), owned by one account."""

    __tablename__ = "hgr_projects"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), default="", index=True)  # 项目编号
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    unit_name: Mapped[str] = mapped_column(String(200))  # the unit's name when the project was filed
    owner_account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))  # 项目名称
    matter: Mapped[str] = mapped_column(String(40))  # 申报事项
    leader: Mapped[str] = mapped_column(String(60))  # 负责人
    status: Mapped[str] = mapped_column(String(20), default=DRAFT)
    synthesis_error: Mapped[str] = mapped_column(Text, default="")
    merged_stored_name: Mapped[str] = mapped_column(String(80), default="")
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class HgrAttachment(Base):
    __tablename__ = "hgr_attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("hgr_projects.id", ondelete="CASCADE"), index=True)
    upload_id: Mapped[str] = mapped_column(String(40))
    filename: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class HgrBackupRecord(Base):
    """One row of the mock 备份系统: the unit's name as registered there and its 备份号.
    The number is usable only once the back office entered it (`entered_at`)."""

    __tablename__ = "hgr_backup_records"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_name: Mapped[str] = mapped_column(String(200))
    number: Mapped[str] = mapped_column(String(40), index=True)
    applied_at: Mapped[dt.datetime] = mapped_column(DateTime)
    due_date: Mapped[dt.date] = mapped_column(Date)
    entered_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
