"""A pytest plugin for tests/unit/test_markup_variants.py: records, for each scenario set up, which
rendering of the embedded portal its `target` serves (the plain one has no <main> landmark)."""

import json
import os

import httpx
import pytest


@pytest.fixture(autouse=True)
def _record_rendering(request, portal_markup):
    if "browser_name" not in request.fixturenames:
        return
    target = request.getfixturevalue("target")
    page = httpx.get(target.base_url + "/", timeout=10).text
    with open(os.environ["MARKUP_PROBE_OUT"], "a", encoding="utf-8") as out:
        out.write(json.dumps({"markup": portal_markup, "main": "<main" in page, "url": target.base_url}) + "\n")
