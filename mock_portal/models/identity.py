"""The mock identity registry (which identities pass automatic 实名认证) and 信息更新记录."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mock_portal.models.base import Base

PERSON = "person"
UNIT = "unit"


class RegistryIdentity(Base):
    """One identity the (mock) 公安 / 市场监管 registry knows: a person (证件号码 + 姓名) or a
    unit (统一社会信用代码 + 单位名称). Automatic verification passes only on an exact match."""

    __tablename__ = "identity_registry"
    __table_args__ = (UniqueConstraint("kind", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    number: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))


class InfoUpdate(Base):
    """信息更新记录: one row per saved section of 我的信息."""

    __tablename__ = "info_updates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(Integer, index=True)
    unit_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    section: Mapped[str] = mapped_column(String(40))
    fields: Mapped[str] = mapped_column(String(500))
    by: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
