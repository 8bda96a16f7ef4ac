"""The back-office reviewer's password (the target file names only its environment variable) is a secret of the
run from the moment the suite reads it: it is typed into the back office's login, so the trace of that browser
would carry it (found in a staging demo trace, 2026-11-30: the reviewer's `fill` in plain text)."""

from __future__ import annotations

import pytest

from support.reporting import redaction
from support.seeding.ui import UiSeeder
from support.target.portal import Target

pytestmark = pytest.mark.unit


class Stop(Exception):
    """Raised where the seeder would open the reviewer's browser: what came before is what is tested."""


def test_the_reviewers_password_is_registered_before_it_is_typed(monkeypatch):
    password = "Rv-9f3c1a7e#2026"
    monkeypatch.setenv("QA_REVIEWER_PASSWORD", password)
    config = {"reviewer": {"username": "qa-reviewer", "password_env": "QA_REVIEWER_PASSWORD"}}
    target = Target("http://127.0.0.1:9", "staging", None, frozenset({"back-office"}), config)

    def no_browser(**_overrides):
        raise Stop

    seeder = UiSeeder(target, lambda: no_browser)
    assert password not in redaction.known()  # a value no other test registers
    with pytest.raises(Stop):
        seeder.reviewer_page()
    assert password in redaction.known()
    assert password not in redaction.redact_text(f'fill "审核员密码" value="{password}"')
