"""Business-system records of the Torch / 引智 systems: 因公出国（境）培训 filings (报备),
外国专家项目管理信息系统 unit registrations, and records carried over from the legacy systems."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mock_portal.models.base import Base


class OutboundFiling(Base):
    """A natural person filed (报备) with 引智司 may enter 因公出国（境）培训 (FAQ-4.2)."""

    __tablename__ = "outbound_filings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), unique=True)
    filed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class WzjRegistration(Base):
    """A unit's registration in the 外国专家项目管理信息系统, approved by its 归口单位 (FAQ-5.1).
    status: pending | approved | rejected."""

    __tablename__ = "wzj_registrations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), unique=True)
    competent_unit: Mapped[str] = mapped_column(String(100))
    contact_name: Mapped[str] = mapped_column(String(100))
    contact_phone: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="pending")
    reason: Mapped[str] = mapped_column(Text, default="")
    review_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class LegacyRecord(Base):
    """A unit's earlier business carried over from a legacy system (e.g. 外专 project records)."""

    __tablename__ = "legacy_records"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    system: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(40), default="已办结")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
