"""The mock portal's modules depend one way: db.py imports the models, the models never import db.py."""

from __future__ import annotations

import ast
from pathlib import Path

MODELS = Path(__file__).resolve().parents[2] / "mock_portal" / "models"


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_model_imports_the_database_module():
    offenders = [p.name for p in sorted(MODELS.glob("*.py")) if "mock_portal.db" in imported_modules(p)]
    assert offenders == []
