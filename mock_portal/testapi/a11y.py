"""GET /__test__/templates: every page template, so the accessibility crawl can report which it reached."""

from __future__ import annotations

from pathlib import Path

from mock_portal.testapi import guarded_router

router = guarded_router()
TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
NOT_PAGES = {"base.html", "macros.html"}


@router.get("/templates")
def page_templates():
    names = sorted(str(p.relative_to(TEMPLATE_DIR)) for p in TEMPLATE_DIR.rglob("*.html"))
    return [
        n for n in names if n not in NOT_PAGES and not Path(n).name.startswith("_") and not n.startswith("partials/")
    ]
