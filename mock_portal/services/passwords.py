"""Password hashing (argon2id) and the configurable password policy."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from mock_portal.messages import auth as M

# OWASP's minimum argon2id parameters: strong enough, fast enough for a test portal.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
MAX_LENGTH = 64
# Checked against an unknown login name, so that it costs the same time as a known one.
_DUMMY_HASH = _hasher.hash("no account has this password")


def _well_known() -> frozenset[str]:
    """The 30 000 most common passwords of the zxcvbn project (a maintained list from real leaks,
    package zxcvbn), plus mock_portal/data/common-passwords-cn.txt (common in Chinese leaks), lower-cased."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    shipped = Path(__file__).parent.parent / "data" / "common-passwords-cn.txt"
    extra = (
        [
            line.strip()
            for line in shipped.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        if shipped.exists()
        else []
    )
    return frozenset(p.lower() for p in [*FREQUENCY_LISTS["passwords"], *extra])


WELL_KNOWN = _well_known()
# Tests switch a guard off to show that its test fails without it.
GUARDS_OFF: set[str] = set()


def is_well_known(password: str) -> bool:
    return "well-known" not in GUARDS_OFF and password.lower() in WELL_KNOWN


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """None (no such account) is checked against a dummy hash: same work, always False."""
    if password_hash is None:
        if "uniform-timing" in GUARDS_OFF:
            return False
        with contextlib.suppress(VerificationError, InvalidHashError):
            _hasher.verify(_DUMMY_HASH, password)
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _classes(password: str) -> int:
    patterns = (r"[A-Z]", r"[a-z]", r"[0-9]", r"[^A-Za-z0-9]")
    return sum(1 for p in patterns if re.search(p, password))


def asvs_violation(password: str, login_name: str = "") -> str | None:
    """The rules of `serve --password-policy asvs` (docs/security.md): a configuration of the mock for comparing
    policies, not the rule the FAQ promises (FAQ-1.2.3's 密码格式 is the default 等保 rule below)."""
    if not 12 <= len(password) <= MAX_LENGTH:
        return M.RULE_LENGTH_ASVS
    if is_well_known(password):
        return M.RULE_BREACHED
    if login_name and login_name.lower() in password.lower():
        return M.RULE_CONTAINS_LOGIN
    return None


def policy_violation(password: str, policy: str, login_name: str = "") -> str | None:
    """The message naming the first rule `password` breaks, or None when it is acceptable."""
    if policy == "asvs":
        return asvs_violation(password, login_name)
    if not 8 <= len(password) <= MAX_LENGTH:
        return M.RULE_LENGTH_DENGBAO
    if _classes(password) < 3:
        return M.RULE_CLASSES
    if login_name and login_name.lower() in password.lower():
        return M.RULE_CONTAINS_LOGIN
    if is_well_known(password):
        return M.RULE_BREACHED
    return None


def is_expired(changed_at: dt.datetime, now: dt.datetime, policy: str, max_age_days: int) -> bool:
    """等保 asks for periodic change; ASVS does not rotate passwords."""
    if policy == "asvs":
        return False
    return now - changed_at > dt.timedelta(days=max_age_days)
