"""Password hashing (argon2id) and the configurable password policy."""
from __future__ import annotations

import datetime as dt
import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from mock_portal.messages import auth as M

# OWASP's minimum argon2id parameters: strong enough, fast enough for a test portal.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
MAX_LENGTH = 64
BREACHED = frozenset({
    "password1234", "123456789012", "qwertyuiop12", "1qaz2wsx3edc", "iloveyou1234",
    "Password@123", "Aa123456789!", "zhongguo1234", "woaini123456", "abc123456789",
})


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _classes(password: str) -> int:
    patterns = (r"[A-Z]", r"[a-z]", r"[0-9]", r"[^A-Za-z0-9]")
    return sum(1 for p in patterns if re.search(p, password))


def policy_violation(password: str, policy: str, login_name: str = "") -> str | None:
    """The message naming the first rule `password` breaks, or None when it is acceptable."""
    if policy == "asvs":
        if not 12 <= len(password) <= MAX_LENGTH:
            return M.RULE_LENGTH_ASVS
        if password in BREACHED or password.lower() in {b.lower() for b in BREACHED}:
            return M.RULE_BREACHED
        return None
    if not 8 <= len(password) <= MAX_LENGTH:
        return M.RULE_LENGTH_DENGBAO
    if _classes(password) < 3:
        return M.RULE_CLASSES
    if login_name and login_name.lower() in password.lower():
        return M.RULE_CONTAINS_LOGIN
    return None


def is_expired(changed_at: dt.datetime, now: dt.datetime, policy: str, max_age_days: int) -> bool:
    """等保 asks for periodic change; ASVS does not rotate passwords."""
    if policy == "asvs":
        return False
    return now - changed_at > dt.timedelta(days=max_age_days)
