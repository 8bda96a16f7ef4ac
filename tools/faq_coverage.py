#!/usr/bin/env python3
"""FAQ 覆盖矩阵 / FAQ traceability gate.

Reads docs/faq_catalog.yaml and every features/**/*.feature (official Gherkin
parser), prints FAQ ID -> scenarios (file:line + name) -> last result per
browser (from reports/allure-results/*-result.json when present), writes
reports/faq-coverage.md and, when reports/allure-results exists, adds that
file to the Allure results as a report-wide (global) attachment.

Exits 1 (Chinese message + English gloss, naming the IDs/scenarios) when:
  * a catalog entry has no scenario;
  * a scenario names an FAQ ID that is not in the catalog;
  * a scenario has no FAQ tag (unless a tag of support/gherkin/tags.py exempts it: @security, @a11y, @perf).
Tags on the feature, on a rule and on 例子 (Examples) blocks count too. A scenario whose tags include one
that does not count as coverage (support/gherkin/tags.py: @faq-drift) is listed but covers nothing.

Usage (from the repository root): python -m tools.faq_coverage [--features DIR] [--catalog FILE]
                                                               [--results DIR] [--output FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

try:
    from support.gherkin import tags as vocabulary
    from tools.faqtext import REPO_ROOT, ScenarioInfo, load_catalog, read_features
except ModuleNotFoundError as missing:  # started as `python tools/faq_coverage.py`
    raise SystemExit(
        "请在仓库根目录运行 python -m tools.faq_coverage (run it as a module from the repository root)"
    ) from missing

EXEMPT_TAGS = vocabulary.FAQ_EXEMPT
# Scenarios that only check an entry's published text (features/platform/faq_drift.feature): shown in
# the matrix, but an entry still needs a scenario of the portal's behaviour to count as covered.
TEXT_ONLY_TAGS = vocabulary.NOT_COVERAGE
EXEMPT_TEXT = "/".join(f"@{name}" for name in sorted(EXEMPT_TAGS))
BROWSER_PARAMETERS = ("browser_name", "browser", "浏览器")
MATRIX_NAME = "FAQ 覆盖矩阵"
# Fixed prefixes so a re-run overwrites its own files instead of piling up copies.
GLOBALS_FILE = "faq-coverage-globals.json"
# CSV: the Allure 3 report renders it as a full-height table (a Markdown attachment previews as a
# clipped box that does not scroll).
ATTACHMENT_FILE = "faq-coverage-attachment.csv"
CSV_HEADER = ["FAQ", "标题", "场景", "位置", "最近结果"]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="FAQ 覆盖矩阵与追溯门禁 (FAQ coverage matrix and traceability gate)")
    parser.add_argument("--features", default="features", help="feature 目录 (features directory), 默认 features")
    parser.add_argument(
        "--catalog", default="docs/faq_catalog.yaml", help="FAQ 目录文件 (catalog), 默认 docs/faq_catalog.yaml"
    )
    parser.add_argument("--results", default="reports/allure-results", help="Allure 结果目录 (results directory)")
    parser.add_argument("--output", default="reports/faq-coverage.md", help="Markdown 矩阵输出 (matrix output file)")
    return parser.parse_args(argv)


# ---------------------------------------------------------------- results --
def read_results(results_dir: Path) -> list[dict]:
    """All allure *-result.json files (unreadable ones are skipped)."""
    results = []
    for path in sorted(results_dir.glob("*-result.json")) if results_dir.is_dir() else []:
        try:
            results.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return results


def result_browser(result: dict) -> str:
    params = {p.get("name"): p.get("value") for p in result.get("parameters") or []}
    for name in BROWSER_PARAMETERS:
        if params.get(name):
            return str(params[name]).strip("'\"").split(" ")[0]  # "chromium 140.0…" -> chromium
    return "-"


def row_parameters(result: dict) -> dict[str, str]:
    """The outline row's values (例子 columns): every parameter but the browser's."""
    return {
        p["name"]: str(p.get("value", "")).strip("'\"")
        for p in result.get("parameters") or []
        if p.get("name") and p["name"] not in BROWSER_PARAMETERS and not p.get("excluded")
    }


def plain_name(result: dict) -> str:
    """The result's scenario name without the " [chromium]" the report adds."""
    name = result.get("name", "")
    browser = result_browser(result)
    return name.removesuffix(f" [{browser}]") if browser != "-" else name


def latest_results(results: list[dict]) -> list[dict]:
    """The most recent run of each (FAQ ID, scenario row, browser): {faq_id, file, name, params,
    browser, status}. A row is an outline's 例子 row: its name has the row's values filled in."""
    newest: dict[tuple, dict] = {}
    for result in results:
        tags = {label.get("value") for label in result.get("labels") or [] if label.get("name") == "tag"}
        params = row_parameters(result)
        file = (result.get("fullName") or "").rpartition(":")[0] if ":" in (result.get("fullName") or "") else ""
        for tag in (t for t in tags if t and vocabulary.is_faq(t.lstrip("@"))):
            key = (tag.lstrip("@"), file, plain_name(result), tuple(sorted(params.items())), result_browser(result))
            if key not in newest or result.get("stop", 0) >= newest[key]["stop"]:
                newest[key] = {
                    "faq_id": key[0],
                    "file": file,
                    "name": key[2],
                    "params": params,
                    "browser": key[4],
                    "status": result.get("status", "unknown"),
                    "stop": result.get("stop", 0),
                }
    return list(newest.values())


def rendered_name(template: str, params: dict[str, str]) -> str:
    for column, value in params.items():
        template = template.replace(f"<{column}>", value)
    return template


def matches(scenario: ScenarioInfo, record: dict) -> bool:
    """Same feature file (when the result names it) and the same name once the row's values fill the
    template's <placeholders>: an outline's results match the outline, not a 未运行."""
    if record["file"] and not scenario.path.replace("\\", "/").endswith(record["file"]):
        return False
    return record["name"] in (scenario.name, rendered_name(scenario.name, record["params"]))


def scenario_statuses(faq_id: str, scenario: ScenarioInfo, records: list[dict]) -> dict[str, list[str]]:
    """browser -> the statuses of every row of this scenario (one for a plain scenario)."""
    found: dict[str, list[str]] = defaultdict(list)
    for record in records:
        if record["faq_id"] == faq_id and matches(scenario, record):
            found[record["browser"]].append(record["status"])
    return found


# ----------------------------------------------------------------- matrix --
def build_matrix(entries: list[dict], scenarios: list[ScenarioInfo]) -> dict[str, list[ScenarioInfo]]:
    matrix: dict[str, list[ScenarioInfo]] = {entry["id"]: [] for entry in entries}
    for scenario in scenarios:
        for faq_id in scenario.faq_ids:
            if faq_id in matrix:
                matrix[faq_id].append(scenario)
    return matrix


def find_problems(matrix: dict[str, list[ScenarioInfo]], scenarios: list[ScenarioInfo]) -> list[str]:
    problems = []
    uncovered = [
        faq_id
        for faq_id, found in matrix.items()
        if not [scenario for scenario in found if not scenario.tags & TEXT_ONLY_TAGS]
    ]
    if uncovered:
        problems.append(f"以下 FAQ 条目没有任何场景 (FAQ entries without a scenario): {', '.join(uncovered)}")
    for scenario in scenarios:
        unknown = [faq_id for faq_id in scenario.faq_ids if faq_id not in matrix]
        if unknown:
            problems.append(
                f"场景引用了目录中不存在的 FAQ 编号 (scenario names an unknown FAQ ID) {', '.join(unknown)}: "
                f"{scenario.where} 「{scenario.name}」"
            )
        if not scenario.faq_ids and not scenario.tags & EXEMPT_TAGS:
            problems.append(
                f"场景缺少 @FAQ-<编号> 标签 (scenario has no FAQ tag; only {EXEMPT_TEXT} are exempt): "
                f"{scenario.where} 「{scenario.name}」"
            )
    return problems


def status_text(statuses: dict[str, list[str] | str]) -> str:
    """ "chromium: passed, firefox: broken"; an outline: "chromium: passed×2" or "chromium: failed 1, passed 1"."""
    parts = []
    for browser, found in sorted(statuses.items()):
        found = [found] if isinstance(found, str) else found
        counts = {status: found.count(status) for status in sorted(set(found))}
        if len(counts) == 1:
            status, n = next(iter(counts.items()))
            parts.append(f"{browser}: {status}" + (f"×{n}" if n > 1 else ""))
        else:
            parts.append(f"{browser}: " + ", ".join(f"{status} {n}" for status, n in counts.items()))
    return ", ".join(parts) or "未运行 (not run)"


def render_markdown(
    entries: list[dict], matrix: dict[str, list[ScenarioInfo]], results: list[dict], problems: list[str]
) -> str:
    covered = sum(1 for found in matrix.values() if [sc for sc in found if not sc.tags & TEXT_ONLY_TAGS])
    lines = [
        f"# {MATRIX_NAME} (FAQ coverage matrix)",
        "",
        f"已覆盖 {covered}/{len(entries)} 个 FAQ 条目 (covered entries).",
        "",
        "| FAQ | 标题 (title) | 场景 (scenario) | 位置 (location) | 最近结果 (last result) |",
        "|---|---|---|---|---|",
    ]
    for entry in entries:
        found = matrix[entry["id"]]
        if not found:
            lines.append(f"| {entry['id']} | {cell(entry['title'])} | **未覆盖 (not covered)** | | |")
        for scenario in found:
            status = status_text(scenario_statuses(entry["id"], scenario, results))
            lines.append(
                f"| {entry['id']} | {cell(entry['title'])} | {cell(scenario.name)} | `{scenario.where}` | {status} |"
            )
    if problems:
        lines += ["", "## 问题 (problems)", ""] + [f"- {cell(problem)}" for problem in problems]
    return "\n".join(lines) + "\n"


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def print_matrix(entries: list[dict], matrix: dict[str, list[ScenarioInfo]], results: list[dict]) -> None:
    for entry in entries:
        found = matrix[entry["id"]]
        print(f"{entry['id']}  {entry['title']}" + ("" if found else "  -> 未覆盖 (not covered)"))
        for scenario in found:
            status = status_text(scenario_statuses(entry["id"], scenario, results))
            print(f"    {scenario.where}  {scenario.name}  [{status}]")


# ----------------------------------------------------------------- allure --
def matrix_rows(
    entries: list[dict], matrix: dict[str, list[ScenarioInfo]], results: list[dict], problems: list[str]
) -> list[list[str]]:
    rows = [CSV_HEADER]
    for entry in entries:
        if not matrix[entry["id"]]:
            rows.append([entry["id"], entry["title"], "未覆盖 (not covered)", "", ""])
        for scenario in matrix[entry["id"]]:
            rows.append(
                [
                    entry["id"],
                    entry["title"],
                    scenario.name,
                    scenario.where,
                    status_text(scenario_statuses(entry["id"], scenario, results)),
                ]
            )
    rows += [["问题", problem, "", "", ""] for problem in problems]
    return rows


def to_csv(rows: list[list[str]]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def attach_to_allure(results_dir: Path, table: str, title: str = MATRIX_NAME) -> None:
    """Add the matrix to the Allure results as a report-wide attachment.

    allure-python (allure_commons 2.16: allure.global_attach, model2.Globals)
    represents global attachments as a '<uuid>-globals.json' file holding
    {"attachments": [{name, source, type, timestamp}], "errors": []} next to the
    attachment file itself, and Allure 3 shows them on the report's global
    attachments tab. We write that same structure (under fixed file names, so a
    rerun replaces it) rather than a synthetic test result, which would distort
    the pass/fail statistics.
    """
    import time

    for stale in results_dir.glob("faq-coverage-attachment.*"):  # an older run's Markdown attachment
        stale.unlink()
    (results_dir / ATTACHMENT_FILE).write_text(table, encoding="utf-8")
    globals_item = {
        "attachments": [
            {"name": title, "source": ATTACHMENT_FILE, "type": "text/csv", "timestamp": int(time.time() * 1000)}
        ],
        "errors": [],
    }
    (results_dir / GLOBALS_FILE).write_text(json.dumps(globals_item, ensure_ascii=False), encoding="utf-8")


def resolve(path: str) -> Path:
    candidate = Path(path)
    return candidate if candidate.is_absolute() or candidate.exists() else REPO_ROOT / candidate


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    catalog_path, features_dir = resolve(args.catalog), resolve(args.features)
    entries = load_catalog(catalog_path)["entries"]
    features, parse_errors = read_features(features_dir, root=features_dir.parent)
    scenarios = [scenario for feature in features for scenario in feature.scenarios]
    results_dir = resolve(args.results)
    results = latest_results(read_results(results_dir))

    matrix = build_matrix(entries, scenarios)
    problems = [f"feature 文件无法解析 (cannot parse): {error}" for error in parse_errors]
    if not scenarios:
        problems.append(f"{features_dir} 下没有任何场景 (no scenarios found under {features_dir})")
    problems += find_problems(matrix, scenarios)

    print_matrix(entries, matrix, results)
    markdown = render_markdown(entries, matrix, results, problems)
    output = Path(args.output) if Path(args.output).is_absolute() else REPO_ROOT / args.output
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(markdown, encoding="utf-8")
    covered = sum(1 for found in matrix.values() if [sc for sc in found if not sc.tags & TEXT_ONLY_TAGS])
    if results_dir.is_dir():
        attach_to_allure(
            results_dir,
            to_csv(matrix_rows(entries, matrix, results, problems)),
            f"{MATRIX_NAME}（已覆盖 {covered}/{len(entries)} 个条目）",
        )

    print(f"\n已覆盖 {covered}/{len(entries)} 个 FAQ 条目 (covered). 矩阵已写入 (matrix written to) {output}")
    if problems:
        print("\nFAQ 追溯检查失败 (FAQ traceability check failed):", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print("FAQ 追溯检查通过 (FAQ traceability check passed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
