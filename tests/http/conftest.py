"""tests/http: security checks over plain HTTP (httpx, no browser) on the run's target, chosen the way the
e2e suite chooses it (--base-url, --target-config; without them this worker's embedded mock portal)."""

from __future__ import annotations

import pytest

from tests.http.portal_http import HttpPortal


@pytest.fixture
def http_portal(target) -> HttpPortal:
    return HttpPortal.of_target(target)


@pytest.fixture
def evidence(request):
    """Puts a check's evidence (numbers, never a secret) into the JUnit XML, where `make security`'s
    table reads it (tools/security_report.py), and prints it (pytest -rA shows it)."""

    def record(text: str) -> None:
        request.node.user_properties.append(("evidence", text))
        print(f"证据 (evidence): {text}")

    return record
