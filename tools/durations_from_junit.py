"""Refresh .test_durations from a run that already happened (issue 24).

`make durations` re-runs the whole suite only to time it. Every `make test` already writes each item's time
to reports/junit.xml (setup + call + teardown, as pytest-split stores it), so the durations of the last full
run can be taken from there instead:

    .venv/bin/python tools/durations_from_junit.py reports/junit.xml            # writes .test_durations
    .venv/bin/python tools/durations_from_junit.py reports/junit.xml --check    # only print what would change

Items of the junit file replace their entries; entries of items the run did not have are dropped only
with --prune (a run of a slice must not forget the rest).
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DURATIONS = ROOT / ".test_durations"


def node_id(classname: str, name: str) -> str:
    """pytest's junit `classname` (dotted module path, then classes) back to a node id."""
    parts = classname.split(".")
    # the module is the longest dotted prefix that is a file of the repository
    for cut in range(len(parts), 0, -1):
        path = "/".join(parts[:cut]) + ".py"
        if (ROOT / path).is_file():
            return "::".join([path, *parts[cut:], name])
    return "::".join(["/".join(parts) + ".py", name])


def read_junit(path: Path) -> dict[str, float]:
    times: dict[str, float] = {}
    for case in ET.parse(path).getroot().iter("testcase"):
        if case.find("skipped") is not None:
            continue
        times[node_id(case.get("classname", ""), case.get("name", ""))] = float(case.get("time") or 0)
    return times


def merge(old: dict[str, float], new: dict[str, float], prune: bool) -> dict[str, float]:
    merged = {} if prune else dict(old)
    merged.update(new)
    return dict(sorted(merged.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("junit", type=Path)
    parser.add_argument("--durations", type=Path, default=DURATIONS)
    parser.add_argument("--prune", action="store_true", help="drop items the junit file does not have")
    parser.add_argument("--check", action="store_true", help="print the change, write nothing")
    args = parser.parse_args(argv)
    new = read_junit(args.junit)
    if not new:
        print(f"{args.junit}: 没有测试项 (no test cases)", file=sys.stderr)
        return 1
    old = json.loads(args.durations.read_text(encoding="utf-8")) if args.durations.exists() else {}
    merged = merge(old, new, args.prune)
    unknown = sum(1 for key in new if key not in old)
    print(
        f"{len(new)} 项来自 {args.junit}（其中 {unknown} 项是新的），合计 {sum(new.values()):.0f} s；"
        f"原有 {len(old)} 项合计 {sum(old.values()):.0f} s → 写入后 {len(merged)} 项"
    )
    if not args.check:
        args.durations.write_text(json.dumps(merged, indent=4) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
