"""`make load`: 50 concurrent users against one embedded portal for a bounded time, on loopback.

Prints p50/p95/p99 and the error count per page from locust's CSV statistics."""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from support import factories  # noqa: E402
from support.portal_process import start_portal  # noqa: E402
from support.testapi import TestApi  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--no-relogin", action="store_true",
                        help="log in once per user, then only browse (pages without argon2id's cost)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="load-"))
    portal = start_portal(work, "load")
    try:
        api = TestApi(portal.base_url, portal.token)
        accounts = []
        for _ in range(args.users):
            person = factories.Person()
            api.seed_account(**factories.natural_spec(person))
            accounts.append({"login_name": person.login_name, "password": person.password})
        env = {**os.environ, "LOAD_ACCOUNTS": json.dumps(accounts), "LOAD_TOKEN": portal.token,
               "LOAD_RELOGIN": "0" if args.no_relogin else "1"}
        prefix = work / "stats"
        subprocess.run([sys.executable, "-m", "locust", "-f", str(Path(__file__).with_name("locustfile.py")),
                        "--headless", "--host", portal.base_url, "--users", str(args.users),
                        "--spawn-rate", str(args.users), "--run-time", f"{args.seconds}s",
                        "--csv", str(prefix), "--only-summary", "--loglevel", os.environ.get("LOAD_LOGLEVEL", "WARNING")],
                       env=env, check=False, cwd=ROOT)
        return report(prefix.with_name("stats_stats.csv"))
    finally:
        portal.stop()


def report(path: Path) -> int:
    rows = [r for r in csv.DictReader(path.open(encoding="utf-8")) if not r["Name"].startswith("(test api)")]
    print(f"{'页面 (page)':<22}{'请求':>8}{'失败':>6}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}")
    errors = 0
    for r in rows:
        errors += int(r["Failure Count"]) if r["Name"] != "Aggregated" else 0
        print(f"{r['Name']:<22}{r['Request Count']:>8}{r['Failure Count']:>6}{r['50%']:>8}{r['95%']:>8}{r['99%']:>8}")
    pages = [r for r in rows if r["Name"] != "Aggregated" and r["95%"] not in ("", "N/A")]
    if not pages:
        print("没有完成任何请求 / no request completed: raise --seconds (start-up counts against the run time)")
        return 1
    worst_p95 = max(float(r["95%"]) for r in pages)
    gets = [r for r in pages if r["Name"].startswith("GET ")]
    worst_get = max((float(r["95%"]) for r in gets), default=float("nan"))
    print(f"最差 p95 = {worst_p95:.0f} ms（目标 < 50 ms），其中页面（GET）最差 p95 = {worst_get:.0f} ms；"
          f"错误 {errors} 个（目标 0）。POST /login 含 argon2id 口令校验（有意的计算代价）")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
