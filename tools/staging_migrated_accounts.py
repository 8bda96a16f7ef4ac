"""Pre-provisioned migrated accounts for `make staging-demo` (called from tools/staging_demo.provision):
火炬中心's enterprise accounts and 外国专家项目管理信息系统's legacy accounts.

No portal screen makes these: the Torch Center's enterprise accounts came into the portal by a data
migration (login name = the unit's 统一社会信用代码), and where the unit already had a legal account the
migrated account became a natural person holding the unit's 管理员 role in the Torch systems
("因数据冲突迁移为自然人"). On a real staging portal the QA team gets such accounts from the portal's
operators, each in a known state of its unit information (complete, or with named pieces missing).
Here they are written into the fresh portal database before it starts, one pool per description:
every scenario×browser item claims one of its own (support/target/staging.actor), since scenarios change
them (passwords reset, information completed).

Descriptions (the target file's `accounts:` keys):
- the personas of steps/torch.py: 由火炬中心迁移的企业账号, 信息完整的火炬中心企业账号, 未实名的火炬中心企业账号,
  因数据冲突迁移为自然人的企业账号, 未实名的因数据冲突迁移为自然人的企业账号;
- an account of those with pieces of its unit information missing, as the step
  该企业的"<信息>"缺少"<缺少项>" names them: "<账号描述>（<信息>缺少<缺少项>[；…]）" (support/seeding/ui_business.py
  `torch_gaps`);
- 外国专家项目管理信息系统迁移的账号 (login name WGZJXM_<old name>, a reserved phone) and
  没有预留手机号也未绑定身份的外国专家项目管理信息系统迁移账号 (no phone, no ID number, not verified; the target
  file gives the person's own ID number, bound to no account, for the appeal);
- 单位名称中带全角括号的已实名法人单位: a unit whose name has full-width brackets, with backup numbers the
  人类遗传资源 backup system holds under variants of that name, entered by its staff (`backup_numbers`:
  variant → number; the variants are steps/hgr.py's VARIANTS), and one applied for under its exact name that
  the staff have not entered yet (`pending_backup_number`: it waits in the back office's queue);
- 有以前的外国专家项目办理信息的已实名法人单位: a verified unit whose earlier 外国专家项目 records came over from
  the old 外专 system (`wzj_records`: their titles, as the natural person granted by the unit sees them); the unit
  is not yet registered in the platform's 外专 system (the scenario registers it through the screens);
- 授权已过期的法人单位（<系统>的<角色>）: not migrated, a state only time reaches: a verified unit whose 法人 granted
  a verified person (`grantee`) those roles with an end date that passed yesterday (EXPIRED_GRANTS)."""

from __future__ import annotations

import datetime as dt

POOL_SIZE = 4
# (system name as users read it, its key in mock_portal/systems.py, roles) of the 授权已过期 pools.
EXPIRED_GRANTS = [("高等级病原微生物实验室建设审查", "pathogen_lab", ["事项办理员"])]
# Pools the scenarios claim more often: every 缺少 scenario first claims a complete account (the step
# then swaps it for one in the named state), so that pool serves ~20 scenarios per browser.
POOL_SIZES = {"信息完整的火炬中心企业账号": 48, "由火炬中心迁移的企业账号": 8, "因数据冲突迁移为自然人的企业账号": 8}
ENV = "DEMO_MIGRATED_PASSWORD"
# The earlier 外国专家项目 records of the units in the pool 有以前的外国专家项目办理信息的已实名法人单位 (FAQ-5.1).
WZJ_RECORDS = ["2019年度高端外国专家引进计划", "2020年度外国青年人才计划"]
WZJ_PREFIX = "WGZJXM_"
TORCH_SYSTEMS = ["sme", "hnte", "torch"]
BASE = {
    "由火炬中心迁移的企业账号": ("legal", "passed"),
    "信息完整的火炬中心企业账号": ("legal", "passed"),
    "未实名的火炬中心企业账号": ("legal", "none"),
    "因数据冲突迁移为自然人的企业账号": ("collided", "passed"),
    "未实名的因数据冲突迁移为自然人的企业账号": ("collided", "none"),
}
# The unit-information states the Torch scenarios start from: (base description, [(信息, 缺少项)…]).
GAPS = [
    ("信息完整的火炬中心企业账号", [(piece, fields)])
    for piece, fields in [
        ("法人单位基本信息", "法定代表人类型"),
        ("法人单位基本信息", "实名认证"),
        ("法人单位其他信息", "所属行业2、企业类型"),
        ("法人单位其他信息", "外资来源地"),
        ("法人单位其他信息", "单位经营期限、核准日期"),
        ("主代办人信息", "实名认证"),
        ("主代办人信息", "手机号码"),
        ("法人单位基本信息", "法定代表人姓名"),
        ("法人单位基本信息", "单位性质"),
        ("法人单位基本信息", "单位地址"),
        ("法人单位其他信息", "所属行业1"),
        ("法人单位其他信息", "工商登记机关"),
        ("法人单位其他信息", "所得税征收方式"),
        ("主代办人信息", "姓名"),
        ("主代办人信息", "证件号码"),
        ("法人单位其他信息", "企业类型"),
    ]
]
GAPS += [
    ("信息完整的火炬中心企业账号", [("法人单位其他信息", "所得税征收方式"), ("主代办人信息", "实名认证")]),
    ("因数据冲突迁移为自然人的企业账号", [("授权单位其他信息", "所属行业2、企业类型")]),
]
GAP_KEYS = {
    "法人单位基本信息": "basic",
    "授权单位基本信息": "basic",
    "法人单位其他信息": "other",
    "授权单位其他信息": "other",
    "主代办人信息": "agent",
}


def gap_description(base: str, gaps: list[tuple[str, str]]) -> str:
    """The target file's key of an account whose unit lacks those pieces (same as ui_business.torch_gaps)."""
    return f"{base}（{'；'.join(f'{piece}缺少{fields}' for piece, fields in gaps)}）"


def provision(db, password_hash: str, stamp: dt.datetime) -> dict[str, list[dict]]:
    """Writes every pool into the open session `db`; returns the `accounts:` entries."""
    from mock_portal.models.accounts import LEGAL, Account, Unit
    from mock_portal.models.permissions import UnitPermission
    from mock_portal.services import permissions
    from mock_portal.testapi.business import SAMPLE_BASIC, SAMPLE_OTHER
    from support.data import factories
    from tools.staging_platform_accounts import natural_account

    def unit_with_legal(missing: dict[str, list[str]], realname: str, login_is_code: bool):
        unit = factories.LegalUnit()
        unit_realname = "none" if "实名认证" in missing["basic"] else "passed"
        row = Unit(
            name=unit.unit_name,
            credit_code=unit.credit_code,
            unit_type="企业法人",
            realname_status=unit_realname,
            flags={},
            created_at=stamp,
            basic_info={k: v for k, v in SAMPLE_BASIC.items() if k not in missing["basic"]},
            other_info={k: v for k, v in SAMPLE_OTHER.items() if k not in missing["other"]},
        )
        db.add(row)
        db.flush()
        agent = missing["agent"]
        profile = {"agent_realname_status": "none" if "实名认证" in agent else "passed"}
        if "证件号码" not in agent:
            profile["agent_id_number"] = unit.agent_id_number
        legal = Account(
            login_name=unit.credit_code if login_is_code else unit.login_name,
            password_hash=password_hash,
            password_changed_at=stamp,
            kind=LEGAL,
            name="" if "姓名" in agent else unit.agent_name,
            phone=None if "手机号码" in agent else unit.phone,
            realname_status=realname,
            profile=profile,
            unit_id=row.id,
            created_at=stamp,
        )
        db.add(legal)
        db.flush()
        return unit, row, legal

    def one(base: str, gaps: list[tuple[str, str]]) -> dict:
        kind, realname = BASE[base]
        missing = {"basic": [], "other": [], "agent": []}
        for piece, fields in gaps:
            missing[GAP_KEYS[piece]] += [f for f in fields.split("、") if f]
        if kind == "legal":
            _, row, legal = unit_with_legal(missing, realname, login_is_code=True)
            return {
                "kind": "legal",
                "login_name": legal.login_name,
                "password_env": ENV,
                "name": legal.name,
                "phone": legal.phone,
                "unit_name": row.name,
                "credit_code": row.credit_code,
            }
        # the unit already had its legal account: the Torch account became a natural 管理员
        _, row, _ = unit_with_legal(missing, "passed", login_is_code=False)
        person = factories.Person(login_name=row.credit_code)
        natural = natural_account(
            person,
            login_name=row.credit_code,
            password_hash=password_hash,
            at=stamp,
            realname_status=realname,
        )
        db.add(natural)
        db.flush()
        end = stamp.date() + dt.timedelta(days=365)
        for system in TORCH_SYSTEMS:
            if system not in permissions.unit_systems(db, row.id):
                db.add(UnitPermission(unit_id=row.id, system=system, acquired_at=stamp))
                db.flush()
            permissions.upsert_grant(db, row.id, natural.id, system, ["管理员"], end, stamp)
        return {
            "kind": "natural",
            "login_name": natural.login_name,
            "password_env": ENV,
            "name": natural.name,
            "phone": natural.phone,
            "id_number": natural.id_number,
            "unit_name": row.name,
            "credit_code": row.credit_code,
        }

    def legacy_wzj(bare: bool, unverified: bool = False) -> dict:
        person = factories.Person(login_name=WZJ_PREFIX + factories.unique("wz"))
        row = natural_account(
            person,
            login_name=person.login_name,
            password_hash=password_hash,
            at=stamp,
            id_number=None if bare else person.id_number,
            phone=None if bare else person.phone,
            realname_status="none" if bare or unverified else "passed",
        )
        if unverified:
            row.id_number = None
        db.add(row)
        db.flush()
        return {
            "kind": "natural",
            "login_name": row.login_name,
            "password_env": ENV,
            "name": row.name,
            "phone": row.phone,
            "id_number": person.id_number,
        }

    def bracketed_unit() -> dict:
        from mock_portal.services import backup_numbers
        from steps.hgr import VARIANTS

        unit = factories.LegalUnit(unit_name=f"华遗{factories.unique('')[:6]}（北京）生物科技有限公司")
        row = Unit(
            name=unit.unit_name,
            credit_code=unit.credit_code,
            unit_type="企业法人",
            realname_status="passed",
            basic_info={},
            other_info={},
            flags={},
            created_at=stamp,
        )
        db.add(row)
        db.flush()
        legal = Account(
            login_name=unit.login_name,
            password_hash=password_hash,
            password_changed_at=stamp,
            kind=LEGAL,
            name=unit.agent_name,
            phone=unit.phone,
            realname_status="passed",
            profile={"agent_id_number": unit.agent_id_number},
            unit_id=row.id,
            created_at=stamp,
        )
        db.add(legal)
        numbers = {}
        for variant, rename in VARIANTS.items():
            numbers[variant] = factories.unique("BF")
            backup_numbers.enter(db, backup_numbers.apply(db, rename(row.name), numbers[variant], stamp), stamp)
        pending = factories.unique("BF")
        backup_numbers.apply(db, row.name, pending, stamp)
        db.flush()
        return {
            "kind": "legal",
            "login_name": legal.login_name,
            "password_env": ENV,
            "name": legal.name,
            "phone": legal.phone,
            "unit_name": row.name,
            "credit_code": row.credit_code,
            "backup_numbers": numbers,
            "pending_backup_number": pending,
        }

    def unit_with_wzj_records() -> dict:
        from mock_portal.models.business import LegacyRecord
        from mock_portal.services.foreign_experts import SYSTEM

        none = {"basic": [], "other": [], "agent": []}
        _, row, legal = unit_with_legal(none, "passed", login_is_code=False)
        for title in WZJ_RECORDS:
            db.add(LegacyRecord(unit_id=row.id, system=SYSTEM, title=title, created_at=stamp))
        db.flush()
        return {
            "kind": "legal",
            "login_name": legal.login_name,
            "password_env": ENV,
            "name": legal.name,
            "phone": legal.phone,
            "unit_name": row.name,
            "credit_code": row.credit_code,
            "wzj_records": list(WZJ_RECORDS),
        }

    def expired_grant(system_key: str, roles: list[str]) -> dict:
        none = {"basic": [], "other": [], "agent": []}
        _, row, legal = unit_with_legal(none, "passed", login_is_code=False)
        person = factories.Person()
        natural = natural_account(person, login_name=person.login_name, password_hash=password_hash, at=stamp)
        db.add(natural)
        db.add(UnitPermission(unit_id=row.id, system=system_key, acquired_at=stamp))
        db.flush()
        yesterday = dt.date.today() - dt.timedelta(days=1)
        permissions.upsert_grant(db, row.id, natural.id, system_key, roles, yesterday, stamp)
        return {
            "kind": "legal",
            "login_name": legal.login_name,
            "password_env": ENV,
            "name": legal.name,
            "phone": legal.phone,
            "unit_name": row.name,
            "credit_code": row.credit_code,
            "grantee": {
                "kind": "natural",
                "login_name": natural.login_name,
                "password_env": ENV,
                "name": natural.name,
                "phone": natural.phone,
                "id_number": natural.id_number,
            },
        }

    accounts: dict[str, list[dict]] = {}
    for system, key, roles in EXPIRED_GRANTS:
        description = f"授权已过期的法人单位（{system}的{'、'.join(roles)}）"  # ui_business.expired_grant_description
        accounts[description] = [expired_grant(key, roles) for _ in range(POOL_SIZE)]
    accounts["有以前的外国专家项目办理信息的已实名法人单位"] = [unit_with_wzj_records() for _ in range(POOL_SIZE)]
    accounts["单位名称中带全角括号的已实名法人单位"] = [bracketed_unit() for _ in range(POOL_SIZE * 3)]
    accounts["外国专家项目管理信息系统迁移的账号"] = [legacy_wzj(False) for _ in range(POOL_SIZE)]
    accounts["没有预留手机号也未绑定身份的外国专家项目管理信息系统迁移账号"] = [
        legacy_wzj(True) for _ in range(POOL_SIZE)
    ]
    accounts["尚未实名的外国专家项目管理信息系统迁移账号"] = [
        legacy_wzj(False, unverified=True) for _ in range(POOL_SIZE)
    ]
    for base in BASE:
        accounts[base] = [one(base, []) for _ in range(POOL_SIZES.get(base, POOL_SIZE))]
    for base, gaps in GAPS:
        accounts[gap_description(base, gaps)] = [one(base, gaps) for _ in range(POOL_SIZE + 2)]
    return accounts
