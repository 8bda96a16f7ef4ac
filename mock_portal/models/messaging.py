"""The mock SMS gateway's outbox and the one-time codes it sends."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mock_portal.models.base import Base


class SmsMessage(Base):
    __tablename__ = "sms_outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)
    text: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SmsCode(Base):
    __tablename__ = "sms_codes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)
    purpose: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(6))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    spent: Mapped[bool] = mapped_column(Boolean, default=False)


class SmsCooldown(Base):
    """When a code was last sent per (phone, purpose): the resend cooldown is one conditional UPSERT on
    this row, so parallel requests cannot each pass it (services/sms.py)."""

    __tablename__ = "sms_cooldowns"
    phone: Mapped[str] = mapped_column(String(20), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_sent_at: Mapped[dt.datetime] = mapped_column(DateTime)
