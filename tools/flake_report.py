#!/usr/bin/env python3
"""不稳定用例报告 / flake report: reads the JUnit XML files of repeated runs (make flake-check)
and prints, per scenario, how many runs failed. Exit status 1 when any run of any scenario failed.

Usage: python tools/flake_report.py reports/flake/run-*.xml
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Tally:
    runs: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    messages: dict[str, str] = field(default_factory=dict)
    per_file: list[tuple[str, int, int]] = field(default_factory=list)


def read(paths: list[Path]) -> Tally:
    tally = Tally()
    for path in paths:
        root = ET.parse(path).getroot()
        failed_here = total_here = 0
        for case in root.iter("testcase"):
            name = f"{case.get('classname', '')}::{case.get('name', '')}"
            total_here += 1
            tally.runs[name] += 1
            problem = case.find("failure")
            if problem is None:
                problem = case.find("error")
            if problem is not None:
                failed_here += 1
                tally.failures[name] += 1
                tally.messages.setdefault(
                    name, (problem.get("message") or "").splitlines()[0][:160] if problem.get("message") else ""
                )
            elif case.find("skipped") is not None:
                tally.skipped[name] += 1
        tally.per_file.append((path.name, total_here, failed_here))
    return tally


def report(tally: Tally, out=sys.stdout) -> int:
    for name, total, failed in tally.per_file:
        print(f"{name}: {total} 个用例 / cases, {failed} 个失败 / failed", file=out)
    runs = len(tally.per_file)
    if not tally.failures:
        print(
            f"\n{runs} 次运行，{len(tally.runs)} 个用例，0 次失败 / {runs} runs, {len(tally.runs)} cases, 0 failures",
            file=out,
        )
        return 0
    print(f"\n不稳定或失败的用例 / flaky or failing cases ({runs} 次运行 / runs):", file=out)
    print("失败次数/运行次数  用例 (failures/runs  case)", file=out)
    for name, count in sorted(tally.failures.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{count:>4}/{tally.runs[name]:<4}  {name}", file=out)
        if tally.messages.get(name):
            print(f"           {tally.messages[name]}", file=out)
    print(f"\n共 {sum(tally.failures.values())} 次失败 / failures in total", file=out)
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="每个用例在多次运行中的失败次数 (per-case failure counts)")
    parser.add_argument("files", nargs="+", type=Path, help="JUnit XML files, one per run")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        print(f"找不到结果文件 / missing result files: {' '.join(missing)}", file=sys.stderr)
        return 2
    return report(read(args.files))


if __name__ == "__main__":
    sys.exit(main())
