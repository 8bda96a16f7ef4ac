"""Visits every page reachable by links from a start page (same site) and runs axe on each template.

Pages that differ only by a number in the path (/projects/3, /projects/4) count once, and axe runs once
per template (X-Portal-Template on the embedded portal; per page shape elsewhere). The result lists each
page with its template, its footer text (government-site furniture) and its axe findings.

Every page is fetched with the browser context's own HTTP client (same cookies, so the same session),
which is enough to read its template, footer and links; the browser itself opens only the pages whose
template no scenario has checked yet in this run (`once`, support/run/run_once.py: shared by the xdist
workers, so a crawl and a scenario, or two crawls, never check one template twice). A crawl of a
hundred pages so costs a handful of page loads.

Links are followed with GET, as a browser without scripts would. A link the portal's script sends as a
POST with the page's CSRF token (`data-post`: 办理入口, which records the entry) is also followed the way a
user's click sends it: the HTTP client posts it, and when its page needs checking the browser clicks it."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from support.a11y import a11y_coverage, axe
from support.a11y.a11y_coverage import HEADER
from support.a11y.a11y_coverage import shape as _shape
from support.run.run_once import OncePerRun

_VOID = ("br", "img", "input", "meta", "link", "hr")


class _PageParts(HTMLParser):
    """The links (except `download` ones, which start a download), the links a script posts
    (`data-post`: href, CSRF token) and the footer text of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.post_links: list[tuple[str, str]] = []
        self.footer: list[str] = []
        self._footer_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href") and "download" not in attrs:
            self.links.append(attrs["href"])
            if attrs.get("data-post"):
                self.post_links.append((attrs["href"], attrs["data-post"]))
        if tag == "footer" or self._footer_depth:
            self._footer_depth += tag not in _VOID

    def handle_endtag(self, tag):
        if self._footer_depth and tag not in _VOID:
            self._footer_depth -= 1

    def handle_data(self, data):
        if self._footer_depth:
            self.footer.append(data)


SKIP = re.compile(
    r"^/(?:__test__|static/|logout|captcha)|\.(?:svg|png|jpg|pdf|zip|xlsx?|docx?)$|download|export|/uploads/"
)


@dataclass
class Visited:
    path: str
    status: int
    template: str
    result: axe.AxeResult | None  # None: another scenario of this run checked this template
    footer: str
    via: str = "GET"
    key: str = ""  # what the run's record of checked templates calls it (a11y_coverage.work_key)


@dataclass(frozen=True)
class _Link:
    path: str
    post_token: str | None = None  # a link the page's script sends as a POST with this CSRF token
    source: str | None = None  # the page that holds it (the browser clicks it there)
    href: str | None = None

    @property
    def method(self) -> str:
        return "POST" if self.post_token else "GET"


def _section(path: str) -> str:
    """/services/hgr/guide/办理材料 → /services/hgr: pages under one section mostly share a template."""
    return "/".join(path.split("?")[0].split("/")[:3])


def crawl(
    page,
    start: str = "/",
    limit: int = 120,
    label: str = "无障碍巡检",
    per_section: int = 3,
    once: OncePerRun | None = None,
) -> list[Visited]:
    """Breadth-first; at most `per_section` pages (GET) of one section, so a list of 70 guide links costs
    three visits, not seventy, while every section (and so nearly every template) is reached.
    Then the browser opens one page of each template not yet checked in this run and runs axe."""
    origin = "{0.scheme}://{0.netloc}".format(
        urlsplit(page.url if page.url.startswith("http") else page.context.pages[0].url)
    )
    once = once or OncePerRun(None)
    queue, seen, visited = deque([_Link(start)]), set(), []
    sections: dict[str, int] = {}
    first_of: dict[str, _Link] = {}  # work key → the first link that reached it
    while queue and len(visited) < limit:
        link = queue.popleft()
        if (link.method, _shape(link.path)) in seen:
            continue
        if link.method == "GET":
            if sections.get(_section(link.path), 0) >= per_section:
                continue
            sections[_section(link.path)] = sections.get(_section(link.path), 0) + 1
        seen.add((link.method, _shape(link.path)))
        if link.post_token:
            response = page.context.request.post(origin + link.path, form={"csrf_token": link.post_token})
        else:
            response = page.context.request.get(origin + link.path)
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        template = response.headers.get(HEADER) or link.path
        key = a11y_coverage.work_key(response.headers.get(HEADER), origin + link.path)
        first_of.setdefault(key, link)
        parts = _PageParts()
        parts.feed(response.text())
        footer_text = re.sub(r"\s+", " ", "".join(parts.footer)).strip()
        visited.append(Visited(link.path, response.status, template, None, footer_text, link.method, key))
        for href, token in [(h, None) for h in parts.links] + parts.post_links:
            url = urldefrag(urljoin(response.url, href))[0]
            if not url.startswith(origin):
                continue
            split = urlsplit(url)
            target = split.path + (f"?{split.query}" if split.query else "")
            method = "POST" if token else "GET"
            if not SKIP.search(split.path) and (method, _shape(target)) not in seen:
                queue.append(_Link(target, token, response.url[len(origin) :] or "/", href) if token else _Link(target))
    results = _check_templates(page, first_of, once, label)
    for v in visited:
        v.result = results.get(v.key)
    return visited


def _check_templates(page, first_of: dict[str, _Link], once: OncePerRun, label: str) -> dict:
    """axe on one page of each template this run has not checked yet. A template another worker is
    checking right now is left for the end, when that check has most likely finished (then skipped)."""
    browser, results, later = a11y_coverage.browser_of(page), {}, []
    for wait in (False, True):
        for key, link in first_of.items() if not wait else later:
            with once.claim(browser, key, wait=wait) as first:
                if first is None:
                    later.append((key, link))
                elif first:
                    _open(page, link)
                    results[key] = axe.check(page, label=label)
    return results


def _open(page, link: _Link) -> None:
    if not link.post_token:
        page.goto(link.path)
        return
    page.goto(link.source)  # the user's way: click the link, which the portal's script posts
    href = link.href.replace("\\", "\\\\").replace('"', '\\"')
    with page.expect_navigation():
        page.locator(f'a[data-post][href="{href}"]').first.click()


def summary(visited: list[Visited], all_templates: list[str] | None = None) -> str:
    lines = [
        f"{v.status} {'POST ' if v.via == 'POST' else ''}{v.path}  模板 {v.template}  {_verdict(v)}" for v in visited
    ]
    if all_templates is not None:
        seen = {v.template for v in visited}
        missing = [t for t in all_templates if t not in seen]
        lines += [
            "",
            f"本次巡检到达的页面模板：{len(seen & set(all_templates))}/{len(all_templates)}",
            "未经链接到达的模板（由其他 @a11y 场景或 --a11y 运行覆盖）：" + ("、".join(missing) or "无"),
        ]
    return "\n".join(lines)


def _verdict(v: Visited) -> str:
    if v.result is None:
        return "本次运行中已由其他场景检查"
    return f"严重问题 {len(v.result.failing)} 项" if v.result.failing else "通过"
