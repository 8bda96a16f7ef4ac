"""Shared text helpers for the FAQ traceability tools.

The fingerprint of an FAQ entry lets the suite notice when the portal's FAQ
text changes: it is the first 16 hex digits of sha256 over the normalized
``question + "\\n" + answer``, where normalizing means Unicode NFKC followed by
removing every whitespace character (so line breaks and full-width spaces
from the source document do not matter).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CATALOG = REPO_ROOT / "docs" / "faq_catalog.yaml"

_WHITESPACE = re.compile(r"\s+")
FAQ_TAG = re.compile(r"^FAQ-\d+(?:\.\d+)*$")


def normalize(text: str) -> str:
    """NFKC, then drop all whitespace."""
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))


def fingerprint(question: str, answer: str) -> str:
    """First 16 hex chars of sha256(normalize(question + "\\n" + answer))."""
    digest = hashlib.sha256(normalize(question + "\n" + answer).encode("utf-8"))
    return digest.hexdigest()[:16]


def load_catalog(path: Path | str = DEFAULT_CATALOG) -> dict:
    """Load docs/faq_catalog.yaml as a dict (``entries`` is a list)."""
    import yaml

    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    data.setdefault("entries", [])
    return data


def catalog_ids(path: Path | str = DEFAULT_CATALOG) -> list[str]:
    """The FAQ IDs of the catalog, in catalog order."""
    return [entry["id"] for entry in load_catalog(path)["entries"]]


def stale_fingerprints(path: Path | str = DEFAULT_CATALOG) -> list[str]:
    """IDs whose stored fingerprint no longer matches their question/answer."""
    return [
        entry["id"]
        for entry in load_catalog(path)["entries"]
        if entry.get("fingerprint") != fingerprint(entry["question"], entry["answer"])
    ]


def strip_tag_prefix(tag: str) -> str:
    """'@FAQ-1.1.2' -> 'FAQ-1.1.2' (pytest-bdd and Allure drop the '@')."""
    return tag[1:] if tag.startswith("@") else tag


if __name__ == "__main__":  # python tools/faqtext.py: verify the fingerprints
    import sys

    stale = stale_fingerprints()
    if stale:
        print("指纹与问答文本不一致 (fingerprint mismatch): " + ", ".join(stale))
        sys.exit(1)
    print("所有指纹一致 (all fingerprints match)")
