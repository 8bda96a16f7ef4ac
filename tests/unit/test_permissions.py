"""The permission model without HTTP: enter-once, grant, change, revoke, expiry, services catalogue."""

import datetime as dt

import pytest

from mock_portal.models.accounts import Account
from mock_portal.services import access, authorization, permissions
from tests.unit.conftest import make_portal

NOW = dt.datetime(2026, 3, 2, 10, 0)


@pytest.fixture
def world(tmp_path):
    p = make_portal(tmp_path)
    legal = p.seed_legal("fr_m", realname_status="passed")
    person = p.seed_natural("zr_m", realname_status="passed", id_number="110101199003071111")
    db = p.app.state.sessionmaker()
    yield db, db.get(Account, legal["id"]), db.get(Account, person["id"])
    db.close()


def test_enter_once_gives_the_unit_the_permission(world):
    db, legal, person = world
    with pytest.raises(authorization.AuthorizationError, match="没有权限"):
        authorization.grant(db, legal.unit_id, person, {"pathogen_lab": ["事项办理员"]}, NOW.date(), NOW)
    assert access.system_access(db, legal, "pathogen_lab", NOW).ok
    assert "pathogen_lab" in permissions.unit_systems(db, legal.unit_id)
    grants = authorization.grant(db, legal.unit_id, person, {"pathogen_lab": ["事项办理员"]}, NOW.date(), NOW)
    assert grants[0].roles == ["事项办理员"]


def test_unverified_legal_entry_gives_nothing(world):
    db, legal, person = world
    legal.realname_status = "none"
    assert not access.system_access(db, legal, "hgr", NOW).ok
    assert permissions.unit_systems(db, legal.unit_id) == set()


def test_grant_change_revoke_and_expiry(world):
    db, legal, person = world
    permissions.record_entry(db, legal, "hgr", NOW)
    end = NOW.date() + dt.timedelta(days=10)
    [g] = authorization.grant(db, legal.unit_id, person, {"hgr": ["事项管理员"]}, end, NOW)
    assert access.system_access(db, person, "hgr", NOW).roles == ("事项管理员",)
    authorization.change(db, g, ["事项办理员"], end, NOW)
    assert access.system_access(db, person, "hgr", NOW).roles == ("事项办理员",)
    assert access.system_access(db, person, "hgr", NOW + dt.timedelta(days=10)).ok  # end date inclusive
    late = access.system_access(db, person, "hgr", NOW + dt.timedelta(days=11))
    assert not late.ok and late.reason == "expired"
    permissions.revoke(db, g)
    assert access.system_access(db, person, "hgr", NOW).reason == "no-grant"


def test_only_verified_natural_persons_can_be_granted_and_found(world):
    db, legal, person = world
    permissions.record_entry(db, legal, "hgr", NOW)
    assert authorization.search_natural(db, "zr_m") == []
    assert authorization.search_natural(db, "张三") == [person]
    assert authorization.search_natural(db, "张三", "110101199003079999") == []
    person.realname_status = "none"
    assert authorization.search_natural(db, "张三") == []
    with pytest.raises(authorization.AuthorizationError):
        authorization.grant(db, legal.unit_id, person, {"hgr": ["事项办理员"]}, NOW.date(), NOW)
    with pytest.raises(authorization.AuthorizationError):
        authorization.grant(db, legal.unit_id, legal, {"hgr": ["事项办理员"]}, NOW.date(), NOW)


def test_cross_unit_grant_lookup_is_refused(world):
    db, legal, person = world
    permissions.record_entry(db, legal, "hgr", NOW)
    [g] = authorization.grant(db, legal.unit_id, person, {"hgr": ["事项办理员"]}, NOW.date(), NOW)
    assert authorization.grant_of_unit(db, legal.unit_id, g.id) is g
    with pytest.raises(authorization.AuthorizationError):
        authorization.grant_of_unit(db, legal.unit_id + 1, g.id)


def test_roles_are_checked_against_the_system(world):
    assert authorization.parse_roles(["hgr:事项办理员", "hgr:事项办理员"]) == {"hgr": ["事项办理员"]}
    for bad in (["hgr:管理员"], ["work_permit:事项办理员"], ["nope:事项办理员"], ["junk"]):
        with pytest.raises(authorization.AuthorizationError):
            authorization.parse_roles(bad)
    offered = {o.system.key for o in authorization.offers(world[0], world[1].unit_id)}
    assert "work_permit" not in offered and "outbound_training" not in offered and "hgr" in offered
