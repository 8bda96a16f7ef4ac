"""`make staging-demo`: the whole suite against the mock portal set up as a staging portal would be.

1. Provisions what a QA team gets from the portal's operators, written into a fresh portal database
   before the portal starts (no test API ever runs): a back-office reviewer account and pools of
   pre-provisioned accounts in states no screen reaches (expired passwords). Passwords are random per
   run and travel only in environment variables.
2. Starts `python -m mock_portal serve` WITHOUT --test-api, with a captcha log (--captcha-outbox: every
   captcha issued, keyed by the SHA-256 of the session cookie, as a staging portal's log) and an SMS
   outbox (--sms-outbox, a staging SMS gateway's log). `--captcha fixed` starts it with a fixed captcha
   instead (PORTAL_STAGING_CAPTCHA, like many staging portals): the refresh/single-use scenarios then skip.
3. Writes the target file (sms: command and text_command → tools/sms_sink_read.py, captcha: command →
   tools/captcha_sink_read.py or the fixed code's env, accounts, reviewer).
4. Runs the suite on both browsers (-n auto unless WORKERS/--workers says otherwise) against it,
   stops the portal, and ends with pytest's summary line (its exit status is this script's).

    .venv/bin/python -m tools.staging_demo [--workers N] [--browser chromium] [--captcha log|fixed]
        [-- extra pytest args]"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import secrets
import signal
import subprocess
import sys
import threading
from pathlib import Path

import yaml

try:
    # staging_platform_accounts: accounts no platform screen makes; staging_registry: the identity
    # registry's test identities
    from tools import staging_migrated_accounts, staging_platform_accounts, staging_registry
except ModuleNotFoundError as missing:  # started as `python tools/staging_demo.py`
    raise SystemExit(
        "请在仓库根目录运行 python -m tools.staging_demo (run it as a module from the repository root)"
    ) from missing

ROOT = Path(__file__).resolve().parents[1]

# How many accounts each state-changing pool holds: every scenario×browser item that uses one claims
# its own (the expired-password scenario changes the password), so two browsers and reruns fit.
POOL_SIZE = 4
ENV = {
    "captcha": "DEMO_STAGING_CAPTCHA",
    "reviewer": "DEMO_REVIEWER_PASSWORD",
    "expired_natural": "DEMO_EXPIRED_NATURAL_PASSWORD",
    "expired_legal": "DEMO_EXPIRED_LEGAL_PASSWORD",
}


def new_password() -> str:
    return f"Qa{secrets.token_hex(4)}#{secrets.randbelow(90) + 10}"


def provision(db_path: Path, secrets_env: dict[str, str]) -> dict:
    """Writes the reviewer and the pre-provisioned accounts into the portal database; returns the
    target file's `accounts:` and `reviewer:` sections (login names, env var names, never a password)."""
    from mock_portal.db import init_db
    from mock_portal.models.accounts import LEGAL, Account, Unit
    from mock_portal.models.reviews import Reviewer
    from mock_portal.services import passwords
    from support.data import factories

    engine, maker = init_db(db_path)
    now = dt.datetime.now()
    expired_at = now - dt.timedelta(days=120)  # past the portal's 90-day password policy
    natural_pool, legal_pool = [], []
    with maker() as db:
        db.add(
            Reviewer(
                username="qa_reviewer",
                password_hash=passwords.hash_password(secrets_env[ENV["reviewer"]]),
                display_name="预发布审核员",
            )
        )
        natural_hash = passwords.hash_password(secrets_env[ENV["expired_natural"]])
        legal_hash = passwords.hash_password(secrets_env[ENV["expired_legal"]])
        for n in range(1, POOL_SIZE + 1):
            person = factories.Person()
            login = f"qa_expired_zr_{n:02d}"
            db.add(
                staging_platform_accounts.natural_account(
                    person, login_name=login, password_hash=natural_hash, at=expired_at
                )
            )
            natural_pool.append(
                {"kind": "natural", "login_name": login, "password_env": ENV["expired_natural"], "name": person.name}
            )
            unit = factories.LegalUnit()
            row = Unit(
                name=unit.unit_name,
                credit_code=unit.credit_code,
                unit_type="企业法人",
                realname_status="passed",
                basic_info={},
                other_info={},
                flags={},
                created_at=expired_at,
            )
            db.add(row)
            db.flush()
            login = f"qa_expired_fr_{n:02d}"
            db.add(
                Account(
                    login_name=login,
                    password_hash=legal_hash,
                    password_changed_at=expired_at,
                    kind=LEGAL,
                    name=unit.agent_name,
                    phone=unit.phone,
                    realname_status="passed",
                    profile={"agent_id_number": unit.agent_id_number},
                    unit_id=row.id,
                    created_at=expired_at,
                )
            )
            legal_pool.append(
                {
                    "kind": "legal",
                    "login_name": login,
                    "password_env": ENV["expired_legal"],
                    "name": unit.agent_name,
                    "unit_name": unit.unit_name,
                    "credit_code": unit.credit_code,
                }
            )
        # 火炬中心's migrated enterprise accounts, in the unit-information states its scenarios start from
        migrated_password = secrets_env.setdefault(staging_migrated_accounts.ENV, new_password())
        torch = staging_migrated_accounts.provision(
            db, passwords.hash_password(migrated_password), now - dt.timedelta(days=30)
        )
        db.commit()
    engine.dispose()
    return {
        "accounts": {"密码已过期的自然人账号": natural_pool, "密码已过期的法人账号": legal_pool, **torch},
        "reviewer": {"username": "qa_reviewer", "password_env": ENV["reviewer"]},
    }


def start_portal(work: Path, env: dict, captcha: str = "log") -> tuple[subprocess.Popen, str]:
    cmd = [
        sys.executable,
        "-m",
        "mock_portal",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--db",
        str(work / "portal.db"),
        "--sms-outbox",
        str(work / "sms-outbox.jsonl"),
        "--log-file",
        str(work / "portal.log"),
    ]
    if captcha == "log":
        cmd += ["--captcha-outbox", str(work / "captcha-outbox.jsonl")]
        env = {k: v for k, v in env.items() if k != "PORTAL_STAGING_CAPTCHA"}
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    line = proc.stdout.readline()
    if "listening on" not in line:
        proc.kill()
        raise SystemExit(f"模拟门户没有启动：{line}{proc.stdout.read()[:2000]}")
    return proc, line.rsplit(" ", 1)[-1].strip()


def stop_portal(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def target_file(work: Path, sections: dict, captcha: str = "log") -> Path:
    reader = f"{sys.executable} {ROOT / 'tools' / 'sms_sink_read.py'} {work / 'sms-outbox.jsonl'} {{phone}} --wait 10"
    captcha_reader = (
        f"{sys.executable} {ROOT / 'tools' / 'captcha_sink_read.py'} {work / 'captcha-outbox.jsonl'} {{key}} --wait 5"
    )
    data = {
        "kind": "staging",
        "capabilities": [],
        "captcha": (
            {"mode": "command", "command": captcha_reader, "session_cookie": "MOSTSESSION"}
            if captcha == "log"
            else {"mode": "fixed", "env": ENV["captcha"]}
        ),
        "sms": {"mode": "command", "command": reader, "text_command": f"{reader} --text"},
        **sections,
    }
    path = work / "target.yaml"
    header = (
        "# 由 tools/staging_demo.py 生成：不带 --test-api 的模拟门户，当作预发布门户。密码和验证码只在环境变量里。\n"
    )
    path.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run_pytest(cmd: list[str], env: dict) -> int:
    """Run pytest; when the demo is stopped (CI cancelling or a time limit: SIGTERM, possibly to the whole
    process group; Ctrl-C: SIGINT) interrupt pytest once like Ctrl-C, so it still prints what ran (its
    summary line with passed/failed/skipped and "interrupted") before the portal is stopped."""
    # pytest runs in its own session, so a signal to our group reaches only us and we decide how it stops;
    # SIGINT gets its default handling back in pytest (a shell without job control starts background jobs
    # with SIGINT ignored, and Python keeps that). The two signals are held until the handler is in place,
    # so a stop that comes while pytest is starting is not lost.
    stops = {signal.SIGTERM, signal.SIGINT}

    def in_child():
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)

    signal.pthread_sigmask(signal.SIG_BLOCK, stops)
    child = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True, preexec_fn=in_child)

    stopped: list[int] = []

    def interrupt(signum, frame):
        # Only signal here: the main thread is inside child.wait(), which must not be re-entered.
        for sig in stops:  # one interruption; a repeat must not cut it short
            signal.signal(sig, signal.SIG_IGN)
        stopped.append(signum)
        print("\n预发布演示被终止：中断 pytest，打印已运行部分的结果", flush=True)
        child.send_signal(signal.SIGINT)
        deadline = threading.Timer(120, lambda: child.poll() is None and os.killpg(child.pid, signal.SIGKILL))
        deadline.daemon = True  # pytest may finish sooner; then nothing waits for it
        deadline.start()

    for sig in stops:
        signal.signal(sig, interrupt)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)
    returncode = child.wait()
    return 128 + stopped[0] if stopped else returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="make staging-demo")
    parser.add_argument("--workers", default=os.environ.get("WORKERS", "auto"))
    parser.add_argument("--browser", action="append", default=None, help="default: chromium and firefox")
    parser.add_argument("--work", type=Path, default=ROOT / "reports" / "staging-demo")
    parser.add_argument(
        "--captcha",
        choices=["log", "fixed"],
        default="log",
        help="log (default): the portal logs every captcha it issues, read per browser; fixed: one fixed code",
    )
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args(argv)
    # make's forwarded SIGTERM (CI cancelling, Ctrl-C) must still stop the portal in `finally`.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    work = args.work
    stale_files = ("portal.db", "portal.db-wal", "portal.db-shm", "sms-outbox.jsonl", "captcha-outbox.jsonl")
    for stale in (*stale_files, "portal.log", "target.yaml"):
        (work / stale).unlink(missing_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    secrets_env = {
        ENV["captcha"]: f"{secrets.randbelow(9000) + 1000}",
        ENV["reviewer"]: new_password(),
        ENV["expired_natural"]: new_password(),
        ENV["expired_legal"]: new_password(),
        staging_migrated_accounts.ENV: new_password(),
    }
    sections = provision(work / "portal.db", secrets_env)
    secrets_env[staging_platform_accounts.ENV] = new_password()
    sections["accounts"].update(
        staging_platform_accounts.provision_into(work / "portal.db", secrets_env[staging_platform_accounts.ENV])
    )
    sections["identity_registry"], registry_env = staging_registry.provision_into(work / "portal.db")
    secrets_env.update(registry_env)  # the registry's ID numbers: environment variables only
    env = {**os.environ, **secrets_env, "PORTAL_STAGING_CAPTCHA": secrets_env[ENV["captcha"]]}
    env.pop("PORTAL_TEST_API_TOKEN", None)
    proc, url = start_portal(work, env, args.captcha)
    try:
        target = target_file(work, sections, args.captcha)
        print(f"预发布演示：{url}（无测试控制接口），目标配置 {target}", flush=True)
        browsers = [a for b in (args.browser or ["chromium", "firefox"]) for a in ("--browser", b)]
        cmd = [
            str(ROOT / ".venv" / "bin" / "pytest"),
            "tests/e2e",
            "--base-url",
            url,
            "--target-config",
            str(target),
            *browsers,
            "-n",
            str(args.workers),
            "-p",
            "no:hypothesispytest",
            "-rs",
            *args.pytest_args,
        ]
        return run_pytest(cmd, env)
    finally:
        stop_portal(proc)


if __name__ == "__main__":
    sys.exit(main())
