"""Locator policy: pages/ and steps/ find elements by what a user sees (role and name, label, text),
never by id, class, test id, CSS or XPath, and never write a portal path (support/target/routes.py has them).

    .venv/bin/python tools/locator_policy.py          # lists every violation, exit 1 if any

Rules (AST-based, so comments and docstrings never count):
- get_by_test_id(…), set_test_id_attribute(…), query_selector*/eval_on_selector*/wait_for_selector,
  frame_locator(…) and .locator(<selector string>) (CSS, XPath, #id, .class, [attr], text=…): banned.
- get_by_role(…, level=…): a heading's level is markup; find headings by name at any level.
- get_by_role("alert" / "status" / "alertdialog"): ARIA that only assistive technology sees; read a
  message through pages.frame.shown_message (role used when present, visible text otherwise). Only
  pages/frame.py, which builds that fallback, may name these roles.
- locator("caption-field=…"): the form-caption engine of pages/frame.py (a field captioned by plain
  text beside it, found in reading order); only pages/frame.py's field() may use it, everyone else
  calls field(). locator("column-table=…"): the column-header table engine of pages/tables.py (a table
  whose header row is plain cells, or whose header and body are two tables); only pages/tables.py may
  use it. Any other selector string stays banned there too.
- a literal portal path ("/login", "/online/info") given to goto, wait_for_url, expect_navigation,
  expect_response or to_have_url: take it from support/target/routes.py.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("pages", "steps")
BANNED_CALLS = {
    "get_by_test_id",
    "set_test_id_attribute",
    "query_selector",
    "query_selector_all",
    "eval_on_selector",
    "eval_on_selector_all",
    "wait_for_selector",
    "frame_locator",
}
ARIA_ONLY_ROLES = {"alert", "status", "alertdialog"}
ARIA_FALLBACK_OWNER = "pages/frame.py"
CAPTION_ENGINE_PREFIX = "caption-field="  # pages.frame.CAPTION_ENGINE
CAPTION_ENGINE_OWNER = "pages/frame.py"
# Each selector engine of ours: its prefix, the one file that may use it, and what to say elsewhere.
ENGINES = {
    CAPTION_ENGINE_PREFIX: (CAPTION_ENGINE_OWNER, "表单说明文字定位只在 pages.frame.field 里用"),
    "column-table=": ("pages/tables.py", "按列标题找表格只在 pages.tables.table_with 里用"),
    "titled-part=": ("pages/frame.py", "按标题找页面中的一块只在 pages.frame.section 里用"),
}
NAVIGATION_CALLS = {"goto", "wait_for_url", "expect_navigation", "expect_response", "to_have_url"}


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    rule: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}"


def _string(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):  # an f-string: its literal start
        first = node.values[0] if node.values else None
        return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else ""
    return None


def _first_arg(call: ast.Call, keyword: str) -> ast.AST | None:
    if call.args:
        return call.args[0]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def _engine_use(node: ast.AST | None) -> str | None:
    """`"caption-field=<caption>"` or f"caption-field={caption}" (any of ENGINES): the engine's prefix when
    it is one of ours and nothing is chained after it (no `>>`, which could smuggle a CSS or XPath part in)."""
    text = _string(node)
    prefix = next((p for p in ENGINES if text and text.startswith(p)), None)
    if prefix is None:
        return None
    parts = node.values if isinstance(node, ast.JoinedStr) else [node]
    literal = "".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
    return prefix if ">>" not in literal else None


def check_source(source: str, path: str) -> list[Violation]:
    found = []
    for node in ast.walk(ast.parse(source, filename=path)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name, line = node.func.attr, node.lineno
        if name in BANNED_CALLS:
            found.append(Violation(path, line, f"{name}()：按测试 id / CSS 选择器定位，改用角色、标签或可见文字"))
        elif name == "locator" and _string(_first_arg(node, "selector_or_locator")) is not None:
            selector = _string(_first_arg(node, "selector_or_locator"))
            engine = _engine_use(_first_arg(node, "selector_or_locator"))
            if engine:
                owner, why = ENGINES[engine]
                if path != owner:
                    found.append(Violation(path, line, f"locator('{engine}…')：{why}"))
                continue
            found.append(
                Violation(path, line, f"locator({selector!r})：CSS/XPath/id/class 选择器，改用角色、标签或可见文字")
            )
        elif name == "get_by_role":
            if any(k.arg == "level" for k in node.keywords):
                found.append(
                    Violation(path, line, "get_by_role(…, level=…)：标题层级是标记细节，按名称查找任意层级的标题")
                )
            role = _string(_first_arg(node, "role"))
            if role in ARIA_ONLY_ROLES and path != ARIA_FALLBACK_OWNER:
                found.append(
                    Violation(
                        path,
                        line,
                        f'get_by_role("{role}")：不能只依赖 ARIA 角色，用 pages.frame.shown_message 按可见文字读提示',
                    )
                )
        elif name in NAVIGATION_CALLS:
            target = _string(_first_arg(node, "url"))
            if target is not None and (target.startswith("/") or target.startswith("**/")):
                found.append(
                    Violation(path, line, f"{name}({target!r})：门户路径写死了，改用 support/target/routes.py 的路由名")
                )
    return found


def scan(root: Path = ROOT) -> list[Violation]:
    found = []
    for folder in SCANNED:
        for file in sorted((root / folder).rglob("*.py")):
            rel = file.relative_to(root).as_posix()
            found.extend(check_source(file.read_text(encoding="utf-8"), rel))
    return found


def main() -> int:
    found = scan()
    for violation in found:
        print(violation)
    print(f"定位器规则：{len(found)} 处违规" if found else "定位器规则：pages/ 与 steps/ 没有违规")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
