"""The same portal as another vendor would build it (`serve --markup plain`).

Every page keeps its visible texts, labels, field names and look, but its markup changes the way a
different code base would differ, so the suite can prove it reads what a user reads:

- ids and classes renamed (a salted hash); `<label for>`, same-page `#fragment` links, `form`/`list`/
  `headers` references and the scripts' `data-dismiss` targets follow the new ids;
- no `data-testid`, no `role`, no `aria-*`: only native HTML semantics (label for, button, th) stay;
- landmarks and sectioning elements (`nav`, `main`, `header`, `footer`, `section`, `article`, `aside`)
  become `<div>`s; headings go one level lower (h1 → h2 … h5 → h6, h6 stays);
- every form field (`input` other than hidden, `select`, `textarea`) sits in one more `<div>`
  (`display: contents`, so nothing moves; a `<span>` inside a `<p>`, `<label>` or other phrasing element).

Pages are rewritten after rendering (`apply`, called by templating.render); the static CSS and JS that
name ids, classes or the changed elements are rewritten the same way (`PlainStaticFiles`), with extra
CSS rules that give the lowered headings their former size and margins.
"""

from __future__ import annotations

import hashlib
import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

SALT = b"plain-vendor"
LANDMARKS = frozenset({"nav", "main", "header", "footer", "section", "article", "aside"})
HEADINGS = {f"h{n}": f"h{min(n + 1, 6)}" for n in range(1, 7)}
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
NOT_FIELDS = frozenset({"hidden", "submit", "button", "reset", "image"})
# Attributes whose value is one id, or several (space-separated), of the same page.
ID_REFS = frozenset({"for", "form", "list", "data-dismiss"})
ID_LIST_REFS = frozenset({"headers"})
# Start tags before which an open <p> is closed by the HTML parser (a <div> there would split the paragraph).
CLOSES_P = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    }
)
# Elements that hold only phrasing content: a field inside one is wrapped in a <span>, not a <div>.
PHRASING = frozenset(
    {
        "p",
        "label",
        "span",
        "a",
        "button",
        "strong",
        "em",
        "b",
        "i",
        "small",
        "legend",
        "summary",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    }
)
# The browsers' own heading styles, kept by class when a heading changes level (Chromium and Firefox).
HEADING_LOOK = {
    "h1": ("2em", "0.67em"),
    "h2": ("1.5em", "0.83em"),
    "h3": ("1.17em", "1em"),
    "h4": ("1em", "1.33em"),
    "h5": ("0.83em", "1.67em"),
    "h6": ("0.67em", "2.33em"),
}


def _digest(kind: str, name: str) -> str:
    return hashlib.blake2s(f"{kind}:{name}".encode(), digest_size=4, key=SALT).hexdigest()


def new_id(old: str) -> str:
    return "v" + _digest("id", old)


def new_class(old: str) -> str:
    return "w-" + _digest("class", old)


def tag_class(tag: str) -> str:
    """The class a rewritten element carries in place of its former tag name (`main`, `h1` …)."""
    return new_class("<" + tag + ">")


FIELD_WRAPPER = new_class("<field-wrapper>")


def _href(value: str) -> str:
    """Same-page and same-site fragments follow the renamed ids."""
    if "#" not in value or not value.startswith(("#", "/", "?")):
        return value
    base, fragment = value.split("#", 1)
    return f"{base}#{new_id(unquote(fragment))}" if fragment else value


def _attrs(tag: str, attrs: list[tuple[str, str | None]], extra_class: str | None) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    classes: list[str] = [extra_class] if extra_class else []
    for name, value in attrs:
        if name == "role" or name.startswith("aria-") or name == "data-testid":
            continue
        if value is not None:
            if name == "id" or name in ID_REFS:
                value = new_id(value)
            elif name in ID_LIST_REFS:
                value = " ".join(new_id(v) for v in value.split())
            elif name == "class":
                classes[:0] = [new_class(c) for c in value.split()]
                continue
            elif name in ("href", "action", "formaction") and tag in ("a", "area", "form", "button", "input"):
                value = _href(value)
        out.append((name, value))
    if classes:
        out.append(("class", " ".join(classes)))
    return out


def _start(tag: str, attrs: list[tuple[str, str | None]], close: bool = False) -> str:
    parts = [tag] + [name if value is None else f'{name}="{html.escape(value, quote=True)}"' for name, value in attrs]
    return "<" + " ".join(parts) + (" />" if close else ">")


class _Rewriter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.open: list[str] = []  # open elements, by their original tag name
        self.wrapped: str | None = None  # the wrapper to close after </select> / </textarea>

    # Elements
    def handle_starttag(self, tag, attrs, close=False):
        if tag in CLOSES_P and "p" in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index("p") :]
        wrapper = self._wrapper(tag, attrs)
        if wrapper:
            self.out.append(f'<{wrapper} class="{FIELD_WRAPPER}">')
        if tag in LANDMARKS:
            self.out.append(_start("div", _attrs(tag, attrs, tag_class(tag)), close))
        elif tag in HEADINGS:
            self.out.append(_start(HEADINGS[tag], _attrs(tag, attrs, tag_class(tag)), close))
        else:
            self.out.append(_start(tag, _attrs(tag, attrs, None), close))
        if tag not in VOID and not close:
            self.open.append(tag)
            if wrapper:
                self.wrapped = wrapper
        elif wrapper:
            self.out.append(f"</{wrapper}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, close=True)

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]
        self.out.append(f"</{'div' if tag in LANDMARKS else HEADINGS.get(tag, tag)}>")
        if tag in ("select", "textarea") and self.wrapped:
            self.out.append(f"</{self.wrapped}>")
            self.wrapped = None

    def _wrapper(self, tag, attrs) -> str | None:
        if tag in ("select", "textarea") or (
            tag == "input" and (dict(attrs).get("type") or "text").lower() not in NOT_FIELDS
        ):
            return "span" if PHRASING.intersection(self.open) else "div"
        return None

    # Everything else passes through as written
    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def rewrite_html(text: str) -> str:
    parser = _Rewriter()
    parser.feed(text)
    parser.close()
    return "".join(parser.out)


def apply(response) -> None:
    """Rewrites a rendered page response in place (body and Content-Length)."""
    body = rewrite_html(response.body.decode("utf-8")).encode("utf-8")
    response.body = body
    response.headers["content-length"] = str(len(body))


# CSS and JS
_SELECTOR_TOKEN = re.compile(
    r"""(?P<str>"[^"]*"|'[^']*')|(?P<attr>\[[^\]]*\])|(?P<pseudo>::?[-\w]+)"""
    r"""|(?P<cls>\.[-\w]+)|(?P<id>\#[-\w]+)|(?P<el>(?<![-\w])[a-zA-Z][-\w]*)"""
)


def rewrite_selector(selector: str) -> str:
    def one(m: re.Match) -> str:
        if m.group("cls"):
            return "." + new_class(m.group("cls")[1:])
        if m.group("id"):
            return "#" + new_id(m.group("id")[1:])
        el = m.group("el")
        if el and el.lower() in LANDMARKS | HEADINGS.keys():
            return "." + tag_class(el.lower())
        return m.group(0)

    return _SELECTOR_TOKEN.sub(one, selector)


def _prelude() -> str:
    rules = [f".{FIELD_WRAPPER} {{ display: contents; }}"]
    for tag, (size, margin) in HEADING_LOOK.items():
        rules.append(
            f".{tag_class(tag)} {{ display: block; font-size: {size}; font-weight: bold; "
            f"margin-block: {margin}; margin-inline: 0; }}"
        )
    return (
        "/* plain markup: lowered headings keep their former look; field wrappers take no space */\n"
        + "\n".join(rules)
        + "\n"
    )


def rewrite_css(css: str) -> str:
    """Rewrites the selectors (the text before each `{` that is not an at-rule); declarations stay."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    out, start = [], 0
    for m in re.finditer(r"[{};]", css):
        if m.group(0) == "{":
            prelude = css[start : m.start()]
            out.append(prelude if prelude.strip().startswith("@") else rewrite_selector(prelude))
            out.append("{")
            start = m.end()
        else:  # the end of a declaration, a rule body or an at-statement: kept as written
            out.append(css[start : m.end()])
            start = m.end()
    out.append(css[start:])
    return _prelude() + "".join(out)


_JS_CALL = re.compile(
    r"""\b(?P<fn>getElementById|querySelector|querySelectorAll|closest|matches)\(\s*"""
    r"""(?P<q>["'])(?P<arg>[^"']*)(?P=q)\s*\)"""
)
_JS_CLASSLIST = re.compile(r"""\bclassList\.(?P<fn>add|remove|toggle|contains)\(\s*(?P<q>["'])(?P<arg>[^"']*)(?P=q)""")


def rewrite_js(js: str) -> str:
    """Ids and selectors in the scripts' DOM look-ups follow the renamed markup."""

    def call(m: re.Match) -> str:
        arg = new_id(m.group("arg")) if m.group("fn") == "getElementById" else rewrite_selector(m.group("arg"))
        return f"{m.group('fn')}({m.group('q')}{arg}{m.group('q')})"

    def classlist(m: re.Match) -> str:
        return f"classList.{m.group('fn')}({m.group('q')}{new_class(m.group('arg'))}{m.group('q')}"

    return _JS_CLASSLIST.sub(classlist, _JS_CALL.sub(call, js))


class PlainStaticFiles(StaticFiles):
    """The portal's static files, with the CSS and JS rewritten for the plain markup (once, then cached)."""

    REWRITE = {".css": ("text/css; charset=utf-8", rewrite_css), ".js": ("text/javascript; charset=utf-8", rewrite_js)}

    def __init__(self, *, directory, **kw) -> None:
        super().__init__(directory=directory, **kw)
        self._root = Path(directory)
        self._cache: dict[str, bytes] = {}

    async def get_response(self, path: str, scope):
        suffix = Path(path).suffix
        if suffix not in self.REWRITE:
            return await super().get_response(path, scope)
        if path not in self._cache:
            full = (self._root / path).resolve()
            if self._root.resolve() not in full.parents or not full.is_file():
                return await super().get_response(path, scope)  # its own 404 / refusal
            self._cache[path] = self.REWRITE[suffix][1](full.read_text(encoding="utf-8")).encode("utf-8")
        return Response(self._cache[path], media_type=self.REWRITE[suffix][0])
