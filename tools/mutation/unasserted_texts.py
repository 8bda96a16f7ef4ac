"""Texts of mock_portal/messages/ whose ending no feature asserts — a quick estimate, without a browser, of
the `faq/DropLastChineseCharacter` mutants that no scenario can kill (docs/mutation.md).

A text's mutant drops its last Chinese character; a scenario catches it only if some expectation contains
the text up to that character. This reads every feature and reports a text as blind when the last four
characters before (and including) its last Chinese character, after its last {placeholder}, appear in no
feature file. An estimate: it cannot tell which scenario (if any) reads the words, and four characters may
match another text. Exit status 0; `-v` lists the texts.

    .venv/bin/python tools/mutation/unasserted_texts.py [-v]
"""

from __future__ import annotations

import ast
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3400-\u9fff]")


def docstrings(tree: ast.AST) -> set[int]:
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }


def ending(text: str, width: int = 4) -> str:
    """The last `width` characters up to the last Chinese one, after the last {placeholder}."""
    last = [m.start() for m in CJK.finditer(text)][-1]
    return re.split(r"\{[^}]*\}", text[: last + 1])[-1][-width:]


def blind_texts(root: Path = ROOT) -> tuple[Counter, list[tuple[str, int, str]]]:
    features = "\n".join(p.read_text(encoding="utf-8") for p in (root / "features").rglob("*.feature"))
    total, blind = Counter(), []
    for module in sorted((root / "mock_portal" / "messages").glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        skip = docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and CJK.search(node.value)
                and id(node) not in skip
            ):
                total[module.name] += 1
                if ending(node.value) not in features:
                    blind.append((module.name, node.lineno, node.value))
    return total, blind


def main(argv: list[str]) -> int:
    total, blind = blind_texts()
    print(f"{sum(total.values())} texts in mock_portal/messages/; {len(blind)} end in words no feature contains")
    per = Counter(name for name, *_ in blind)
    for name in sorted(total):
        print(f"  {name}: {per[name]} of {total[name]}")
    if "-v" in argv:
        for name, line, text in blind:
            print(f"{name}:{line}  …{ending(text, 12)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
