"""`make load`: 50 concurrent users against one embedded portal for a bounded time, on loopback.

Profiles (docs/performance.md §3), the same actions in the same proportions, only the waiting differs:
  realistic (default)  each user waits 1–3 s between two actions, like a person reading a page
                       (50 users ≈ 25 requests/s); the 50 users arrive over 5 s
  stress               0.05–0.2 s between actions (50 users ask for ≈ 400 requests/s, more than one
                       Python process on two shared cores can serve: it measures saturation)
  both                 realistic, then stress (each on a fresh portal)

Prints, per page and in total, requests, errors, p50/p95/p99 and requests per second from locust's
CSV statistics, and the machine's load average at the start and the end of each run.

The latency target is judged at full concurrency: locust resets its statistics once all users have
arrived (``--reset-stats``), so the arrival phase, with fewer users and the portal's first renders of
each page, does not count. Errors are judged over the whole run, arrival included (the locustfile
records every request to LOAD_WHOLE_RUN), and the whole run's percentiles are printed beside."""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from support.data import factories
from support.target.portal_process import start_portal
from support.target.testapi import TestApi

ROOT = Path(__file__).resolve().parents[2]

PROFILES = {  # name: (think time shown in the report, users spawned per second)
    "realistic": ("1–3 s", 10),
    "stress": ("0.05–0.2 s", None),  # all users at once
}
MAX_SECONDS = 60
TARGET_P95_MS = 50


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", choices=[*PROFILES, "both"], default="realistic")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument(
        "--seconds",
        type=int,
        default=MAX_SECONDS,
        help=f"run time per profile, at most {MAX_SECONDS} (start-up and login count against it)",
    )
    parser.add_argument(
        "--no-relogin",
        action="store_true",
        help="log in once per user, then only browse (pages without argon2id's cost)",
    )
    args = parser.parse_args()
    if not 1 <= args.seconds <= MAX_SECONDS:
        parser.error(f"--seconds must be 1–{MAX_SECONDS}: the run is bounded")
    profiles = list(PROFILES) if args.profile == "both" else [args.profile]
    status = 0
    for profile in profiles:
        status |= run(profile, args)
    if args.profile == "realistic":
        print("压力档（每次操作间隔 0.05–0.2 s）/ stress profile: python -m tools.bench.load --profile stress")
    return status


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}（{os.cpu_count()} 核）"


def run(profile: str, args) -> int:
    think, spawn_rate = PROFILES[profile]
    work = Path(tempfile.mkdtemp(prefix=f"load-{profile}-"))
    portal = start_portal(work, "load")
    try:
        api = TestApi(portal.base_url, portal.token)
        accounts = []
        for _ in range(args.users):
            person = factories.Person()
            api.seed_account(**factories.natural_spec(person))
            accounts.append({"login_name": person.login_name, "password": person.password})
        env = {
            **os.environ,
            "LOAD_ACCOUNTS": json.dumps(accounts),
            "LOAD_TOKEN": portal.token,
            "LOAD_RELOGIN": "0" if args.no_relogin else "1",
            "LOAD_PROFILE": profile,
            "LOAD_WHOLE_RUN": str(work / "whole_run.json"),
        }
        prefix = work / "stats"
        print(
            f"\n== {profile}：{args.users} 个并发用户，每次操作间隔 {think}，{args.seconds} s，"
            f"{'重新登录' if not args.no_relogin else '只登录一次'}；门户 {portal.base_url}"
        )
        print(f"开始时负载 / load average at start: {load_average()}  {time.strftime('%Y-%m-%d %H:%M:%S')}")
        locust_log = work / "locust.log"
        with locust_log.open("w", encoding="utf-8") as log:
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "locust",
                    "-f",
                    str(Path(__file__).with_name("locustfile.py")),
                    "--headless",
                    "--host",
                    portal.base_url,
                    "--users",
                    str(args.users),
                    "--spawn-rate",
                    str(spawn_rate or args.users),
                    "--run-time",
                    f"{args.seconds}s",
                    "--csv",
                    str(prefix),
                    "--only-summary",
                    "--reset-stats",
                    "--loglevel",
                    os.environ.get("LOAD_LOGLEVEL", "WARNING"),
                ],
                env=env,
                check=False,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        print(f"结束时负载 / load average at end:   {load_average()}  {time.strftime('%Y-%m-%d %H:%M:%S')}")
        text = locust_log.read_text(encoding="utf-8")
        if "Traceback" in text or (done.returncode not in (0, 1)):  # 1: locust saw failed requests
            print(text)
        print(f"locust 的完整输出 / full locust output: {locust_log}")
        return report(prefix.with_name("stats_stats.csv"), work / "whole_run.json", args.users)
    finally:
        portal.stop()


def report(path: Path, whole_run_path: Path, users: int) -> int:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    pages = [r for r in rows if r["Name"] != "Aggregated"]
    total = next(r for r in rows if r["Name"] == "Aggregated")  # pages only: the captcha call is not counted
    done = [r for r in pages if r["95%"] not in ("", "N/A")]
    if not done:
        print("没有完成任何请求 / no request completed: raise --seconds (start-up counts against the run time)")
        return 1
    print(f"{'页面 (page)':<22}{'请求':>8}{'失败':>6}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'请求/s':>9}")
    for r in [*pages, total]:
        name = "合计 (total)" if r is total else r["Name"]
        print(
            f"{name:<22}{r['Request Count']:>8}{r['Failure Count']:>6}{r['50%']:>8}{r['95%']:>8}{r['99%']:>8}"
            f"{float(r['Requests/s']):>9.1f}"
        )
    gets = [r for r in done if r["Name"].startswith("GET ")]
    worst_get = max((float(r["95%"]) for r in gets), default=float("nan"))
    worst_post = max((float(r["95%"]) for r in done if r["Name"].startswith("POST ")), default=float("nan"))
    whole = _whole_run(whole_run_path)
    if whole is None:
        print(f"缺少整个运行的记录 / whole-run record missing: {whole_run_path} (locust did not finish)")
        return 1
    times, failures = whole
    errors = sum(failures.values())
    whole_gets = {name: t for name, t in times.items() if name.startswith("GET ")}
    whole_worst_get = max((_percentile(t, 95) for t in whole_gets.values()), default=float("nan"))
    print(
        f"整个运行（含 {users} 个用户陆续到达、门户首次渲染各页面的阶段，只供参考）："
        f"{sum(map(len, times.values()))} 个请求，"
        f"错误 {errors} 个；页面（GET）最差 p95 = {whole_worst_get:.0f} ms，"
        f"合计 p95 = {_percentile([x for t in times.values() for x in t], 95):.0f} ms"
    )
    verdict = "达标" if worst_get < TARGET_P95_MS and errors == 0 else "未达标"
    print(
        f"满 {users} 个并发用户时（上表，全部用户到达之后）页面（GET）最差 p95 = {worst_get:.0f} ms，"
        f"合计 p95 = {total['95%']} ms（目标 < {TARGET_P95_MS} ms）；整个运行的错误 {errors} 个（目标 0）→ {verdict}。"
        f"POST /login p95 = {worst_post:.0f} ms，含 argon2id 口令校验（有意的计算代价，单独列出）"
    )
    for failure, count in failures.items():
        print(f"  错误 / error: {failure} ×{count}")
    return 0 if errors == 0 else 1  # latency is reported, not asserted (a benchmark, not a test)


def _whole_run(path: Path) -> tuple[dict[str, list[float]], dict[str, int]] | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["times"], data["failures"]


def _percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (NaN for no values)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


if __name__ == "__main__":
    sys.exit(main())
