#!/usr/bin/env python3
"""步骤目录 / step catalog generator for the pytest-bdd step definitions.

Imports every steps/*.py module (as the package `steps`, run from the repository root
with `python -m tools.step_catalog`, like the root conftest loads them as plugins) and enumerates the step
definitions through pytest-bdd's own registry: each @given/@when/@then/@step
decorator of pytest_bdd 9 stores a StepFunctionContext (type, step_func, parser,
converters, target_fixture) in `pytest_bdd.steps.step_function_context_registry`.
Each step is matched with its own parser (`parser.is_matching`, exactly what
pytest-bdd does at run time) against the step lines of features/**/*.feature.

  python -m tools.step_catalog             write docs/steps.md
  python -m tools.step_catalog --check     exit 1 if docs/steps.md is out of date
  python -m tools.step_catalog --missing   list feature steps without a definition, the
                                           nearest existing steps and why they do not match
                                           (support/gherkin/step_hints.py), and a Python skeleton for each

The catalog carries no line numbers: a step is anchored by its module and function name, and
--check compares only what the step definitions decide (examples and the unused list come from
the features and are refreshed by `make steps`), so a blank line in a step module or a new
feature file never makes it stale.

What a step does comes from its docstring: the first line says what it does; optional lines
``页面：…`` (the page it opens or ends on) and ``控制接口：需要`` / ``控制接口：不需要`` (whether
it needs the test control plane). Without that line the need is inferred: the step or a fixture
it uses takes ``api`` or calls ``target.control`` without a staging branch (``target.api is None``).
Options: --steps DIR (default steps)  --features DIR (default features)
         --output FILE (default docs/steps.md)
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import inspect
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

try:
    from support.gherkin import step_hints
    from support.gherkin.parsing import TYPES, Phrase
    from support.gherkin.step_hints import choices_of, field_label
    from tools.faqtext import REPO_ROOT, StepLine, read_features, render_outline
    from tools.step_text import readable
except ModuleNotFoundError as missing:  # started as `python tools/step_catalog.py`
    raise SystemExit(
        "请在仓库根目录运行 python -m tools.step_catalog (run it as a module from the repository root)"
    ) from missing

KEYWORD_BY_TYPE = {"given": "假如", "when": "当", "then": "那么", None: "任意 (假如/当/那么)"}
DECORATOR_BY_TYPE = {"given": "given", "when": "when", "then": "then"}
PARSE_TYPES = {
    "": "str",
    "d": "int",
    "n": "int (千分位 thousands separators)",
    "b": "int (二进制 binary)",
    "o": "int (八进制 octal)",
    "x": "int (十六进制 hex)",
    "f": "float",
    "F": "Decimal",
    "e": "float",
    "g": "float",
    "%": "float (百分比 percentage)",
    "w": "str (单词 word)",
    "W": "str (非单词 non-word)",
    "s": "str (空白 whitespace)",
    "S": "str (非空白 non-whitespace)",
    "D": "str (非数字 non-digit)",
    "l": "str (字母 letters)",
    "ti": "datetime (ISO 8601)",
    "te": "datetime (RFC 2822)",
    "tg": "datetime",
    "ta": "datetime (US)",
    "tc": "datetime (ctime)",
    "th": "datetime (HTTP)",
    "ts": "datetime (syslog)",
    "tt": "time",
}
FIELD = re.compile(r"(?<!\{)\{([^{}:]*)(?::([^{}]*))?\}(?!\})")


@dataclass
class StepDef:
    module: str  # file shown in the catalog, e.g. steps/login.py
    line: int
    type: str | None
    pattern: str
    parser_kind: str
    params: list[tuple[str, str]]
    context: object
    function: str = ""
    summary: str = ""
    page: str = ""
    control: str = ""
    examples: list[StepLine] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"{self.module} · {self.function}" if self.function else self.module

    def matches(self, step: StepLine, texts: list[str]) -> bool:
        if self.type is not None and self.type != step.type:
            return False
        return any(self.context.parser.is_matching(text) for text in texts)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="生成步骤目录 docs/steps.md (generate the step catalog)")
    parser.add_argument("--steps", default="steps", help="步骤定义目录 (step definitions package), 默认 steps")
    parser.add_argument("--features", default="features", help="feature 目录 (features directory), 默认 features")
    parser.add_argument("--output", default="docs/steps.md", help="输出文件 (output file), 默认 docs/steps.md")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="检查 docs/steps.md 是否最新 (check it is up to date)")
    mode.add_argument("--missing", action="store_true", help="列出没有定义的步骤并给出代码骨架 (missing steps)")
    return parser.parse_args(argv)


# ------------------------------------------------------------ step defs --
def import_step_modules(steps_dir: Path) -> list[str]:
    """Import steps_dir/*.py as the package named like the directory (the repository's steps/, or a
    fixture such as tools/fixtures/step_catalog/steps); returns the module names."""
    if not steps_dir.is_dir():
        return []
    if steps_dir.name not in sys.modules:  # the package from this directory, wherever it is
        spec = importlib.util.spec_from_file_location(
            steps_dir.name, steps_dir / "__init__.py", submodule_search_locations=[str(steps_dir)]
        )
        package = importlib.util.module_from_spec(spec)
        sys.modules[steps_dir.name] = package
        spec.loader.exec_module(package)
    names = []
    for path in sorted(steps_dir.glob("*.py")):
        if path.name == "__init__.py":
            continue
        name = f"{steps_dir.name}.{path.stem}"
        importlib.import_module(name)
        names.append(name)
    return names


def describe_params(context) -> tuple[str, list[tuple[str, str]]]:
    """(parser kind, [(parameter, type), ...]) for one step definition."""
    from pytest_bdd import parsers

    parser, converters = context.parser, context.converters or {}
    if isinstance(parser, Phrase):
        kind = "phrase (support/gherkin/parsing.py)"
        params = [
            (name, f.type.name if f.type else "str (原样比较或填写 compared or typed as is)")
            for name, f in parser.fields.items()
        ]
    elif isinstance(parser, parsers.string):
        kind, params = "string", []
    elif isinstance(parser, parsers.re):
        kind, params = "parsers.re", [(name, "str") for name in parser.regex.groupindex]
    elif isinstance(parser, (parsers.cfparse, parsers.parse)):
        kind = "parsers.cfparse" if isinstance(parser, parsers.cfparse) else "parsers.parse"
        extra = getattr(parser.parser, "_extra_types", None) or {}
        params = [(name, parse_type_name(spec or "", extra)) for name, spec in FIELD.findall(parser.name) if name]
    else:
        kind, params = type(parser).__name__, []
    params = [
        (name, f"{converter_name(converters[name])} (converters)" if name in converters else kind_)
        for name, kind_ in params
    ]
    return kind, params


def parse_type_name(spec: str, extra_types: dict) -> str:
    type_code = re.sub(r"^.*?([A-Za-z%]*[+*?]?)$", r"\1", spec)
    base = type_code.rstrip("+*?")
    cardinality = {"+": " 一个或多个 (one or more)", "*": " 零个或多个 (zero or more)", "?": " 可选 (optional)"}.get(
        type_code[-1:], ""
    )
    if base in extra_types:
        converter = extra_types[base]
        return f"{base} (自定义类型 custom type: {converter_name(converter)}){cardinality}"
    return PARSE_TYPES.get(base, base or "str") + cardinality


def converter_name(converter) -> str:
    return getattr(converter, "__name__", type(converter).__name__)


def shown_path(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def collect_step_defs(module_names: list[str]) -> list[StepDef]:
    from pytest_bdd.steps import step_function_context_registry

    wanted, defs = set(module_names), []
    for context in list(step_function_context_registry.values()):
        func = context.step_func
        if func.__module__ not in wanted:
            continue
        code = getattr(func, "__code__", None)
        module_file = sys.modules[func.__module__].__file__ or func.__module__
        kind, params = describe_params(context)
        summary, page, control = describe_doc(func)
        defs.append(
            StepDef(
                shown_path(module_file),
                code.co_firstlineno if code else 0,
                context.type,
                context.parser.name,
                kind,
                params,
                context,
                getattr(func, "__name__", ""),
                summary,
                page,
                control or control_plane(func),
            )
        )
    return sorted(defs, key=lambda d: (d.module, d.line, d.type or "", d.pattern))


DOC_FIELD = re.compile(r"^\s*(页面|控制接口)\s*[:：]\s*(.+?)\s*$")


def describe_doc(func) -> tuple[str, str, str]:
    """(what it does, page, control plane) from the docstring convention (module docstring above)."""
    doc = inspect.getdoc(func) or ""
    lines = [line.strip() for line in doc.splitlines()]
    summary = lines[0] if lines and not DOC_FIELD.match(lines[0]) else ""
    fields = {m.group(1): m.group(2) for m in map(DOC_FIELD.match, lines) if m}
    control = fields.get("控制接口", "")
    if control:
        control = "需要" if control.startswith("需要") else ("不需要" if control.startswith("不需要") else control)
    return summary, fields.get("页面", ""), control


def fixture_functions() -> dict[str, object]:
    """Every pytest fixture defined in the loaded support/ and steps/ modules, by name."""
    found = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith(("support", "steps")) or module is None:
            continue
        for value in list(vars(module).values()):
            wrapped = getattr(value, "_get_wrapped_function", None)
            if callable(wrapped) and getattr(value, "name", None):
                found.setdefault(value.name, wrapped())
    return found


_FIXTURES: dict[str, object] | None = None


def _uses_control_plane(func) -> tuple[bool, bool]:
    """(uses the control plane, has a staging branch) read from one function's source."""
    try:
        source = textwrap.dedent(inspect.getsource(func))
    except (OSError, TypeError):
        return False, False
    staging = "api is None" in source or "api is not None" in source
    uses = bool(re.search(r"\.control\b|\bapi\.", source)) and not staging
    return uses, staging


def control_plane(func) -> str:
    """需要 / 不需要 (inferred from the fixtures the step uses, transitively)."""
    global _FIXTURES
    if _FIXTURES is None:
        _FIXTURES = fixture_functions()
    seen, todo, staging = set(), [func], False
    while todo:
        current = todo.pop()
        try:
            names = list(inspect.signature(current).parameters)
        except (TypeError, ValueError):
            names = []
        if "api" in names:
            return "需要"
        uses, has_branch = _uses_control_plane(current)
        if uses:
            return "需要"
        staging = staging or has_branch
        for name in names:
            if name in _FIXTURES and name not in seen:
                seen.add(name)
                todo.append(_FIXTURES[name])
    return "不需要（预发布上另有做法）" if staging else "不需要"


# ------------------------------------------------------------- features --
def feature_step_lines(features_dir: Path) -> list[tuple[StepLine, list[str]]]:
    """Every step line with the texts pytest-bdd would match (outlines rendered per example row)."""
    features, _errors = read_features(features_dir, root=REPO_ROOT)
    seen, lines = set(), []
    for feature in features:
        candidates = [(step, []) for step in feature.background]
        for scenario in feature.scenarios:
            for step in scenario.steps:
                rows = scenario.examples or [{}]
                candidates.append((step, sorted({render_outline(step.text, row) for row in rows})))
        for step, texts in candidates:
            key = (step.path, step.line)
            if key not in seen:
                seen.add(key)
                lines.append((step, texts or [step.text]))
    return lines


def match_examples(defs: list[StepDef], lines: list[tuple[StepLine, list[str]]]) -> list[StepLine]:
    """Fill StepDef.examples; return the feature lines no definition matches."""
    missing = []
    for step, texts in lines:
        matched = [d for d in defs if d.matches(step, texts)]
        for definition in matched:
            definition.examples.append(step)
        if not matched:
            missing.append(step)
    return missing


# ------------------------------------------------------------- markdown --
def render_catalog(defs: list[StepDef]) -> str:
    out = [
        "# 步骤目录 (step catalog)",
        "",
        "> 本文件由 `tools/step_catalog.py` 生成，请勿手工编辑；修改步骤后运行 `make steps`。",
        "> (Generated by tools/step_catalog.py; do not edit by hand, run `make steps`.)",
        "> 每个步骤：作用（步骤文档字符串的第一行）、页面（打开或停留的页面，写明时）、测试控制接口"
        "（“需要”的步骤只能用在带 `@mock-only` 的场景里）、参数可接受的写法、示例、定义位置（模块 · 函数）。",
        "> 示例与“未使用的步骤”取自 features，`make steps` 时更新，`make test` 不因它们而失败。",
        "",
    ]
    if not defs:
        out += ["尚无步骤定义 (no step definitions yet).", ""]
    out += render_types(defs)
    for module in sorted({d.module for d in defs}):
        out += [f"## 模块 `{module}`", ""]
        for definition in (d for d in defs if d.module == module):
            out += render_step(definition)
    unused = [d for d in defs if not d.examples]
    out += ["## 未使用的步骤 (unused steps)", ""]
    out += [f"- {KEYWORD_BY_TYPE[d.type]} `{d.pattern}` — `{d.anchor}`" for d in unused] or ["无 (none)"]
    return "\n".join(out) + "\n"


def render_types(defs: list[StepDef]) -> list[str]:
    """The named parameter types (support/gherkin/parsing.py) the steps use, with their accepted phrases."""
    used = {
        f.type.name
        for d in defs
        if isinstance(d.context.parser, Phrase)
        for f in d.context.parser.fields.values()
        if f.type is not None
    }
    if not used:
        return []
    out = [
        "## 参数类型 (parameter types)",
        "",
        "写法中的 `{名称:类型}` 只接受该类型的写法；写了别的，该行是未定义的步骤（`make dry-run` 在启动浏览器前报告，"
        '并列出可接受的写法）。`"{名称}"` 这样不带类型的参数照原样与页面比较或填入表单。',
        "",
        "| 类型 (type) | 可接受的写法 (accepted phrases) | 来源 (source) | 登记于 (registered in) |",
        "| --- | --- | --- | --- |",
    ]
    for name in sorted(used):
        kind = TYPES[name]
        accepted = "、".join(f"`{p}`" for p in kind.accepted()) if kind.accepted() else kind.hint
        out.append(f"| `{name}` | {accepted} | {kind.origin} | {kind.registered_in} |")
    if "账号描述" in used:
        from support.data.personas import PERSONAS, registered_in

        out += [
            "",
            "`账号描述` 的每一种写法由哪个模块的 `@persona` 登记 (who registers each persona):",
            "",
            "| 账号描述 (persona) | 登记于 (registered in) |",
            "| --- | --- |",
        ]
        out += [f"| `{d}` | {registered_in(d)} |" for d in sorted(PERSONAS)]
    return out + [""]


def render_step(definition: StepDef) -> list[str]:
    keyword = KEYWORD_BY_TYPE[definition.type]
    lines = [f"### {keyword} `{definition.pattern}`", "", f"- 解析器 (parser): `{definition.parser_kind}`"]
    if isinstance(definition.context.parser, Phrase):
        lines.append(f"- 写法 (write it as): `{definition.context.parser.written()}`")
    elif definition.parser_kind == "parsers.re":
        lines.append(f"- 写法 (write it as): `{readable(definition.pattern, definition.context.converters)}`")
    if definition.summary:
        lines.append(f"- 作用 (does): {definition.summary}")
    if definition.page:
        lines.append(f"- 页面 (page): {definition.page}")
    lines.append(
        f"- 测试控制接口 (test control plane): {definition.control}"
        + ("，场景须带 `@mock-only`" if definition.control == "需要" else "")
    )
    if definition.params:
        lines.append("- 参数 (parameters): " + ", ".join(f"`{n}`: {t}" for n, t in definition.params))
    else:
        lines.append("- 参数 (parameters): 无 (none)")
    for name, kind in choices_of(definition.context.parser).items():
        label = field_label(name, kind)
        if kind.accepted():
            lines.append(
                f"- `{label}` 可接受的写法 (accepted phrases): " + "、".join(f"`{o}`" for o in kind.accepted())
            )
        else:
            lines.append(f"- `{label}` 写法 (how to write it): {kind.hint}")
    if definition.context.target_fixture:
        lines.append(f"- 产出 fixture (target_fixture): `{definition.context.target_fixture}`")
    if definition.examples:
        example = definition.examples[0]
        lines.append(f"- 示例 (example): `{example.keyword} {example.text}` — `{example.path}`")
    else:
        lines.append("- 示例 (example): 无，未被任何 feature 使用 (unused)")
    lines += [f"- 定义位置 (defined at): `{definition.anchor}`", ""]
    return lines


def skeleton(step: StepLine, number: int) -> str:
    """A Python skeleton for a step line that has no definition.

    Outline placeholders (<名称>) and quoted literals become parse fields, named
    in English (param_N / text_N) when the original name is not ASCII.
    """
    params: list[str] = []

    def placeholder(match: re.Match) -> str:
        name = match.group(1) if match.group(1).isascii() else f"param_{len(params) + 1}"
        params.append(name)
        return "{" + name + "}"

    def quoted(match: re.Match) -> str:
        params.append(f"text_{len(params) + 1}")
        return f"{match.group(1)}{{{params[-1]}}}{match.group(3)}"

    pattern = re.sub(r"<(\w+)>", placeholder, step.text)
    pattern = re.sub(r'(["“])([^"”]*)(["”])', quoted, pattern)
    target = f"phrase({pattern!r})" if params else repr(pattern)
    message = f"步骤未实现 (step not implemented): {step.text}"
    return "\n".join(
        [
            f"# {step.path}:{step.line}",
            f"@{DECORATOR_BY_TYPE[step.type]}({target})",
            f"def todo_snake_case_name_{number}({', '.join(params)}):",
            f'    """{step.keyword} {step.text} —— 待实现：调用页面对象或 support 辅助函数 (to implement)."""',
            f"    raise NotImplementedError({message!r})",
            "",
        ]
    )


USAGE_LINE = "- 示例 (example):"
UNUSED_HEADING = "## 未使用的步骤"


def stable_part(text: str) -> str:
    """The catalog without what the features decide (examples, unused list): what --check compares."""
    text = text.split(UNUSED_HEADING)[0]
    return "\n".join(line for line in text.splitlines() if not line.startswith(USAGE_LINE))


def print_missing(missing: list[StepLine], defs: list[StepDef] | None = None) -> int:
    unique, seen = [], set()
    for step in missing:
        if (step.type, step.text) not in seen:
            seen.add((step.type, step.text))
            unique.append(step)
    if not unique:
        print("所有步骤都已存在 (all steps exist)")
        return 0
    print(f"以下 {len(unique)} 个步骤没有定义 (steps without a definition):\n")
    candidates = [step_hints.candidate_of(d.context, d.anchor) for d in defs or []]
    for step in unique:
        print(f"  {step.path}:{step.line}: {step.keyword} {step.text}")
        print("\n".join(step_hints.describe(step_hints.nearest(step.text, step.type, candidates))))
        print()
    print(
        "\n# 代码骨架 (skeletons) — from pytest_bdd import given, when, then;"
        " from support.gherkin.parsing import phrase\n"
    )
    for number, step in enumerate(unique, 1):
        print(skeleton(step, number))
    return 1


def resolve(path: str) -> Path:
    candidate = Path(path)
    return (candidate if candidate.is_absolute() or candidate.exists() else REPO_ROOT / candidate).resolve()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        modules = import_step_modules(resolve(args.steps))
        defs = collect_step_defs(modules)
    except Exception as exc:  # a broken step module (or an unregistered parameter type) must not pass silently
        print(f"无法导入步骤模块 (cannot import step modules): {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    missing = match_examples(defs, feature_step_lines(resolve(args.features)))
    if args.missing:
        return print_missing(missing, defs)
    text, output = render_catalog(defs), resolve(args.output)
    if args.check:
        current = output.read_text(encoding="utf-8") if output.is_file() else ""
        if stable_part(current) != stable_part(text):
            print(
                f"{shown_path(str(output))} 已过期，请运行 `make steps` 重新生成 "
                f"({shown_path(str(output))} is out of date: run `make steps`)",
                file=sys.stderr,
            )
            return 1
        print(f"{shown_path(str(output))} 是最新的 (is up to date)")
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(
        f"已生成 (written) {shown_path(str(output))}: {len(defs)} 个步骤 (steps), "
        f"{sum(1 for d in defs if not d.examples)} 个未使用 (unused)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
