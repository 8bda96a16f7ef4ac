"""Accounts (自然人 / 法人) and the legal units they belong to."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mock_portal.models.base import Base

NATURAL = "natural"
LEGAL = "legal"


class Unit(Base):
    """A legal unit (法人单位). Name and credit code are unique across the portal."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    unit_type: Mapped[str] = mapped_column(String(40), default="企业法人")
    realname_status: Mapped[str] = mapped_column(String(20), default="none")
    # 法人单位基本信息 incl. 法定代表人信息 (类型, 所属大洲 …): free-form, validated by the info pages.
    basic_info: Mapped[dict] = mapped_column(JSON, default=dict)
    # 法人单位其他信息 (the Torch fields: 单位经营期限, 所属行业1/2 …).
    other_info: Mapped[dict] = mapped_column(JSON, default=dict)
    flags: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Account(Base):
    """A portal login. `kind` is natural or legal; a legal account belongs to one unit,
    and its `name`/`phone` are those of the unit's 主代办人."""

    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login_name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    password_changed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(100), default="")
    id_type: Mapped[str] = mapped_column(String(20), default="居民身份证")
    # Bound ID number of a natural person: unique (NULL for legal accounts).
    id_number: Mapped[str | None] = mapped_column(String(40), unique=True, nullable=True)
    phone: Mapped[str | None] = mapped_column(String(20), nullable=True)
    realname_status: Mapped[str] = mapped_column(String(20), default="none")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # 自然人用户信息 / 主代办人信息 fields beyond the columns above (性别, 民族, 邮箱 …).
    profile: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    unit: Mapped[Unit | None] = relationship(lazy="joined")

    @property
    def kind_label(self) -> str:
        return "自然人" if self.kind == NATURAL else "法人"

    @property
    def masked_phone(self) -> str:
        p = self.phone or ""
        return p[:3] + "****" + p[-4:] if len(p) >= 7 else p
