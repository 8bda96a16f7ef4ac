"""The module → FAQ owners map of `make mutation` (tools/mutation/owners.yaml) and its staleness check.

Kept free of Cosmic Ray so that `make test` can check the map without the mutation tool installed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
OWNERS = ROOT / "tools" / "mutation" / "owners.yaml"
CATALOG = ROOT / "docs" / "faq_catalog.yaml"
# Every module in these packages must be listed: they hold the portal's rules and texts.
MUST_LIST = ("mock_portal/services", "mock_portal/messages")


def load(path: Path = OWNERS) -> dict[str, dict]:
    """module path (relative to the repository) → {"faq": [...], "why": "..."}."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["modules"]


def faq_ids(catalog: Path = CATALOG) -> set[str]:
    return {entry["id"] for entry in yaml.safe_load(catalog.read_text(encoding="utf-8"))["entries"]}


def problems(owners: dict[str, dict], root: Path = ROOT, known_ids: set[str] | None = None) -> list[str]:
    """Every way the map has gone stale, as readable lines (empty when it is current)."""
    known_ids = faq_ids() if known_ids is None else known_ids
    found = []
    for module, entry in owners.items():
        if not (root / module).is_file():
            found.append(f"{module}: listed but the file does not exist")
        ids = entry.get("faq") or []
        if not ids and not entry.get("why"):
            found.append(f"{module}: no FAQ owner and no `why`")
        found += [f"{module}: unknown FAQ ID {fid}" for fid in ids if fid not in known_ids]
        if (root / module).is_file():
            defined = function_lines(root / module)
            found += [
                f"{module}: excluded function {name} does not exist"
                for name in entry.get("exclude") or {}
                if name not in defined
            ]
    for package in MUST_LIST:
        for path in sorted((root / package).glob("*.py")):
            rel = path.relative_to(root).as_posix()
            if rel not in owners:
                found.append(f"{rel}: not listed in tools/mutation/owners.yaml")
    return found


def owned(owners: dict[str, dict]) -> dict[str, list[str]]:
    """The modules that are mutated, with their owners."""
    return {module: entry["faq"] for module, entry in owners.items() if entry.get("faq")}


def function_lines(path: Path) -> dict[str, range]:
    """Top-level function name → its line numbers (decorators included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name: range(min([node.lineno] + [d.lineno for d in node.decorator_list]), node.end_lineno + 1)
        for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    }


def excluded_lines(module: str, entry: dict, root: Path = ROOT) -> set[int]:
    """Lines of the functions a module's entry excludes (`exclude: {name: why}`): code that serves the
    test tooling, not a user of the portal, so no FAQ scenario can or should observe it."""
    names = entry.get("exclude") or {}
    spans = function_lines(root / module) if names else {}
    return {line for name in names for line in spans.get(name, ())}


def marker_expression(ids: list[str]) -> str:
    return " or ".join(ids)


# A module whose annotations something evaluates at run time (FastAPI signatures, pydantic models,
# SQLAlchemy `Mapped[...]` columns, typing.get_type_hints) does not get the annotation rule below.
_EVALUATES_ANNOTATIONS = ("pydantic", "fastapi", "BaseModel", "Mapped[", "get_type_hints", "__annotations__")


def annotation_spans(path: Path) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The (start, end) positions (line, character column) of every annotation in a module that never
    evaluates them: it has `from __future__ import annotations` (annotations stay strings) and nothing in
    it reads them back (no FastAPI route, pydantic model, SQLAlchemy mapped class, get_type_hints). A
    mutant inside such a span cannot change what the portal does, so it is equivalent. Empty otherwise."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    future = any(
        isinstance(node, ast.ImportFrom)
        and node.module == "__future__"
        and any(alias.name == "annotations" for alias in node.names)
        for node in tree.body
    )
    if not future or any(word in source for word in _EVALUATES_ANNOTATIONS):
        return []
    lines = source.split("\n")

    def column(line: int, byte_offset: int) -> int:  # ast counts UTF-8 bytes, Cosmic Ray (parso) characters
        return len(lines[line - 1].encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))

    found = []
    for node in ast.walk(tree):
        notes = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            a = node.args
            params = [*a.posonlyargs, *a.args, *a.kwonlyargs, *(p for p in (a.vararg, a.kwarg) if p)]
            notes = [p.annotation for p in params if p.annotation is not None]
            notes += [node.returns] if node.returns is not None else []
        elif isinstance(node, ast.AnnAssign):
            notes = [node.annotation]
        found += [
            ((n.lineno, column(n.lineno, n.col_offset)), (n.end_lineno, column(n.end_lineno, n.end_col_offset)))
            for n in notes
        ]
    return found


def in_annotation(spans, start: tuple[int, int], end: tuple[int, int]) -> bool:
    """Whether a mutation at start..end lies wholly inside one of the annotation spans."""
    return any(s <= tuple(start) and tuple(end) <= e for s, e in spans)
