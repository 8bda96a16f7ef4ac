"""The target file's identity_registry (the registry stub's test identities) and the demo's provisioning."""

import tempfile
import uuid

import pytest

from support.reporting import redaction
from support.target import staging
from support.target.portal import Target
from tools import staging_registry

REGISTRY = """
identity_registry:
  persons:
    - {name: 甲, id_number_env: ID_A}
    - {name: 乙, id_number_env: ID_B}
  units:
    - {unit_name: 某核验公司, credit_code: 91110000000000001X}
"""


def _target(tmp_path, text=REGISTRY) -> Target:
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    data = staging.parse(path)
    return Target("http://127.0.0.1:1", "staging", None, data["capabilities"], data)


@pytest.fixture(autouse=True)
def _own_claims(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("PYTEST_XDIST_TESTRUNUID", f"unit-{uuid.uuid4().hex}")
    monkeypatch.setenv("ID_A", "110101199003070011")
    monkeypatch.setenv("ID_B", "110101199003070038")


def test_an_id_number_written_in_the_file_is_refused(tmp_path):
    with pytest.raises(staging.TargetConfigError, match="id_number_env"):
        _target(tmp_path, "identity_registry:\n  persons:\n    - {name: 甲, id_number: '110101199003070011'}\n")


def test_each_scenario_claims_its_own_identity_and_the_number_is_redacted(tmp_path):
    target = _target(tmp_path)
    first = staging.registry_person(target)
    second = staging.registry_person(target)
    assert {first, second} == {("甲", "110101199003070011"), ("乙", "110101199003070038")}
    assert "110101199003070011" in redaction.known()
    with pytest.raises(pytest.skip.Exception, match="用完"):
        staging.registry_person(target)


def test_under_another_name_skips_the_account_s_own_name(tmp_path):
    target = _target(tmp_path)
    assert staging.registry_person(target, avoid_name="甲")[0] == "乙"


def test_without_the_section_the_scenario_skips_naming_it(tmp_path):
    target = _target(tmp_path, "captcha: {mode: fixed, env: C}\n")
    with pytest.raises(pytest.skip.Exception, match=r"identity_registry\.units"):
        staging.registry_unit(target)


def test_demo_writes_the_identities_the_automatic_check_accepts(tmp_path):
    from mock_portal.db import init_db
    from mock_portal.models.identity import PERSON, UNIT
    from mock_portal.services.realname import registry_match

    section, env = staging_registry.provision_into(tmp_path / "portal.db")
    assert len(section["persons"]) == staging_registry.PERSONS and len(section["units"]) == staging_registry.UNITS
    assert all(set(spec) == {"name", "id_number_env"} for spec in section["persons"])
    engine, maker = init_db(tmp_path / "portal.db")
    with maker() as db:
        person, unit = section["persons"][0], section["units"][0]
        assert registry_match(db, PERSON, env[person["id_number_env"]], person["name"])
        assert registry_match(db, UNIT, unit["credit_code"], unit["unit_name"])
    engine.dispose()
