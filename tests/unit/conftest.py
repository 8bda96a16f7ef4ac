"""Unit-test fixtures: a portal app on a temporary SQLite file, driven with FastAPI's TestClient."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from mock_portal.app import create_app
from mock_portal.settings import Settings

TOKEN = "unit-test-token"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


class Portal:
    """A TestClient plus helpers: seed through the test API, read CSRF tokens, log in."""

    def __init__(self, settings: Settings) -> None:
        self.app = create_app(settings)
        self.settings = settings
        self.client = TestClient(self.app, raise_server_exceptions=False)
        self.api_headers = {"X-Test-Token": TOKEN}

    def api(self, method: str, path: str, **kw):
        response = self.client.request(method, "/__test__" + path, headers=self.api_headers, **kw)
        assert response.status_code < 400, response.text
        return response.json()

    def csrf(self, path: str = "/login") -> str:
        return CSRF_RE.search(self.client.get(path).text).group(1)

    def post_form(self, path: str, data: dict, form_page: str | None = None, **kw):
        token = self.csrf(form_page or path)
        return self.client.post(path, data={"csrf_token": token, **data}, **kw)

    def seed_natural(self, login_name="zr_unit", password="Aa123456#x", **extra) -> dict:
        return self.api(
            "POST",
            "/accounts",
            json={"kind": "natural", "login_name": login_name, "password": password, "name": "张三", **extra},
        )

    def seed_legal(
        self,
        login_name="fr_unit",
        password="Aa123456#x",
        unit_name="测试科技有限公司",
        credit_code="91350100M000100Y43",
        **extra,
    ) -> dict:
        return self.api(
            "POST",
            "/accounts",
            json={
                "kind": "legal",
                "login_name": login_name,
                "password": password,
                "name": "李四",
                "unit": {"name": unit_name, "credit_code": credit_code},
                **extra,
            },
        )

    def captcha(self) -> str:
        sid = self.client.cookies.get("MOSTSESSION")
        return self.api("GET", f"/captcha/{sid}")["answer"]

    def login(self, login_name: str, password: str, login_type: str = "natural", **kw):
        token = self.csrf("/login")
        return self.client.post(
            "/login",
            data={
                "csrf_token": token,
                "login_name": login_name,
                "password": password,
                "captcha": self.captcha(),
                "login_type": login_type,
                **kw,
            },
            follow_redirects=False,
        )

    def sign_in(self, login_name: str) -> None:
        sid = self.api("POST", "/sessions", json={"login_name": login_name})["session_id"]
        self.client.cookies.set("MOSTSESSION", sid)

    def advance(self, **delta) -> None:
        self.api("POST", "/clock/advance", json=delta)


def make_portal(tmp_path: Path, **overrides) -> Portal:
    settings = Settings(db_path=tmp_path / "portal.db", test_api=True, test_api_token=TOKEN, **overrides)
    return Portal(settings)


@pytest.fixture
def portal(tmp_path) -> Portal:
    return make_portal(tmp_path)
