"""The permission model: a unit's system permissions and the roles it grants to natural persons."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mock_portal.models.base import Base


class UnitPermission(Base):
    """A unit holds a system once its verified legal account entered it via 办理入口 (FAQ-1.10.4)."""

    __tablename__ = "unit_permissions"
    __table_args__ = (UniqueConstraint("unit_id", "system"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    system: Mapped[str] = mapped_column(String(40))
    acquired_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Grant(Base):
    """Roles in one system given by a unit to a natural person, until `end_date` (inclusive)."""

    __tablename__ = "grants"
    __table_args__ = (UniqueConstraint("unit_id", "account_id", "system"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    system: Mapped[str] = mapped_column(String(40))
    roles: Mapped[list] = mapped_column(JSON, default=list)
    end_date: Mapped[dt.date] = mapped_column(Date)
    granted_at: Mapped[dt.datetime] = mapped_column(DateTime)
