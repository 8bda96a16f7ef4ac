"""Unit tests of tools/faqtext.py and of the committed docs/faq_catalog.yaml."""

import re
from pathlib import Path

from tools import faqtext

ROOT = Path(__file__).resolve().parents[2]

# The canonical FAQ IDs ship in the repository (docs/faq/catalog.md): a clone stands alone.
CATALOG_MD = ROOT / "docs" / "faq" / "catalog.md"


def test_normalize_is_nfkc_without_whitespace():
    assert faqtext.normalize("登录 名\n（１）\u3000x") == "登录名(1)x"


def test_fingerprint_ignores_layout():
    assert faqtext.fingerprint("问 题", "答\n案") == faqtext.fingerprint("问题", "答案")
    assert len(faqtext.fingerprint("问题", "答案")) == 16


def test_catalog_has_fifty_entries_with_valid_fingerprints():
    data = faqtext.load_catalog()
    assert data["faq_source_url"] == "https://fuwu.most.gov.cn"
    assert len(data["entries"]) == 50
    assert faqtext.stale_fingerprints() == []
    for entry in data["entries"]:
        assert entry["severity"] in {"blocker", "critical", "normal", "minor"}
        assert entry["question"] and entry["answer"] and entry["summary"]


def test_catalog_ids_follow_catalog_md_order():
    assert CATALOG_MD.is_file(), f"the FAQ catalog is missing: {CATALOG_MD}"
    expected = re.findall(r"^- \*\*(FAQ-[\d.]+) ", CATALOG_MD.read_text(encoding="utf-8"), re.M)
    assert faqtext.catalog_ids() == expected
