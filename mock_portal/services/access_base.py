"""The answer to "may this account act in that system now?" (Access) and the rule every system has
unless it writes its own (services/access.py lists those): legal accounts act for their own unit once
real-name verified (entering records the unit's permission, FAQ-1.10.4); natural persons need an
active grant from a unit (FAQ-1.10.x, 2.1–2.3).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from mock_portal.messages import access as M
from mock_portal.models.accounts import LEGAL, Account
from mock_portal.services import permissions


@dataclass
class Access:
    ok: bool
    message: str = ""
    unit_id: int | None = None
    roles: tuple[str, ...] = field(default_factory=tuple)
    reason: str = ""  # "", "unverified", "no-grant", "expired"
    # The system's landing page explains this refusal itself (e.g. the 高企/中小 real-name popup,
    # the missing unit information): 办理入口 forwards there instead of refusing.
    explained_on_landing: bool = False

    def has_role(self, role: str) -> bool:
        return role in self.roles


def default_access(db: Session, account: Account, system: str, now: dt.datetime) -> Access:
    if account.kind == LEGAL:
        if account.realname_status != "passed":
            return Access(False, M.LEGAL_UNVERIFIED, reason="unverified")
        permissions.record_entry(db, account, system, now)
        return Access(True, unit_id=account.unit_id, roles=("法人",))
    grants = [g for g in permissions.grants_of(db, account.id) if g.system == system]
    active = [g for g in grants if permissions.grant_state(g, now.date()) == "active"]
    if active:
        g = active[0]
        return Access(True, unit_id=g.unit_id, roles=tuple(g.roles))
    if grants:
        return Access(False, M.GRANT_EXPIRED, reason="expired")
    return Access(False, M.NO_GRANT, reason="no-grant")
