#!/usr/bin/env python3
"""Gherkin 规范检查 / lint for the Chinese feature files.

Rules (each problem is printed as path:line: 中文说明 (English gloss)):
  * the file starts with '# language: zh-CN';
  * only Chinese keywords (功能 背景 场景 场景大纲 例子 假如 当 那么 而且 但是 …), no English Given/When/Then;
  * every tag passes support/gherkin/tags.py's ``problem`` — the rule the run applies too (support/gherkin/tagging.py):
    FAQ-… tags name an ID of docs/faq_catalog.yaml, @only_browser/@skip_browser carry a browser and a
    reason, no near-miss of a vocabulary tag (@mock_only for @mock-only); other custom tags are free;
  * step text is declarative: no CSS/XPath selectors (#id, .class, //, [name=…]) and
    no words like xpath, css, selector, locator, wait, sleep, 等待 N 秒;
  * scenario names are unique within a feature;
  * the file parses with the official Gherkin parser.

Usage (from the repository root): python -m tools.gherkin_lint [--features DIR] [--catalog FILE] [FILE ...]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

try:
    from support.gherkin.tags import problem
    from tools.faqtext import REPO_ROOT, catalog_ids, feature_files, parse_gherkin, strip_tag_prefix
except ModuleNotFoundError as missing:  # started as `python tools/gherkin_lint.py`
    raise SystemExit(
        "请在仓库根目录运行 python -m tools.gherkin_lint (run it as a module from the repository root)"
    ) from missing

REQUIRED_HEADER = "# language: zh-CN"
ENGLISH_KEYWORD = re.compile(
    r"^\s*(?:(?:Feature|Background|Scenario Outline|Scenario Template|Scenario|Examples|Example|Scenarios|Rule)\s*:"
    r"|(?:Given|When|Then|And|But)\s)"
)
IMPERATIVE_PATTERNS = [
    (re.compile(r"#[A-Za-z_][\w-]*"), "CSS id 选择器 (CSS id selector)"),
    (re.compile(r"(?<![\w.])\.[A-Za-z_][\w-]*"), "CSS class 选择器 (CSS class selector)"),
    (re.compile(r"(?<![:/])//"), "XPath 路径 (XPath expression)"),
    (re.compile(r"\[\s*@?[A-Za-z_][\w-]*\s*(?:[~|^$*]?=|\])"), "属性选择器 (attribute selector)"),
    (
        re.compile(r"(?i)(?<![A-Za-z])(xpath|css|selector|locator|wait|sleep)(?![A-Za-z])"),
        "界面实现用语 (UI implementation word)",
    ),
    (re.compile(r"等待\s*\d+(?:\.\d+)?\s*(?:秒|毫秒|分钟|s\b|ms\b)"), "固定等待 (fixed wait)"),
]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="检查中文 Gherkin 规范 (lint Chinese Gherkin features)")
    parser.add_argument("files", nargs="*", help="只检查这些文件 (lint only these files)")
    parser.add_argument("--features", default="features", help="feature 目录 (features directory), 默认 features")
    parser.add_argument("--catalog", default="docs/faq_catalog.yaml", help="FAQ 目录文件 (catalog)")
    return parser.parse_args(argv)


def lint_raw_lines(path: str, lines: list[str]) -> list[str]:
    problems = []
    first = next((line.strip() for line in lines if line.strip()), "")
    if first != REQUIRED_HEADER:
        problems.append(f"{path}:1: 文件必须以 '{REQUIRED_HEADER}' 开头 (file must start with '{REQUIRED_HEADER}')")
    in_docstring = False
    for number, line in enumerate(lines, 1):
        if line.strip().startswith(('"""', "```")):
            in_docstring = not in_docstring
            continue
        if not in_docstring and ENGLISH_KEYWORD.match(line):
            keyword = line.strip().split()[0].rstrip(":")
            problems.append(
                f"{path}:{number}: 使用了英文关键字 '{keyword}'，请用中文关键字 "
                f"(English keyword, use 功能/场景/假如/当/那么/而且/但是)"
            )
    return problems


def tagged_nodes(feature: dict):
    """Yield (node, is_examples) for every AST node that can carry tags: feature, rules, scenarios, examples."""
    yield feature, False
    for child in feature.get("children", []):
        node = child.get("rule") or child.get("scenario")
        if not node:
            continue
        yield node, False
        scenarios = [g["scenario"] for g in node.get("children", []) if "scenario" in g] if "rule" in child else [node]
        for scenario in scenarios:
            if scenario is not node:
                yield scenario, False
            yield from ((examples, True) for examples in scenario.get("examples", []))


def scenarios_of(feature: dict):
    for child in feature.get("children", []):
        if "scenario" in child:
            yield child["scenario"]
        for grandchild in (child.get("rule") or {}).get("children", []):
            if "scenario" in grandchild:
                yield grandchild["scenario"]


def steps_of(feature: dict):
    for child in feature.get("children", []):
        yield from (child.get("background") or {}).get("steps", [])
        for grandchild in (child.get("rule") or {}).get("children", []):
            yield from (grandchild.get("background") or grandchild.get("scenario") or {}).get("steps", [])
    for scenario in scenarios_of(feature):
        yield from scenario.get("steps", [])


def lint_ast(path: str, feature: dict, faq_ids: set[str]) -> list[str]:
    problems = []
    for node, on_examples in tagged_nodes(feature):
        for tag in node.get("tags", []):
            why = problem(strip_tag_prefix(tag["name"]), faq_ids, on_examples=on_examples)
            if why:
                problems.append(f"{path}:{tag['location']['line']}: {why}")
    for step in steps_of(feature):
        for pattern, what in IMPERATIVE_PATTERNS:
            match = pattern.search(step["text"])
            if match:
                problems.append(
                    f"{path}:{step['location']['line']}: 步骤含{what} '{match.group(0)}'，"
                    f"请用业务语言描述 (step text must be declarative): {step['text']}"
                )
    seen: dict[str, int] = {}
    for scenario in scenarios_of(feature):
        line, name = scenario["location"]["line"], scenario["name"]
        if name in seen:
            problems.append(
                f"{path}:{line}: 场景名称重复 '{name}'，首次出现在第 {seen[name]} 行 "
                f"(duplicate scenario name, first at line {seen[name]})"
            )
        else:
            seen[name] = line
    return problems


def lint_file(path: Path, faq_ids: set[str], shown: str | None = None) -> list[str]:
    shown = shown or str(path)
    text = path.read_text(encoding="utf-8")
    problems = lint_raw_lines(shown, text.splitlines())
    try:
        feature = parse_gherkin(text).get("feature") or {}
    except Exception as exc:  # CompositeParserException lists every syntax error with its line
        return problems + [f"{shown}: Gherkin 语法错误 (syntax error): {line}" for line in str(exc).splitlines()]
    return sorted(problems + lint_ast(shown, feature, faq_ids), key=line_number)


def line_number(problem: str) -> int:
    match = re.match(r"^.*?:(\d+): ", problem)
    return int(match.group(1)) if match else 0


def resolve(path: str) -> Path:
    candidate = Path(path)
    return candidate if candidate.is_absolute() or candidate.exists() else REPO_ROOT / candidate


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    catalog = resolve(args.catalog)
    faq_ids = set(catalog_ids(catalog)) if catalog.is_file() else set()
    files = [Path(f) for f in args.files] or feature_files(resolve(args.features))
    problems = []
    for path in files:
        problems += lint_file(path, faq_ids, display(path))
    if problems:
        print("\n".join(problems))
        print(
            f"\nGherkin 检查发现 {len(problems)} 个问题 (lint found {len(problems)} problems) "
            f"in {len(files)} 个文件 (files)",
            file=sys.stderr,
        )
        return 1
    print(f"Gherkin 检查通过：{len(files)} 个文件 (lint passed: {len(files)} files)")
    return 0


def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
