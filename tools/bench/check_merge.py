"""`make shard-demo` check: the shards together ran every collected scenario×browser exactly once, and
the merged allure-results hold each of them exactly once.

  python tools/bench/check_merge.py --collected reports/shards/collected.txt \
      --junit reports/shard-1/junit.xml --junit reports/shard-2/junit.xml --results reports/shards/allure-results

--collected: `pytest --collect-only -q` output of the same selection (every node id, both browsers).
Junit files prove the split (no scenario in two shards, none missing). Allure results are keyed by
fullName (feature:scenario) and their parameters (browser, 例子 row): no key twice, and per browser as
many results as the shards ran (skipped-at-setup scenarios write no Allure result, so they are not counted).
Exit 0 when everything holds, 1 otherwise, with the offending ids listed.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

BROWSER_PARAM = "browser_name"


def collected_ids(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if "::" in line]


def junit_cases(path: Path) -> list[tuple[str, str]]:
    """(node id, outcome) of every testcase: passed, failed, error or skipped."""
    cases = []
    for case in ET.parse(path).iter("testcase"):
        module = case.get("classname", "").replace(".", "/") + ".py"
        outcome = "passed"
        for tag in ("failure", "error", "skipped"):
            if case.find(tag) is not None:
                outcome = {"failure": "failed"}.get(tag, tag)
        cases.append((f"{module}::{case.get('name')}", outcome))
    return cases


def is_scenario(node_id: str, root: Path) -> bool:
    """pytest-bdd scenarios live in modules calling scenarios(…); only they write Allure results
    (allure-pytest-bdd reports scenarios, not plain pytest tests such as test_staging_seam.py)."""
    module = root / node_id.split("::", 1)[0]
    return module.exists() and "scenarios(" in module.read_text(encoding="utf-8")


def browser_of(node_id: str) -> str:
    params = node_id.rsplit("[", 1)[-1].rstrip("]")
    return params.split("-", 1)[0]


def allure_keys(results: Path) -> list[tuple[str, str, tuple]]:
    keys = []
    for path in results.glob("*-result.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        params = tuple(sorted((p["name"], p.get("value", "")) for p in data.get("parameters", [])))
        browser = next((v.strip("'\"") for n, v in params if n == BROWSER_PARAM), "?")  # allure keeps repr()
        keys.append((browser, data.get("fullName", path.name), params))
    return keys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collected", type=Path, required=True)
    parser.add_argument("--junit", type=Path, action="append", required=True)
    parser.add_argument("--results", type=Path, required=True)
    args = parser.parse_args()
    problems: list[str] = []

    expected = collected_ids(args.collected)
    ran = [(shard, node, outcome) for shard, f in enumerate(args.junit, 1) for node, outcome in junit_cases(f)]
    seen = Counter(node for _, node, _ in ran)
    twice = sorted(n for n, c in seen.items() if c > 1)
    missing = sorted(set(expected) - set(seen))
    extra = sorted(set(seen) - set(expected))
    for label, ids in (
        ("在两个分片中都运行了 / in two shards", twice),
        ("没有任何分片运行 / in no shard", missing),
        ("未被收集却运行了 / ran but not collected", extra),
    ):
        if ids:
            problems.append(f"{label}: {len(ids)}\n    " + "\n    ".join(ids[:20]))
    per_shard = Counter(shard for shard, _, _ in ran)
    print(
        f"收集 {len(expected)} 个场景×浏览器；分片运行 "
        + "，".join(f"分片{s} {c} 个" for s, c in sorted(per_shard.items()))
        + f"，合计 {sum(per_shard.values())} 个"
    )

    root = Path(__file__).resolve().parents[2]
    scenarios = [(node, outcome) for _, node, outcome in ran if is_scenario(node, root)]
    plain = len(ran) - len(scenarios)
    not_skipped = Counter(browser_of(node) for node, outcome in scenarios if outcome != "skipped")
    skipped = sum(1 for _, outcome in scenarios if outcome == "skipped")
    keys = allure_keys(args.results)
    dup = sorted({k for k, c in Counter(keys).items() if c > 1})
    if dup:
        problems.append(
            f"Allure 结果重复 / duplicated results: {len(dup)}\n    "
            + "\n    ".join(f"{b} {name} {params}" for b, name, params in dup[:20])
        )
    in_allure = Counter(b for b, _, _ in keys)
    for browser in sorted(set(not_skipped) | set(in_allure)):
        line = f"  {browser}: 分片中执行 {not_skipped[browser]} 个，合并后的 Allure 结果 {in_allure[browser]} 个"
        print(line)
        if not_skipped[browser] != in_allure[browser]:
            problems.append(f"{browser}: Allure 结果数与执行数不一致 / result count differs from the run count")
    print(
        f"  跳过 {skipped} 个场景（在 setup 阶段跳过，不写 Allure 结果）；"
        f"非场景的普通测试 {plain} 个（不写 Allure 结果）"
    )
    failed = [node for _, node, outcome in ran if outcome in ("failed", "error")]
    if failed:
        print(
            f"  注意：{len(failed)} 个失败（不影响本检查，见各分片的 pytest.log）：\n    " + "\n    ".join(failed[:10])
        )

    if problems:
        print("检查未通过 / check failed:\n  " + "\n  ".join(problems))
        return 1
    print(f"检查通过：每个场景×浏览器恰好出现一次（{len(keys)} 个 Allure 结果，{len(expected)} 个收集项）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
