"""The test-API client's domain methods (support/target/testapi.TestApi), the ones steps call instead of
raw control-plane paths, against the mock portal in process: each reaches its route and answers in the
shape the steps read."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from support.target.testapi import TestApi
from tests.unit.conftest import TOKEN

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def api(portal) -> TestApi:
    http = TestClient(portal.app, base_url="http://testserver/__test__", headers={"X-Test-Token": TOKEN})
    return TestApi("", "", http=http)


def test_today_is_the_portal_clock_day_and_moves_with_it(api):
    before = api.today()
    assert isinstance(before, dt.date)
    api.advance_clock(days=3)
    assert api.today() == before + dt.timedelta(days=3)


def test_switch_faults_turns_profiles_on_and_hands_back_the_restore(api):
    api.set_faults("legacy-browser")
    restore = api.switch_faults("internal-error", adding=True)
    assert api.faults() == ["internal-error", "legacy-browser"]
    restore()
    assert api.faults() == ["legacy-browser"]
    restore = api.switch_faults("garbled-registration")
    assert api.faults() == ["garbled-registration"]
    restore()
    assert api.faults() == ["legacy-browser"]


def test_templates_lists_the_page_templates(api):
    assert "auth/login.html" in api.templates()


def test_business_seeding_methods_reach_their_routes(api, portal):
    legal = portal.seed_legal()
    natural = portal.seed_natural()
    assert api.seed_unit_info(legal["unit_id"])["missing"] == []
    assert "法人单位基本信息" in " ".join(api.seed_unit_info(legal["unit_id"], basic_missing=["单位地址"])["missing"])
    grants = api.seed_grants(natural["login_name"], legal["unit_id"], ["sme"], roles=["管理员"], migration=True)
    assert [g["system"] for g in grants] == ["sme"]
    assert [g["id"] for g in api.grants(login_name=natural["login_name"])] == [grants[0]["id"]]
    filed = api.file_outbound_request(natural["login_name"])
    assert [r["id"] for r in api.reviews(kind="outbound_filing", account_id=natural["id"])] == [filed["review_id"]]
