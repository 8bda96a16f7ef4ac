"""Who imports whom between the suite's rooms (docs/architecture.md draws it): steps/, pages/, every
subpackage of support/, tools/ and mock_portal/, read from the import statements of the code.

    python -m tools.rooms            one line a room: the rooms it imports, with how many import statements
                                     (those inside a function in brackets), then the pairs that import
                                     each other
"""

from __future__ import annotations

import ast
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOP = ("steps", "pages", "support", "tools", "mock_portal")


def room_of_module(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] not in TOP:
        return None
    if parts[0] == "support" and len(parts) > 1 and (ROOT / "support" / parts[1]).is_dir():
        return f"support/{parts[1]}"
    return parts[0]


def room_of_file(path: Path) -> str:
    parts = path.relative_to(ROOT).parts
    if parts[0] == "support" and len(parts) > 2:
        return f"support/{parts[1]}"
    return parts[0]


def imported(tree: ast.AST) -> list[tuple[str, bool]]:
    """(module, inside a function) for every absolute import of the tree."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"support.{a.name}" for a in node.names] if node.module == "support" else [node.module]
            found += [(name, node.col_offset > 0) for name in names]
        elif isinstance(node, ast.Import):
            found += [(a.name, node.col_offset > 0) for a in node.names]
    return found


def graph() -> dict[str, Counter]:
    """room → Counter of (imported room, inside a function)."""
    edges: dict[str, Counter] = defaultdict(Counter)
    for top in TOP:
        for path in sorted((ROOT / top).rglob("*.py")):
            if "fixtures" in path.relative_to(ROOT).parts[1:2]:  # tools/fixtures: test data
                continue
            source = room_of_file(path)
            for module, deferred in imported(ast.parse(path.read_text(encoding="utf-8"))):
                target = room_of_module(module)
                if target and target != source and module != "support":
                    edges[source][(target, deferred)] += 1
    return edges


def main() -> None:
    edges = graph()
    for source in sorted(edges):
        targets = sorted({target for target, _ in edges[source]})
        shown = []
        for target in targets:
            top, deferred = edges[source][(target, False)], edges[source][(target, True)]
            shown.append(" ".join([target] + ([str(top)] if top else []) + ([f"[{deferred}]"] if deferred else [])))
        print(f"{source} → " + ", ".join(shown))
    pairs = sorted(
        {tuple(sorted((a, b))) for a in edges for b, _ in edges[a] if any(t == a for t, _ in edges.get(b, {}))}
    )
    print("\n互相导入 (import each other): " + ("; ".join(f"{a} ⇄ {b}" for a, b in pairs) or "none"))


if __name__ == "__main__":
    main()
