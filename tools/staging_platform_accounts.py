"""Pre-provisioned platform and security accounts for `make staging-demo` (called from
tools/staging_demo.provision).

No portal screen makes these; on a real staging portal the QA team gets them from the portal's operators:
- 没有预留手机号的自然人账号: an account registered before the reserved phone became mandatory
  (登录名重置密码 refuses it and points to the appeals; FAQ-1.2.1);
- 后台审核员账号: extra back-office reviewer accounts besides the target file's `reviewer:`, for the
  scenario that locks one by failed logins (security/depth.feature) — the run's own reviewer must stay usable.

Each description is a pool: every scenario×browser item claims one of its own (support/target/staging.actor)."""

from __future__ import annotations

import datetime as dt

POOL_SIZE = 4
# Back-office reviewers: four scenarios per browser ask for one (appeal review, its edges, the back office's
# pages, the lockout), an outline's examples each claim their own; the Chromium staging demo used up 4.
REVIEWER_POOL_SIZE = 16
ENV = "DEMO_PLATFORM_POOL_PASSWORD"


def natural_account(person, *, login_name: str, password_hash: str, at: dt.datetime, **overrides):
    """A 自然人 account row for a factories.Person, as operators would hand one over: 居民身份证,
    verified, password set and account created at `at`; `overrides` change any column (phone=None …)."""
    from mock_portal.models.accounts import NATURAL, Account

    columns = {
        "login_name": login_name,
        "password_hash": password_hash,
        "password_changed_at": at,
        "kind": NATURAL,
        "name": person.name,
        "id_type": "居民身份证",
        "id_number": person.id_number,
        "phone": person.phone,
        "realname_status": "passed",
        "profile": {},
        "created_at": at,
    }
    return Account(**{**columns, **overrides})


def provision(db, password_hash: str, stamp: dt.datetime) -> dict[str, list[dict]]:
    """Writes every pool into the open session `db`; returns the target file's `accounts:` entries."""
    from mock_portal.models.reviews import Reviewer
    from support.data import factories

    no_phone, reviewers = [], []
    for n in range(1, POOL_SIZE + 1):
        person = factories.Person()
        login = f"qa_nophone_zr_{n:02d}"
        db.add(natural_account(person, login_name=login, password_hash=password_hash, at=stamp, phone=None))
        no_phone.append(
            {
                "kind": "natural",
                "login_name": login,
                "password_env": ENV,
                "name": person.name,
                "id_number": person.id_number,
            }
        )
    for n in range(1, REVIEWER_POOL_SIZE + 1):
        username = f"qa_reviewer_pool_{n:02d}"
        db.add(Reviewer(username=username, password_hash=password_hash, display_name=f"预发布审核员{n:02d}"))
        reviewers.append({"kind": "reviewer", "login_name": username, "password_env": ENV})
    return {"没有预留手机号的自然人账号": no_phone, "后台审核员账号": reviewers}


def provision_into(db_path, password: str) -> dict[str, list[dict]]:
    """Opens the fresh portal database at `db_path` (before the portal starts) and writes the pools."""
    from mock_portal.db import init_db
    from mock_portal.services import passwords

    engine, maker = init_db(db_path)
    with maker() as db:
        pools = provision(db, passwords.hash_password(password), dt.datetime.now() - dt.timedelta(days=30))
        db.commit()
    engine.dispose()
    return pools
