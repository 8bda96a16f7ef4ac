"""Issue 21: security properties measured over HTTP on any target (ASVS 4.0.3 L2, 等保 8.1.4.1).

    .venv/bin/pytest tests/http                                                  # embedded mock
    .venv/bin/pytest tests/http --base-url URL --target-config staging.yaml      # staging

On staging the checks claim accounts from the target file's pool 安全检查用的账号 (docs/security.md):
they lock them (parallel wrong passwords) or reset them (SMS codes); without that pool, the captcha or
the right capability they skip and say which."""

from __future__ import annotations

import pytest

from tests.http import checks

pytestmark = pytest.mark.security


def test_http_login_time_does_not_tell_whether_a_login_name_exists(http_portal, evidence):
    evidence(checks.check_timing_uniform(http_portal))


def test_http_parallel_wrong_passwords_stay_within_the_lock_limit(http_portal, evidence):
    evidence(checks.check_parallel_wrong_passwords(http_portal))


def test_http_parallel_wrong_sms_codes_stay_within_the_try_limit(http_portal, evidence):
    evidence(checks.check_parallel_wrong_codes(http_portal))


def test_http_parallel_resends_send_one_code_within_the_cooldown(http_portal, evidence):
    evidence(checks.check_parallel_resends(http_portal))


def test_http_personal_pages_say_no_store(http_portal, evidence):
    evidence(checks.check_personal_pages_no_store(http_portal))


def test_http_session_cookie_is_httponly_samesite_and_secure_on_https(http_portal, evidence):
    evidence(checks.check_cookie_attributes(http_portal))


def test_http_no_state_change_on_get(http_portal, evidence):
    evidence(checks.check_no_state_change_on_get(http_portal))


@getattr(pytest.mark, "security-finding")  # the tag of features/security/findings.feature
def test_http_finding_reset_lookup_tells_whether_a_login_name_exists(http_portal, evidence):
    """Recorded as a finding (the FAQ prescribes it), not passed silently: the evidence says so."""
    evidence(checks.finding_reset_lookup_tells_whether_a_name_exists(http_portal))
