"""办事咨询 /consult and 常见问题 /consult/faq: the FAQ published from mock_portal/data/faq.yaml."""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby
from pathlib import Path

import yaml
from fastapi import APIRouter, Request

from mock_portal.templating import render
from mock_portal.web import MaybeUser

# libyaml's loader when PyYAML has it (its wheels do): the FAQ loads several times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
router = APIRouter()
FAQ_FILE = Path(__file__).resolve().parent.parent / "data" / "faq.yaml"


@lru_cache(maxsize=1)
def faq_entries() -> tuple[dict, ...]:
    data = yaml.load(FAQ_FILE.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    return tuple(data.get("entries", []))


def faq_chapters() -> list[tuple[str, list[tuple[str, list[dict]]]]]:
    """[(chapter, [(section, [entry, …]), …]), …] in document order."""
    chapters = []
    for chapter, in_chapter in groupby(faq_entries(), key=lambda e: e["chapter"]):
        sections = [
            (section or "", list(items)) for section, items in groupby(in_chapter, key=lambda e: e.get("section"))
        ]
        chapters.append((chapter, sections))
    return chapters


@router.get("/consult")
def consult(request: Request, _user: MaybeUser):
    return render(request, "consult/index.html", chapters=faq_chapters())


@router.get("/consult/faq")
def faq(request: Request, _user: MaybeUser):
    return render(request, "consult/faq.html", chapters=faq_chapters())
