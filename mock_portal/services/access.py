"""May this account act in that system now? One answer for every business system's pages.

Legal accounts act for their own unit once real-name verified (entering records the unit's
permission, FAQ-1.10.4). Natural persons need an active grant from a unit (FAQ-1.10.x, 2.1–2.3).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
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


EntryRule = Callable[[Session, Account, dt.datetime], Access]


@functools.cache
def entry_rules() -> dict[str, EntryRule]:
    """The systems with an entry rule of their own, from the service modules that write them (imported
    here, when first needed: they import this module): 因公出国（境）培训 (natural persons filed with
    引智司), 外专 (the unit's approved registration), 高企/中小 (real name and complete unit
    information). The rule's answer replaces the default one below (`default_access`)."""
    from mock_portal.services import foreign_experts, outbound_training, torch

    return {**foreign_experts.ENTRY_RULES, **outbound_training.ENTRY_RULES, **torch.ENTRY_RULES}


def system_access(db: Session, account: Account, system: str, now: dt.datetime) -> Access:
    policy = entry_rules().get(system)
    if policy is not None:
        return policy(db, account, now)
    return default_access(db, account, system, now)


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
