"""Settings of one portal instance (CLI flags and test-time overrides)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Settings:
    db_path: Path = Path("portal.db")
    test_api: bool = False
    test_api_token: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    fault_profiles: frozenset[str] = frozenset()
    # 等保-style policy by default; "asvs" switches to length >= 12, no rotation.
    password_policy: str = "dengbao"
    password_max_age_days: int = 90
    lockout_threshold: int = 5
    lockout_minutes: int = 15
    idle_timeout_minutes: int = 30
    # ASVS V3.3.2: a login ends after this long even while in use (0: never; not recommended).
    absolute_timeout_hours: float = 12
    sms_code_ttl_seconds: int = 600
    sms_max_attempts: int = 5
    sms_resend_cooldown_seconds: int = 60
    upload_max_bytes: int = 5 * 1024 * 1024
    synthesis_seconds: float = 0.0
    https: bool = False
    # Like many staging portals: the image captcha always has this answer (None: random, the default).
    staging_captcha: str | None = None
    # "plain": the same pages as another vendor would mark them up (mock_portal/markup_plain.py).
    markup: str = "standard"
    # Like a staging SMS gateway's log: every SMS sent is appended to this file as a JSON line (None: off).
    sms_outbox: Path | None = None
    # Like a staging portal's captcha log: every captcha answer issued is appended to this file as a JSON
    # line keyed by the SHA-256 of the session cookie it belongs to (None: off). Never in the page markup.
    captcha_outbox: Path | None = None

    @property
    def upload_dir(self) -> Path:
        """Uploads live beside the database, outside any served directory."""
        return self.db_path.parent / (self.db_path.stem + "-uploads")
