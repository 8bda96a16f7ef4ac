#!/usr/bin/env python3
"""门户提示文字 / the portal vocabulary a scenario writer may read: docs/portal-messages.md.

Read (never imported: the suite does not import the portal's strings) from mock_portal/messages/*.py,
one module per domain, where every text the portal shows is kept: each top-level constant that is a
string (or a list/tuple/dict of strings) becomes a row, grouped by module, headed by the module's
docstring. ``{label}``-style fields are filled in by the portal.

  python tools/portal_messages.py           write docs/portal-messages.md
  python tools/portal_messages.py --check   exit 1 if it is out of date (make test)
Options: --messages DIR (default mock_portal/messages)  --output FILE (default docs/portal-messages.md)
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def texts_of(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts_of(item)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [text for item in value for text in texts_of(item)]
    return []


def module_messages(path: Path) -> tuple[str, list[tuple[str, list[str]]]]:
    """(docstring's first line, [(constant name, [text, ...]), ...]) in source order."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    doc = (ast.get_docstring(tree) or "").strip().splitlines()
    rows = []
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if not names or node.value is None:
            continue
        try:
            value = ast.literal_eval(node.value)
        except (ValueError, SyntaxError):
            continue
        texts = [text for text in texts_of(value) if text.strip()]
        if texts:
            rows.append((names[0], texts))
    return (doc[0] if doc else ""), rows


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def render(messages_dir: Path) -> str:
    out = [
        "# 门户提示文字 (portal messages)",
        "",
        "> 本文件由 `tools/portal_messages.py` 从 `mock_portal/messages/` 生成，请勿手工编辑；"
        "`make test` 检查它是否最新。",
        '> 场景中的期望文字请逐字从这里复制（`那么 页面提示错误"…"`）；`{…}` 处由门户填入具体内容。',
        "> 门户改了文字时，这里和场景一起改：场景断言的是用户看到的文字，套件从不导入这些常量。",
        "",
    ]
    for path in sorted(messages_dir.glob("*.py")):
        if path.name == "__init__.py":
            continue
        title, rows = module_messages(path)
        if not rows:
            continue
        out += [
            f"## {path.stem}：{title}" if title else f"## {path.stem}",
            "",
            "| 名称 | 门户显示的文字 |",
            "| --- | --- |",
        ]
        for name, texts in rows:
            out += [f"| `{name}` | {cell(text)} |" for text in texts]
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成门户提示文字 docs/portal-messages.md")
    parser.add_argument("--messages", default=str(REPO_ROOT / "mock_portal" / "messages"))
    parser.add_argument("--output", default=str(REPO_ROOT / "docs" / "portal-messages.md"))
    parser.add_argument("--check", action="store_true", help="检查是否最新 (check it is up to date)")
    args = parser.parse_args(argv)
    text, output = render(Path(args.messages)), Path(args.output)
    if args.check:
        if not output.is_file() or output.read_text(encoding="utf-8") != text:
            print(
                f"{output.name} 已过期，请运行 `.venv/bin/python tools/portal_messages.py` 重新生成 "
                f"({output.name} is out of date)",
                file=sys.stderr,
            )
            return 1
        print(f"{output.name} 是最新的 (is up to date)")
        return 0
    output.write_text(text, encoding="utf-8")
    print(f"已生成 (written) {output}: {text.count(chr(10) + '| `')} 条文字 (texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
