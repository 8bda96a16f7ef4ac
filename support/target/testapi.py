"""Client of the portal's token-guarded test control plane (/__test__/…), over HTTP only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import httpx


class TestApiError(AssertionError):
    pass


class TestApi:
    __test__ = False  # not a pytest test class

    def __init__(self, base_url: str, token: str, http: httpx.Client | None = None) -> None:
        """`http`: a client of your own already pointed at /__test__ with the token (an in-process
        TestClient in unit tests); by default one over the network to base_url."""
        self.http = http or httpx.Client(
            base_url=base_url.rstrip("/") + "/__test__", headers={"X-Test-Token": token}, timeout=30
        )

    def _call(self, method: str, path: str, **kw):
        response = self.http.request(method, path, **kw)
        if response.status_code >= 400:
            raise TestApiError(f"test API {method} {path} -> {response.status_code}: {response.text[:500]}")
        return response.json()

    def get(self, path: str, **params):
        return self._call("GET", path, params={k: v for k, v in params.items() if v is not None})

    def post(self, path: str, payload: dict | None = None):
        return self._call("POST", path, json=payload or {})

    def put(self, path: str, payload: dict):
        return self._call("PUT", path, json=payload)

    # -- core control plane -------------------------------------------------------------
    def seed_account(self, **spec) -> dict:
        return self.post("/accounts", spec)

    def account(self, login_name: str) -> dict:
        return self.get(f"/accounts/{login_name}")

    def open_session(self, login_name: str | None = None, reviewer: str | None = None) -> dict:
        return self.post("/sessions", {"login_name": login_name, "reviewer": reviewer})

    def captcha_answer(self, session_id: str) -> str:
        return self.get(f"/captcha/{session_id}")["answer"]

    def advance_clock(self, days: float = 0, hours: float = 0, minutes: float = 0, working_days: int = 0) -> str:
        return self.post(
            "/clock/advance", {"days": days, "hours": hours, "minutes": minutes, "working_days": working_days}
        )["now"]

    def sms(self, phone: str) -> list[dict]:
        return self.get("/sms", phone=phone)

    def today(self) -> dt.date:
        """The portal's day by its own (movable) clock."""
        return dt.datetime.fromisoformat(self.get("/clock")["now"]).date()

    def faults(self) -> list[str]:
        return self.get("/faults")["profiles"]

    def set_faults(self, *profiles: str) -> None:
        self.put("/faults", {"profiles": list(profiles)})

    def switch_faults(self, *profiles: str, adding: bool = False) -> Callable[[], None]:
        """Turns the fault profiles on (alone, or `adding` them to those already on) and returns what turns
        the ones before back on: a step hands it to request.addfinalizer."""
        before = self.faults()
        self.set_faults(*before, *profiles) if adding else self.set_faults(*profiles)
        return lambda: self.set_faults(*before)

    def templates(self) -> list[str]:
        """Every page template of the mock (the accessibility crawl's coverage)."""
        return self.get("/templates")

    def reviews(self, kind: str | None = None, account_id: int | None = None, unit_id: int | None = None) -> list[dict]:
        return self.get("/reviews", kind=kind, account_id=account_id, unit_id=unit_id)

    def decide(self, review_id: int, approve: bool, reason: str = "") -> dict:
        return self.post(f"/reviews/{review_id}/decide", {"approve": approve, "reason": reason})

    def seed_reviewer(self, username: str, password: str) -> dict:
        return self.post("/reviewers", {"username": username, "password": password})

    # -- business data -------------------------------------------------------------------
    def grants(self, login_name: str | None = None, unit_id: int | None = None) -> list[dict]:
        return self.get("/authorization/grants", login_name=login_name, unit_id=unit_id)

    def seed_unit_info(self, unit_id: int, **gaps) -> dict:
        """Fills the unit's 基本信息/其他信息 and its 主代办人, leaving out the fields `gaps` names
        (basic_missing, other_missing, agent_missing, unit_realname)."""
        return self.post("/business/unit_info", {"unit_id": unit_id, **gaps})

    def seed_grants(self, login_name: str, unit_id: int, systems: list[str], **spec) -> list[dict]:
        """The person's grants in the unit's systems (spec: roles, days, migration)."""
        return self.post("/business/grants", {"login_name": login_name, "unit_id": unit_id, "systems": systems, **spec})

    def file_outbound_request(self, login_name: str) -> dict:
        """The person asked 引智司 to file them: a pending outbound_filing review."""
        return self.post("/business/outbound_filing_requests", {"login_name": login_name})
