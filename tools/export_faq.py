#!/usr/bin/env python3
"""Writes mock_portal/data/faq.yaml (what the portal's 常见问题 page publishes) from docs/faq_catalog.yaml.

The portal never reads the suite's docs/: this copy is its own content. Run after editing the catalog
(`make faq-data`); `--check` exits 1 when the copy is out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "docs" / "faq_catalog.yaml"
TARGET = ROOT / "mock_portal" / "data" / "faq.yaml"
FIELDS = ("id", "chapter", "section", "question", "answer")
HEADER = "# 门户常见问题内容（由 tools/export_faq.py 从 docs/faq_catalog.yaml 生成，请勿手改）\n"


def render(source: Path = SOURCE) -> str:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    entries = [{k: e[k] for k in FIELDS if k in e} for e in data["entries"]]
    return HEADER + yaml.safe_dump({"entries": entries}, allow_unicode=True, sort_keys=False, width=1000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成门户常见问题数据 (export the portal's FAQ content)")
    parser.add_argument("--check", action="store_true", help="只检查是否最新 (check only)")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            print("mock_portal/data/faq.yaml 已过期，请运行 make faq-data (out of date)")
            return 1
        print("mock_portal/data/faq.yaml 是最新的 (up to date)")
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"已写入 {TARGET.relative_to(ROOT)}（{text.count('- id:')} 条）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
