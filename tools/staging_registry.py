"""The identity registry's test identities for `make staging-demo` (called from tools/staging_demo.main).

自动实名认证 checks a person's 证件号码 + 姓名 (公安) and a unit's 统一社会信用代码 + 单位名称 (市场监管)
against a registry. On the mock the test API writes registry entries; a real staging portal's registry
is a stub holding test identities that its operators hand over. The demo plays the operators: it writes
those identities into the fresh portal database before the portal starts and lists them in the target
file's `identity_registry:` section, two pools the scenarios claim one entry at a time
(support/target/staging.registry_person / registry_unit):

    identity_registry:
      persons:                      # 姓名 + 证件号码 (the number only in an environment variable)
        - {name: 张三, id_number_env: DEMO_REGISTRY_ID_01}
      units:                        # 单位名称 + 统一社会信用代码 (public data, written in the file)
        - {unit_name: 某某科技有限公司, credit_code: 91110108MA01XXXXXX}

ID numbers are secrets like passwords: each travels only in its own environment variable, never in
the target file, a log or a report. An identity bound to an account by a scenario stays bound, so the
pools are restored (a fresh demo database) before every run."""

from __future__ import annotations

# Per browser: 4 persons (本人 passes, 本人 under another name, 主代办人 passes, 主代办人 under another
# name) and 2 units (passes, under another name); room for two browsers and reruns.
PERSONS = 16
UNITS = 8
ENV_PREFIX = "DEMO_REGISTRY_ID_"


def provision(db) -> tuple[dict, dict[str, str]]:
    """Writes the registry's identities into the open session `db`. Returns the target file's
    `identity_registry:` section and the environment variables holding the ID numbers."""
    from mock_portal.models.identity import PERSON, UNIT, RegistryIdentity
    from support.data import factories

    persons, units, env = [], [], {}
    for n in range(1, PERSONS + 1):
        person = factories.Person()
        name = f"{ENV_PREFIX}{n:02d}"
        db.add(RegistryIdentity(kind=PERSON, number=person.id_number, name=person.name))
        env[name] = person.id_number
        persons.append({"name": person.name, "id_number_env": name})
    for _ in range(UNITS):
        unit = factories.LegalUnit()
        db.add(RegistryIdentity(kind=UNIT, number=unit.credit_code, name=unit.unit_name))
        units.append({"unit_name": unit.unit_name, "credit_code": unit.credit_code})
    db.flush()
    return {"persons": persons, "units": units}, env


def provision_into(db_path) -> tuple[dict, dict[str, str]]:
    """Opens the fresh portal database at `db_path` (before the portal starts) and writes the registry."""
    from mock_portal.db import init_db

    engine, maker = init_db(db_path)
    with maker() as db:
        section, env = provision(db)
        db.commit()
    engine.dispose()
    return section, env
