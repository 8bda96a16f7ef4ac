"""Hostile input in every POST form of the portal (found automatically, so forms added later are
covered too): SQL metacharacters, <script>, 10 000-character strings, NUL bytes, the RTL override,
emoji … posted with a valid CSRF token as an anonymous visitor, a natural person, a legal person
and a reviewer. The portal may refuse with a message; it must never answer 5xx."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.conftest import TOKEN, Portal, make_portal
from tests.unit.form_catalog import PostForm, crawl, post_routes

# How many generated examples per form (issue 24): a bounded profile by default (every push, make test),
# a deep one nightly: HYPOTHESIS_PROFILE=nightly. The hostile values in NASTY run in both.
settings.register_profile("ci", max_examples=6, derandomize=True)
settings.register_profile("nightly", max_examples=150, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
NASTY = [
    "' OR '1'='1",
    "'; DROP TABLE accounts; --",
    '" OR ""="',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "x" * 10_000,
    "\x00",
    "a\x00b",
    "\u202egnp.exe",
    "😀👨‍👩‍👧‍👦",
    "",
    " ",
    "-1",
    "0",
    "99999999999999999999",
    "1e309",
    "2026-02-30",
    "１２３",
    "../../etc/passwd",
    "{{7*7}}",
    "%s%s%n",
    "\r\nSet-Cookie: x=1",
    "null",
    "[]",
]
ACTORS = ("anonymous", "natural", "legal", "reviewer")
FILES = [
    b"",
    b"\x89PNG\r\n\x1a\n" + b"0" * 64,
    b"%PDF-1.4\n<script>",
    b"<svg onload=alert(1)>",
    b"PK\x03\x04" + b"0" * 64,
]

value = st.one_of(st.sampled_from(NASTY), st.text(max_size=40), st.integers().map(str))


@dataclass
class Fuzz:
    portal: Portal
    forms: dict[str, PostForm]


@lru_cache(maxsize=1)
def route_paths() -> list[str]:
    """The portal's POST routes, read from a freshly built app (no database work, no crawl): enough to
    name the tests at collection; the portal is seeded and crawled once, by the first test that runs."""
    with tempfile.TemporaryDirectory(prefix="fuzz-routes-") as folder:
        return sorted(post_routes(make_portal(Path(folder)).app))


@pytest.fixture(scope="module")
def fuzz(tmp_path_factory) -> Fuzz:
    portal = make_portal(tmp_path_factory.mktemp("fuzz"))
    portal.seed_natural("fuzz_zr", phone="13800138033")
    portal.seed_legal("fuzz_fr", phone="13800138044")
    portal.api("POST", "/reviewers", json={"username": "fuzz_rv", "password": "Rv123456#x"})
    forms = post_routes(portal.app)
    for actor in ACTORS:
        act_as(portal, actor)
        crawl(portal.client, forms)
    return Fuzz(portal, forms)


def act_as(portal: Portal, actor: str) -> str:
    """A fresh session for `actor`; returns its CSRF token."""
    portal.client.cookies.clear()
    if actor != "anonymous":
        who = (
            {"reviewer": "fuzz_rv"}
            if actor == "reviewer"
            else {"login_name": "fuzz_zr" if actor == "natural" else "fuzz_fr"}
        )
        sid = portal.api("POST", "/sessions", json=who)["session_id"]
        portal.client.cookies.set("MOSTSESSION", sid)
    page = portal.client.get("/login")
    return CSRF.search(page.text).group(1)


def post(fuzz: Fuzz, actor: str, url: str, path: str, values: dict[str, str], content: bytes | None = None):
    form = fuzz.forms[path]
    token = act_as(fuzz.portal, actor)
    data = {"csrf_token": token, **values}
    files = {name: ("文件.png", content if content is not None else b"", "image/png") for name in form.files}
    response = fuzz.portal.client.post(url, data=data, files=files or None, follow_redirects=False)
    shown = {k: (v[:40] + "…") if len(v) > 40 else v for k, v in values.items()}
    assert response.status_code < 500, f"{actor} POST {url} {shown!r} -> {response.status_code}"
    return response


def test_every_form_is_found(fuzz):
    assert {"/login", "/logout", "/password/change"} <= set(fuzz.forms)
    assert all(form.route.path == path for path, form in fuzz.forms.items())
    assert sorted(fuzz.forms) == route_paths()  # the tests below are named after these routes
    assert {"login_name", "password"} <= fuzz.forms["/login"].fields
    # The portal's control plane is guarded in these runs too: no token 401, a wrong one 403.
    client = fuzz.portal.client
    assert client.post("/__test__/reset").status_code == 401
    assert client.post("/__test__/reset", headers={"X-Test-Token": TOKEN + "-wrong"}).status_code == 403


@pytest.mark.parametrize("path", route_paths())
def test_each_nasty_value_in_every_field(fuzz, path):
    fields = fuzz.forms[path].fields or {"note"}
    for url in fuzz.forms[path].urls():
        for index, nasty in enumerate(NASTY):
            actor = ACTORS[index % len(ACTORS)]
            post(fuzz, actor, url, path, {name: nasty for name in fields}, FILES[index % len(FILES)])


@pytest.mark.parametrize("path", route_paths())
def test_generated_values(fuzz, path):
    """The profile's number of examples for each concrete URL of the route (a crawl may find several)."""
    form = fuzz.forms[path]
    for url in form.urls():
        _fuzz_one_url(fuzz, form, url, path)


def _fuzz_one_url(fuzz, form, url, path):
    """Hypothesis draws actor, field values, extra fields and a file for one concrete URL."""

    @settings(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def fuzz_url(data):
        actor = data.draw(st.sampled_from(ACTORS), label="actor")
        values = {name: data.draw(value, label=name) for name in sorted(form.fields)}
        extra = data.draw(
            st.dictionaries(st.sampled_from(["role", "unit_id", "account_id", "kind", "is_admin"]), value, max_size=2),
            label="mass-assignment",
        )
        content = data.draw(st.sampled_from(FILES), label="file") if form.files else None
        post(fuzz, actor, url, path, {**extra, **values}, content)

    fuzz_url()
