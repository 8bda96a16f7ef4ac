"""May this account act in that system now? One answer for every business system's pages.

The default rule (services/access_base.py): legal accounts act for their own unit once real-name
verified; natural persons need an active grant from a unit. A system with its own entry rule
(因公出国（境）培训: natural persons filed with 引智司; 外专: the unit's approved registration; 高企/中小:
real name and complete unit information) writes it in its service module's ``ENTRY_RULES``, and that
module is listed in ``ENTRY_RULES`` here; its answer replaces the default one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy.orm import Session

from mock_portal.models.accounts import Account
from mock_portal.services import foreign_experts, outbound_training, torch
from mock_portal.services.access_base import Access, default_access

EntryRule = Callable[[Session, Account, dt.datetime], Access]
ENTRY_RULES: dict[str, EntryRule] = {
    **foreign_experts.ENTRY_RULES,
    **outbound_training.ENTRY_RULES,
    **torch.ENTRY_RULES,
}


def system_access(db: Session, account: Account, system: str, now: dt.datetime) -> Access:
    policy = ENTRY_RULES.get(system)
    if policy is not None:
        return policy(db, account, now)
    return default_access(db, account, system, now)
