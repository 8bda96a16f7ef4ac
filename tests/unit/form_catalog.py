"""Every POST form of the portal, found without a hand-kept list: the app's POST routes (outside
/__test__) with the Form/File fields of their dependants, completed by the fields and concrete
actions of the forms a crawl of the pages finds (routes that read ``request.form()`` directly)."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser

from fastapi.params import File
from fastapi.routing import APIRoute

from mock_portal.systems import SYSTEMS

START_PAGES = (
    "/",
    "/services",
    "/online",
    "/online/info",
    "/online/authorization",
    "/register",
    "/recovery",
    "/recovery/reset",
    "/admin",
    "/consult",
    "/care",
    "/systems/hgr",
    "/password/change",
)
SKIP = re.compile(r"^/(__test__|static)|/(download|uploads)/|/logout|\.(svg|png|pdf|docx|css|js)$")
STR_GUESSES = {"kind": ["natural", "legal"], "key": list(SYSTEMS), "subject": ["natural", "legal", "unit"]}


@dataclass
class PostForm:
    path: str  # route path with {params}
    route: APIRoute
    fields: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)  # concrete URLs seen in pages

    def urls(self) -> list[str]:
        if self.actions:
            return sorted(self.actions)
        url = self.path
        for param in _walk(self.route.dependant, "path_params"):
            guess = "1" if param.field_info.annotation is int else STR_GUESSES.get(param.name, ["1"])[0]
            url = url.replace("{" + param.name + "}", guess)
        return [url]


def _walk(dependant, attr: str) -> list:
    found = list(getattr(dependant, attr))
    for sub in dependant.dependencies:
        found += _walk(sub, attr)
    return found


def _routes(routes, prefix: str = ""):
    for route in routes:
        if isinstance(route, APIRoute):
            yield prefix + route.path, route
        elif hasattr(route, "original_router"):  # FastAPI's lazily included router
            yield from _routes(route.original_router.routes, prefix + route.include_context.prefix)


def post_routes(app) -> dict[str, PostForm]:
    forms = {}
    for path, route in _routes(app.routes):
        if "POST" not in route.methods or path.startswith("/__test__"):
            continue
        form = PostForm(path, route)
        for param in _walk(route.dependant, "body_params"):
            (form.files if isinstance(param.field_info, File) else form.fields).add(param.alias)
        forms[path] = form
    return forms


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[tuple[str, set[str], set[str]]] = []
        self._form: tuple[str, set[str], set[str]] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form" and (a.get("method") or "").lower() == "post":
            self._form = (a.get("action") or "", set(), set())
            self.forms.append(self._form)
        elif tag in ("input", "select", "textarea", "button") and self._form and a.get("name"):
            (self._form[2] if a.get("type") == "file" else self._form[1]).add(a["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def crawl(client, forms: dict[str, PostForm], limit: int = 80) -> None:
    """Visit same-site pages from START_PAGES; add the fields and actions of each POST form."""
    seen, queue = set(), deque(START_PAGES)
    while queue and len(seen) < limit:
        url = queue.popleft().split("#")[0]
        if url in seen or not url.startswith("/") or url.startswith("//") or SKIP.search(url):
            continue
        seen.add(url)
        response = client.get(url)
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        page = _Page()
        page.feed(response.text)
        queue.extend(page.links)
        for action, names, files in page.forms:
            action = (action or url).split("?")[0]
            for form in forms.values():
                if form.route.path_regex.match(action):
                    form.actions.add(action)
                    form.fields |= names - {"csrf_token"}
                    form.files |= files
