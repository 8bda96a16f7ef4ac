"""Visits every page reachable by links from a start page (same site, GET only) and runs axe on each.

Pages that differ only by a number in the path (/projects/3, /projects/4) count once, and axe runs once
per template (X-Portal-Template on the embedded portal; per page elsewhere). The result lists each page
with its template, its footer text (government-site furniture) and its axe findings.

Every page is fetched with the browser context's own HTTP client (same cookies, so the same session),
which is enough to read its template, footer and links; the browser itself opens only the pages whose
template axe has not checked yet. A crawl of sixty pages so costs a handful of page loads."""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from support import a11y

class _PageParts(HTMLParser):
    """The links (except `download` ones, which start a download) and the footer text of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.footer: list[str] = []
        self._footer_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href") and "download" not in attrs:
            self.links.append(attrs["href"])
        if tag == "footer" or self._footer_depth:
            self._footer_depth += tag not in ("br", "img", "input", "meta", "link", "hr")

    def handle_endtag(self, tag):
        if self._footer_depth and tag not in ("br", "img", "input", "meta", "link", "hr"):
            self._footer_depth -= 1

    def handle_data(self, data):
        if self._footer_depth:
            self.footer.append(data)


SKIP = re.compile(r"^/(?:__test__|static/|logout|captcha)|\.(?:svg|png|jpg|pdf|zip|xlsx?|docx?)$|download|export|/uploads/")


@dataclass
class Visited:
    path: str
    status: int
    template: str
    result: a11y.AxeResult
    footer: str


def _shape(path: str) -> str:
    return re.sub(r"/\d+(?=/|$|\?)", "/N", re.sub(r"=\d+", "=N", path))


def _section(path: str) -> str:
    """/services/hgr/guide/办理材料 → /services/hgr: pages under one section mostly share a template."""
    return "/".join(path.split("?")[0].split("/")[:3])


def crawl(page, start: str = "/", limit: int = 60, label: str = "无障碍巡检",
          per_section: int = 3) -> list[Visited]:
    """Breadth-first; at most `per_section` pages of one section, so a list of 70 guide links costs
    three visits, not seventy, while every section (and so nearly every template) is reached."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url if page.url.startswith("http")
                                                        else page.context.pages[0].url))
    queue, shapes, visited, checked = deque([start]), set(), [], {}
    sections: dict[str, int] = {}
    while queue and len(visited) < limit:
        path = queue.popleft()
        if _shape(path) in shapes or sections.get(_section(path), 0) >= per_section:
            continue
        shapes.add(_shape(path))
        sections[_section(path)] = sections.get(_section(path), 0) + 1
        response = page.context.request.get(origin + path)
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        template = response.headers.get("x-portal-template") or path
        if template not in checked:
            page.goto(path)
            checked[template] = a11y.check(page, label=label)
        parts = _PageParts()
        parts.feed(response.text())
        footer_text = re.sub(r"\s+", " ", "".join(parts.footer)).strip()
        visited.append(Visited(path, response.status, template, checked[template], footer_text))
        for href in parts.links:
            url = urldefrag(urljoin(response.url, href))[0]
            if not url.startswith(origin):
                continue
            split = urlsplit(url)
            target = split.path + (f"?{split.query}" if split.query else "")
            if not SKIP.search(split.path) and _shape(target) not in shapes:
                queue.append(target)
    return visited


def summary(visited: list[Visited], all_templates: list[str] | None = None) -> str:
    lines = [f"{v.status} {v.path}  模板 {v.template}  "
             f"{'严重问题 %d 项' % len(v.result.failing) if v.result.failing else '通过'}" for v in visited]
    if all_templates is not None:
        seen = {v.template for v in visited}
        missing = [t for t in all_templates if t not in seen]
        lines += ["", f"本次巡检到达的页面模板：{len(seen & set(all_templates))}/{len(all_templates)}",
                  "未经链接到达的模板（由其他 @a11y 场景或 --a11y 运行覆盖）：" + ("、".join(missing) or "无")]
    return "\n".join(lines)
