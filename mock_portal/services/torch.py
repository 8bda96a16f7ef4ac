"""The Torch completeness gate (FAQ-3.1.3, 3.1.4): before 科技型中小企业评价 / 高新技术企业认定 open,
the account must be real-name verified and its unit's 基本信息, 其他信息 (every field) and, for a
legal account, the 主代办人信息 complete. The refusal names every missing piece."""

from __future__ import annotations

from dataclasses import dataclass

from mock_portal.messages import torch as M
from mock_portal.models.accounts import LEGAL, Account, Unit
from mock_portal.services import myinfo
from mock_portal.services.access_base import Access, default_access

GATED_SYSTEMS = M.GATED_SYSTEMS
BASIC_FIELDS = M.BASIC_FIELDS
OTHER_FIELDS = M.OTHER_FIELDS
# The same choices as 我的信息 (services/myinfo.py), so a unit's information reads alike on both pages.
SELECT_OPTIONS = {
    M.REP_TYPE: myinfo.REP_TYPES,
    M.UNIT_NATURE: myinfo.UNIT_NATURES,
    **{myinfo.OTHER_FIELDS[k]: v for k, v in myinfo.OTHER_CHOICES.items()},
}
# Where a legal account completes each piece (我的信息); a natural 管理员 uses the 授权单位 page.
FIX_PAGES = {
    M.BASIC: "/online/info",
    M.OTHER: "/online/info/other",
    M.AGENT: "/online/info/agent",
}


@dataclass(frozen=True)
class Missing:
    piece: str
    fields: tuple[str, ...]

    def text(self) -> str:
        return f"{self.piece}{M.FIELDS_OPEN}{M.FIELD_SEPARATOR.join(self.fields)}{M.FIELDS_CLOSE}"


def _blank(value) -> bool:
    return value is None or not str(value).strip()


def missing_fields(info: dict | None, names: tuple[str, ...]) -> tuple[str, ...]:
    info = info or {}
    return tuple(n for n in names if _blank(info.get(n)))


def agent_missing(account: Account) -> tuple[str, ...]:
    profile = account.profile or {}
    fields = []
    if _blank(account.name):
        fields.append(M.AGENT_NAME)
    if _blank(account.phone):
        fields.append(M.AGENT_PHONE)
    if _blank(profile.get("agent_id_number")):
        fields.append(M.AGENT_ID_NUMBER)
    if profile.get("agent_realname_status") != "passed":
        fields.append(M.REALNAME_PIECE)
    return tuple(fields)


def missing_pieces(account: Account, unit: Unit | None) -> list[Missing]:
    """Every piece still missing for this account acting for that unit (empty: complete)."""
    if unit is None:
        return [Missing(M.BASIC, BASIC_FIELDS)]
    out = []
    basic = missing_fields(unit.basic_info, BASIC_FIELDS)
    if unit.realname_status != "passed":
        basic += (M.REALNAME_PIECE,)
    if basic:
        out.append(Missing(M.BASIC, basic))
    other = missing_fields(unit.other_info, OTHER_FIELDS)
    if other:
        out.append(Missing(M.OTHER, other))
    if account.kind == LEGAL:
        agent = agent_missing(account)
        if agent:
            out.append(Missing(M.AGENT, agent))
    return out


def refusal(missing: list[Missing]) -> str:
    return M.MISSING_PREFIX + M.PIECE_SEPARATOR.join(m.text() for m in missing)


def needs_realname_popup(account: Account) -> bool:
    return account.realname_status != "passed"


def clean_form(form: dict, names: tuple[str, ...]) -> dict:
    """The submitted values of those fields, trimmed; select values must be one of the options."""
    out = {}
    for name in names:
        value = str(form.get(name, "")).strip()[:200]
        if name in SELECT_OPTIONS and value not in SELECT_OPTIONS[name]:
            value = ""
        out[name] = value
    return out


def gated_access(db, account: Account, system: str, now) -> Access:
    """高企/中小: the popup when the account is not real-name verified, then the default rule,
    then the completeness gate for the unit the account acts for."""
    if needs_realname_popup(account):
        return Access(False, M.REALNAME_POPUP, reason="unverified", explained_on_landing=True)
    base = default_access(db, account, system, now)
    if not base.ok:
        return base
    missing = missing_pieces(account, db.get(Unit, base.unit_id) if base.unit_id else None)
    if missing:
        return Access(
            False,
            refusal(missing),
            unit_id=base.unit_id,
            roles=base.roles,
            reason="incomplete",
            explained_on_landing=True,
        )
    return base


# The gated systems' own entry rule, listed by access.ENTRY_RULES.
ENTRY_RULES = {key: (lambda db, account, now, key=key: gated_access(db, account, key, now)) for key in GATED_SYSTEMS}
