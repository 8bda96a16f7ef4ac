"""`make bench`: the suite (A) against plain Playwright (B) on the same scenarios, same portal, same browser.

A = pytest on the bench scenarios with the reporting of `make e2e` (Allure results, tracing, video on
    Chromium, evidence on failure), one process (-n 0), plus the measuring-only plugin bench_timing.py.
B = tools/bench/plain.py: the same page actions, seeding calls and contexts, without pytest.
Rounds alternate A,B then B,A (ABBA …) per browser; each is a fresh process, timed from spawn to exit.

Prints per browser: medians of A and B, the A/B ratio (target ≤ 1.15), the ratio of the per-scenario
times (what the suite adds per scenario, without the fixed start-up), and where the time goes.
Writes everything to reports/bench/bench.json.  Usage: python -m tools.bench.bench [--rounds 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
TARGET_RATIO = 1.15
# (node id without the browser, B scenario name); parametrized ids are unescaped (pytest.ini), as printed.
LOGIN = "tests/e2e/test_platform.py::test_用户类型用正确的密码登录成功[{b}-{k}]"
RESET = "tests/e2e/test_platform.py::test_用户类型登录提示登录名或密码错误后重置密码新密码可登录原密码不能登录[{b}-{k}]"
NATURAL, LEGAL = "自然人", "法人"
SCENARIOS = [
    ("tests/e2e/test_hgr.py::test_word文件格式正确时合成成功下载的文件包含各附件的内容[{b}]", "hgr-synthesis"),
    ("tests/e2e/test_platform.py::test_法人授权后自然人通过办理入口进入系统办理[{b}]", "grant"),
    (RESET.replace("{k}", NATURAL), "reset-自然人"),
    (RESET.replace("{k}", LEGAL), "reset-法人"),
    (LOGIN.replace("{k}", NATURAL), "login-自然人"),
    (LOGIN.replace("{k}", LEGAL), "login-法人"),
]


def child_env() -> dict:
    """Both sides run as on a developer's machine or a CI job: Python's bytecode cache on. With
    PYTHONDONTWRITEBYTECODE=1 (set in some sandboxes) pytest re-does its assertion rewriting of every
    plugin and steps module on each start, a cost of the environment rather than of the suite."""
    env = dict(os.environ)
    if not KEEP_ENV:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


KEEP_ENV = False


def run_a(browser: str, work: Path) -> dict:
    timings = work / "a-timings.json"
    results = work / "allure-results"
    # As `make e2e` runs them (E2E_OPTS = -p no:hypothesispytest), in one process.
    cmd = [
        PY,
        "-m",
        "pytest",
        *[n.format(b=browser) for n, _ in SCENARIOS],
        "--browser",
        browser,
        "-n",
        "0",
        "-p",
        "no:hypothesispytest",
        f"--alluredir={results}",
        "--clean-alluredir",
        "-p",
        "bench_timing",
        "-q",
        "--no-header",
    ]
    env = {
        **child_env(),
        "BENCH_TIMINGS": str(timings),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "tools" / "bench"), os.environ.get("PYTHONPATH")])),
    }
    env["BENCH_T0"] = str(time.time())
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0 or not timings.exists():
        raise SystemExit(
            f"A（pytest）失败 / suite run failed ({proc.returncode}):\n{proc.stdout[-3000:]}{proc.stderr[-2000:]}"
        )
    written = len(list(results.glob("*-result.json")))
    if written != len(SCENARIOS):
        raise SystemExit(f"A 只写了 {written} 个 Allure 结果（应为 {len(SCENARIOS)}）/ Allure results missing")
    return {"wall": wall, **json.loads(timings.read_text(encoding="utf-8"))}


def run_b(browser: str) -> dict:
    env = {**child_env(), "BENCH_T0": str(time.time())}
    start = time.perf_counter()
    proc = subprocess.run(
        [PY, "-m", "tools.bench.plain", "--browser", browser],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(
            f"B（plain Playwright）失败 / plain run failed ({proc.returncode}):\n"
            f"{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
        )
    return {"wall": wall, **json.loads(proc.stdout.strip().splitlines()[-1])}


def med(values) -> float:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


def a_breakdown(runs: list[dict], browser: str) -> dict:
    marks = {k: med(r["marks"].get(k) for r in runs) for k in ("configured", "collected", "first_test", "session_end")}
    fixtures = {k: med(r["fixtures"].get(k, 0.0) for r in runs) for k in ("target", "playwright", "browser")}
    per = {}
    for node, name in SCENARIOS:
        rows = [r["tests"][node.format(b=browser)] for r in runs]
        setup, call, teardown = (med(x.get(p, 0.0) for x in rows) for p in ("setup", "call", "teardown"))
        protocol, allure = med(x.get("protocol") for x in rows), med(x.get("allure", 0.0) for x in rows)
        hooks = med(x["protocol"] - sum(x.get(p, 0.0) for p in ("setup", "call", "teardown")) for x in rows)
        per[name] = {
            "setup": setup,
            "call": call,
            "teardown": teardown,
            "allure": allure,
            "hooks": hooks,
            "protocol": protocol,
        }
    # pytest-bdd scenarios ask for `target` and `browser` inside their steps: the session start-up
    # (portal, Playwright, browser) is timed inside the first scenario's call, and taken out of it here.
    first = SCENARIOS[0][1]
    per[first]["call"] -= sum(fixtures.values())
    per[first]["protocol"] -= sum(fixtures.values())
    return {"marks": marks, "fixtures": fixtures, "scenarios": per}


def scenario_sum_a(breakdown: dict) -> float:
    return sum(s["protocol"] for s in breakdown["scenarios"].values())


def report(browser: str, a_runs: list[dict], b_runs: list[dict]) -> dict:
    a_wall, b_wall = med(r["wall"] for r in a_runs), med(r["wall"] for r in b_runs)
    a = a_breakdown(a_runs, browser)
    b_marks = {
        k: med(r["marks"].get(k) for r in b_runs)
        for k in ("imported", "portal_started", "browser_launched", "scenarios_done", "end")
    }
    b_scen = {name: med(r["scenarios"][name][0] for r in b_runs) for _, name in SCENARIOS}
    a_sum, b_sum = scenario_sum_a(a), sum(b_scen.values())
    out = {
        "browser": browser,
        "a_walls": [r["wall"] for r in a_runs],
        "b_walls": [r["wall"] for r in b_runs],
        "a_median": a_wall,
        "b_median": b_wall,
        "ratio": a_wall / b_wall,
        "scenario_ratio": a_sum / b_sum,
        "a": a,
        "b": {"marks": b_marks, "scenarios": b_scen},
        "raw": {"a": a_runs, "b": b_runs},
    }
    verdict = "达标" if out["ratio"] <= TARGET_RATIO else "未达标"
    print(f"\n== {browser}: A（pytest 套件）/ B（纯 Playwright），{len(a_runs)} 轮交替 ==")
    print(f"  A 各轮 {', '.join(f'{w:.1f}' for w in out['a_walls'])} s → 中位数 {a_wall:.2f} s")
    print(f"  B 各轮 {', '.join(f'{w:.1f}' for w in out['b_walls'])} s → 中位数 {b_wall:.2f} s")
    print(
        f"  进程总耗时比 A/B = {out['ratio']:.3f}（目标 ≤ {TARGET_RATIO}，{verdict}）；"
        f"场景耗时比（不含启动）= {out['scenario_ratio']:.3f}（A {a_sum:.2f} s / B {b_sum:.2f} s）"
    )
    m, f = a["marks"], a["fixtures"]
    print(
        f"  A 启动：python+pytest+插件导入 {m['configured']:.2f} s，收集完成 {m['collected']:.2f} s，"
        f"门户启动 {f['target']:.2f} s，Playwright {f['playwright']:.2f} s，浏览器启动 {f['browser']:.2f} s，"
        f"会话结束 {m['session_end']:.2f} s"
    )
    print(
        f"  B 启动：导入 {b_marks['imported']:.2f} s，"
        f"门户启动 {b_marks['portal_started'] - b_marks['imported']:.2f} s，"
        f"Playwright+浏览器启动 {b_marks['browser_launched'] - b_marks['portal_started']:.2f} s，"
        f"场景结束 {b_marks['scenarios_done']:.2f} s，退出 {b_marks['end']:.2f} s"
    )
    print(f"  {'场景':<16}{'A setup':>9}{'A call':>9}{'A tear':>9}{'A hooks':>9}{'A allure':>9}{'A 合计':>9}{'B':>9}")
    for name, s in a["scenarios"].items():
        print(
            f"  {name:<16}{s['setup']:>9.2f}{s['call']:>9.2f}{s['teardown']:>9.2f}{s['hooks']:>9.2f}"
            f"{s['allure']:>9.3f}{s['protocol']:>9.2f}{b_scen[name]:>9.2f}"
        )
    print(
        "  （第一个场景的 call 已扣除会话启动：门户、Playwright、浏览器；"
        "hooks = 报告钩子等 setup/call/teardown 之外的时间）"
    )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--browser", action="append", choices=["chromium", "firefox"])
    parser.add_argument("--out", default=str(ROOT / "reports" / "bench" / "bench.json"))
    parser.add_argument("--keep-env", action="store_true", help="keep PYTHONDONTWRITEBYTECODE if set")
    args = parser.parse_args()
    global KEEP_ENV
    KEEP_ENV = args.keep_env
    browsers = args.browser or ["chromium", "firefox"]
    summary = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "rounds": args.rounds,
        "bytecode_cache": "PYTHONDONTWRITEBYTECODE" not in child_env(),
        "load_before": os.getloadavg(),
        "browsers": [],
    }
    print(
        f"负载 / load average {os.getloadavg()[0]:.1f}（{os.cpu_count()} 核）；字节码缓存 "
        f"{'开' if summary['bytecode_cache'] else '关'}",
        flush=True,
    )
    for browser in browsers:
        a_runs, b_runs = [], []
        for i in range(args.rounds):
            # A,B then B,A: a background load that rises or falls during the run hits both sides alike.
            for side in "AB" if i % 2 == 0 else "BA":
                if side == "A":
                    with tempfile.TemporaryDirectory(prefix="bench-a-") as work:
                        a_runs.append(run_a(browser, Path(work)))
                else:
                    b_runs.append(run_b(browser))
            print(
                f"  {browser} 第 {i + 1}/{args.rounds} 轮：A {a_runs[-1]['wall']:.1f} s，B {b_runs[-1]['wall']:.1f} s",
                flush=True,
            )
        summary["browsers"].append(report(browser, a_runs, b_runs))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print(
        "\n"
        + "  ".join(f"{b['browser']} A/B = {b['ratio']:.3f}" for b in summary["browsers"])
        + f"（目标 ≤ {TARGET_RATIO}）；详情 {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
