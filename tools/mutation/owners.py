"""The module → FAQ owners map of `make mutation` (tools/mutation/owners.yaml) and its staleness check.

Kept free of Cosmic Ray so that `make test` can check the map without the mutation tool installed.
"""
from __future__ import annotations

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
    for package in MUST_LIST:
        for path in sorted((root / package).glob("*.py")):
            rel = path.relative_to(root).as_posix()
            if rel not in owners:
                found.append(f"{rel}: not listed in tools/mutation/owners.yaml")
    return found


def owned(owners: dict[str, dict]) -> dict[str, list[str]]:
    """The modules that are mutated, with their owners."""
    return {module: entry["faq"] for module, entry in owners.items() if entry.get("faq")}


def marker_expression(ids: list[str]) -> str:
    return " or ".join(ids)
