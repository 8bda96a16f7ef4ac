"""tests/http against the mock portal set up as a staging portal (no test API), the way
tools/staging_demo.py sets one up, plus the pool the HTTP checks claim on staging
(安全检查用的账号: accounts they lock or reset, with reserved phones).

    .venv/bin/python -m tests.http.staging_demo [--captcha log|fixed] [-- extra pytest args]

--captcha log (default): the portal logs each captcha it issues and the target file reads it with a
command (tools/captcha_sink_read.py); fixed: one fixed captcha from an environment variable.

Prints the target, then pytest's output (-rA: each check's evidence); its exit status is pytest's."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import secrets
import signal
import subprocess
import sys
from pathlib import Path

from tests.http.portal_http import SECURITY_POOL
from tools import staging_demo

ROOT = Path(__file__).resolve().parents[2]

POOL_SIZE = 12  # one per check and a few spare (each claims its own)
ENV = "DEMO_SECURITY_POOL_PASSWORD"


def provision_security_pool(db_path: Path, password: str) -> list[dict]:
    from mock_portal.db import init_db
    from mock_portal.services import passwords
    from support.data import factories
    from tools.staging_platform_accounts import natural_account

    engine, maker = init_db(db_path)
    stamp = dt.datetime.now() - dt.timedelta(days=1)
    pool = []
    with maker() as db:
        hashed = passwords.hash_password(password)
        for n in range(1, POOL_SIZE + 1):
            person = factories.Person()
            login = f"qa_security_zr_{n:02d}"
            db.add(natural_account(person, login_name=login, password_hash=hashed, at=stamp))
            pool.append({"kind": "natural", "login_name": login, "password_env": ENV, "phone": person.phone})
        db.commit()
    engine.dispose()
    return pool


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="tests/http on the staging demo portal")
    parser.add_argument("--captcha", choices=("log", "fixed"), default="log")
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    work = ROOT / "reports" / "staging-demo-http"
    stale_files = ("portal.db", "portal.db-wal", "portal.db-shm", "sms-outbox.jsonl", "captcha-outbox.jsonl")
    for stale in (*stale_files, "portal.log", "target.yaml"):
        (work / stale).unlink(missing_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    secrets_env = {staging_demo.ENV["captcha"]: f"{secrets.randbelow(9000) + 1000}", ENV: staging_demo.new_password()}
    pool = provision_security_pool(work / "portal.db", secrets_env[ENV])
    env = {**os.environ, **secrets_env, "PORTAL_STAGING_CAPTCHA": secrets_env[staging_demo.ENV["captcha"]]}
    env.pop("PORTAL_TEST_API_TOKEN", None)
    proc, url = staging_demo.start_portal(work, env, args.captcha)
    try:
        target = staging_demo.target_file(work, {"accounts": {SECURITY_POOL: pool}}, args.captcha)
        print(f"预发布演示（HTTP 检查）：{url}（无测试控制接口），目标配置 {target}", flush=True)
        print(f"账号池 {SECURITY_POOL}：{', '.join(a['login_name'] for a in pool)}（密码在 {ENV}）", flush=True)
        cmd = [str(ROOT / ".venv" / "bin" / "pytest"), "tests/http", "--base-url", url, "--target-config", str(target)]
        cmd += ["-n", "0", "-p", "no:randomly", "-rA", *args.pytest_args]
        return subprocess.run(cmd, cwd=ROOT, env=env, check=False).returncode
    finally:
        staging_demo.stop_portal(proc)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
