"""`serve --markup plain`: the same pages, texts, labels and field names, in another vendor's markup."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from mock_portal import markup_plain as plain
from mock_portal.__main__ import parse
from tests.unit.conftest import make_portal

# --- the transform, piece by piece -------------------------------------------------------------


def test_ids_are_renamed_and_labels_still_point_at_their_field():
    out = plain.rewrite_html('<label for="login_name">登录名</label><input id="login_name" name="login_name">')
    new = plain.new_id("login_name")
    assert f'for="{new}"' in out and f'id="{new}"' in out and 'name="login_name"' in out
    assert '"login_name"' not in out.replace('name="login_name"', "")


def test_classes_are_renamed_consistently():
    out = plain.rewrite_html('<div class="alert big">x</div><p class="alert">y</p>')
    assert out.count(plain.new_class("alert")) == 2 and plain.new_class("big") in out
    assert 'class="alert' not in out


def test_test_ids_roles_and_aria_are_dropped_native_semantics_stay():
    out = plain.rewrite_html(
        '<div class="alert" role="alert">错误</div><strong data-testid="current-user">张三</strong>'
        '<ul aria-label="主导航"><li><a href="/" aria-current="page">首页</a></li></ul>'
        '<input id="x" aria-required="true" aria-describedby="x-hint" required>'
        '<button type="submit" aria-pressed="false">登录</button><table><tr><th>姓名</th></tr></table>'
    )
    assert not re.search(r"role=|aria-|data-testid", out)
    assert '<button type="submit">登录</button>' in out and "<th>姓名</th>" in out and " required" in out
    assert ">错误<" in out and ">张三<" in out


def test_headings_go_one_level_lower_and_keep_their_look_by_class():
    out = plain.rewrite_html('<h1>用户登录</h1><h2 id="a">b</h2><h6>c</h6>')
    assert f'<h2 class="{plain.tag_class("h1")}">用户登录</h2>' in out
    assert f'<h3 id="{plain.new_id("a")}" class="{plain.tag_class("h2")}">b</h3>' in out
    assert "<h6" in out and "<h1" not in out
    css = plain.rewrite_css("")
    assert f".{plain.tag_class('h1')} {{ display: block; font-size: 2em;" in css


@pytest.mark.parametrize("tag", sorted(plain.LANDMARKS))
def test_landmarks_and_sections_become_divs(tag):
    out = plain.rewrite_html(f'<{tag} class="mainnav" aria-label="x">内容</{tag}>')
    assert out == f'<div class="{plain.new_class("mainnav")} {plain.tag_class(tag)}">内容</div>'


def test_each_form_field_sits_in_one_more_div_hidden_inputs_and_buttons_do_not():
    w = plain.FIELD_WRAPPER
    out = plain.rewrite_html(
        '<div class="field"><input id="a" name="a"></div><select id="s" name="s"><option>1</option></select>'
        '<textarea name="t">x</textarea><input type="hidden" name="csrf_token" value="t">'
        '<input type="submit" value="go"><input type="checkbox" name="c">'
    )
    assert out.count(f'<div class="{w}">') == 4
    assert f'<div class="{w}"><select' in out and "</select></div>" in out and "</textarea></div>" in out
    assert f'<div class="{w}"><input type="hidden"' not in out and f'<div class="{w}"><input type="submit"' not in out


def test_a_field_inside_a_paragraph_or_label_is_wrapped_in_a_span_so_the_paragraph_is_not_split():
    w = plain.FIELD_WRAPPER
    out = plain.rewrite_html(
        '<p>数量 <input name="n"> 个</p><label><input type="radio" name="r"> 自然人</label><div><input name="d"></div>'
    )
    assert f'<p>数量 <span class="{w}"><input name="n"></span> 个</p>' in out
    assert f'<label><span class="{w}"><input type="radio" name="r"></span> 自然人</label>' in out
    assert f'<div><div class="{w}"><input name="d"></div></div>' in out


def test_fragment_links_follow_the_renamed_ids_other_links_stay():
    out = plain.rewrite_html(
        '<a href="#main">跳到</a><a href="/consult/faq#chapter-1">1</a>'
        '<a href="/services?q=a">s</a><a href="https://example.org/#x">e</a>'
        '<button data-dismiss="browser-hint">关闭</button>'
    )
    assert f'href="#{plain.new_id("main")}"' in out and f'href="/consult/faq#{plain.new_id("chapter-1")}"' in out
    assert 'href="/services?q=a"' in out and 'href="https://example.org/#x"' in out
    assert f'data-dismiss="{plain.new_id("browser-hint")}"' in out


def test_texts_entities_comments_and_attribute_values_are_kept_as_written():
    src = (
        '<!DOCTYPE html><!-- c --><p title="a &amp; &quot;b&quot;">A &gt; B &#20013; &amp;</p>'
        '<script src="/s.js"></script>'
    )
    out = plain.rewrite_html(src)
    assert out.startswith("<!DOCTYPE html><!-- c -->")
    assert "A &gt; B &#20013; &amp;" in out and 'title="a &amp; &quot;b&quot;"' in out


def test_css_selectors_are_rewritten_declarations_and_at_rules_are_not():
    css = plain.rewrite_css(
        "main { max-width: 1100px; color: #0b4a8b; }\n.alert, nav .x:focus { color: red; }\n"
        "@media (max-width: 600px) { .mainnav ul { display: block; } }\nbody.care { font-size: 22px; }"
    )
    assert f".{plain.tag_class('main')} {{ max-width: 1100px; color: #0b4a8b; }}" in css
    assert f".{plain.new_class('alert')}, .{plain.tag_class('nav')} .{plain.new_class('x')}:focus" in css
    assert f"@media (max-width: 600px) {{ .{plain.new_class('mainnav')} ul {{ display: block; }} }}" in css
    assert f"body.{plain.new_class('care')} {{ font-size: 22px; }}" in css
    assert f".{plain.FIELD_WRAPPER} {{ display: contents; }}" in css


def test_script_lookups_follow_the_renamed_ids_and_classes():
    js = plain.rewrite_js(
        'document.getElementById("captcha-image"); document.querySelectorAll("[data-dismiss]");'
        "el.closest('.field'); el.classList.add('open')"
    )
    assert f'getElementById("{plain.new_id("captcha-image")}")' in js
    assert 'querySelectorAll("[data-dismiss]")' in js
    assert f"closest('.{plain.new_class('field')}')" in js and f"classList.add('{plain.new_class('open')}')" in js


def test_the_command_line_switch_reaches_the_settings():
    assert parse(["serve", "--markup", "plain"]).markup == "plain"
    assert parse(["serve"]).markup == "standard"


# --- the whole portal, both renderings side by side ----------------------------------------------


class Page(HTMLParser):
    """What a user (and the suite) can read from a page: texts, fields, labels, headings, links."""

    SKIP = {"script", "style", "title", "head"}

    def __init__(self, text: str) -> None:
        super().__init__()
        self.texts, self.fields, self.links, self.headings = [], [], [], []
        self.label_for, self.ids, self.attrs = {}, {}, []
        self._stack, self._label, self._heading = [], None, None
        self.feed(text)
        self.labels = {text: self.ids.get(target) for text, target in self.label_for.items()}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.attrs += [name for name, _ in attrs]
        if tag not in ("input", "img", "meta", "link", "br", "hr"):
            self._stack.append(tag)
        if "id" in a:
            self.ids[a["id"]] = (tag, a.get("name"))
        if tag in ("input", "select", "textarea", "button"):
            self.fields.append((tag, a.get("name"), a.get("type"), a.get("value") if tag == "button" else None))
        if tag == "label":
            self._label = [a.get("for"), ""]
        if tag == "a":
            self.links.append(re.sub(r"#.*", "#", a.get("href", "")))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [int(tag[1]), ""]

    def handle_endtag(self, tag):
        if tag in self._stack:
            del self._stack[len(self._stack) - 1 - self._stack[::-1].index(tag) :]
        if tag == "label" and self._label:
            if self._label[0]:
                self.label_for[self._label[1].strip()] = self._label[0]
            self._label = None
        if re.fullmatch(r"h[1-6]", tag) and self._heading:
            self.headings.append((self._heading[0], self._heading[1].strip()))
            self._heading = None

    def handle_data(self, data):
        if self.SKIP.intersection(self._stack):
            return
        if data.strip():
            self.texts.append(" ".join(data.split()))
        if self._label:
            self._label[1] += data
        if self._heading:
            self._heading[1] += data


@pytest.fixture
def portal(tmp_path):
    p = make_portal(tmp_path)
    p.seed_legal(login_name="fr_plain")
    return p


def both(portal, fetch):
    """The same request answered in the standard markup, then in the plain one (one portal, one session)."""
    pages = []
    for markup in ("standard", "plain"):
        portal.app.state.settings.markup = markup
        response = fetch()
        pages.append((response.status_code, Page(response.text), response.text))
    portal.app.state.settings.markup = "standard"
    return pages


PUBLIC = [
    "/",
    "/login",
    "/login?reason=logout",
    "/register",
    "/recovery",
    "/recovery/reset",
    "/consult",
    "/consult/faq",
    "/services",
    "/browser-support",
    "/no-such-page",
]
SIGNED_IN = ["/online", "/online/info", "/online/authorization", "/services"]


def assert_same_for_a_user(standard, plain_page):
    (s_status, s, _), (p_status, p, raw) = standard, plain_page
    assert p_status == s_status
    assert p.texts == s.texts
    assert p.fields == s.fields
    assert p.links == s.links
    assert [(level + 1 if level < 6 else 6, text) for level, text in s.headings] == p.headings
    # Every label still names the same field (by its name), through the renamed id.
    assert {text: (field and field[1]) for text, field in p.labels.items()} == {
        text: (field and field[1]) for text, field in s.labels.items()
    }
    assert all(field is not None for field in p.labels.values())
    assert not [a for a in p.attrs if a == "role" or a.startswith("aria-") or a == "data-testid"]
    assert not re.search(r"<(h1|nav|main|header|footer|section|article|aside)\b", raw)
    assert not set(s.ids) & set(p.ids)  # no id kept its name


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_read_the_same_in_both_markups(portal, path):
    standard, plain_page = both(portal, lambda: portal.client.get(path))
    assert_same_for_a_user(standard, plain_page)


@pytest.mark.parametrize("path", SIGNED_IN)
def test_signed_in_pages_read_the_same_in_both_markups(portal, path):
    portal.sign_in("fr_plain")
    standard, plain_page = both(portal, lambda: portal.client.get(path))
    assert_same_for_a_user(standard, plain_page)
    assert "当前用户:" in plain_page[1].texts


def test_a_refused_login_shows_its_message_as_plain_styled_text(portal):
    def wrong_password():
        return portal.login("fr_plain", "Wrong#Passw0rd", login_type="legal")

    standard, plain_page = both(portal, wrong_password)
    assert_same_for_a_user(standard, plain_page)
    assert "登录名或密码错误" in plain_page[1].texts
    assert f'<div class="{plain.new_class("alert")}">登录名或密码错误</div>' in plain_page[2]


def test_plain_portal_serves_rewritten_css_and_scripts_that_match_its_pages(tmp_path):
    p = make_portal(tmp_path, markup="plain")
    css = p.client.get("/static/portal.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert ".alert" not in css.text and f".{plain.new_class('alert')}" in css.text
    assert not re.search(r"(^|[\s,}])main\s*\{", css.text)
    js = p.client.get("/static/portal.js").text
    page = p.client.get("/login").text
    for target in re.findall(r'getElementById\("([^"]+)"\)', js):
        assert f'id="{target}"' in page
    assert p.client.get("/static/favicon.svg").status_code == 200
    assert p.client.get("/static/no-such.css").status_code == 404
    assert p.client.get("/static/../app.py").status_code == 404


def test_standard_portal_is_untouched(tmp_path):
    p = make_portal(tmp_path)
    assert 'data-testid="current-user"' not in p.client.get("/login").text  # logged out: no user bar
    assert "<h1>用户登录</h1>" in p.client.get("/login").text
    assert ".alert {" in p.client.get("/static/portal.css").text


def test_every_page_a_signed_in_legal_person_reaches_reads_the_same_in_both_markups(portal):
    """A crawl from the portal's start pages (tests/unit/form_catalog.py), each page in both markups."""
    from collections import deque

    from tests.unit.form_catalog import SKIP, START_PAGES

    portal.sign_in("fr_plain")
    seen, queue = set(), deque(START_PAGES)
    while queue and len(seen) < 60:
        url = queue.popleft().split("#")[0]
        if url in seen or not url.startswith("/") or url.startswith("//") or SKIP.search(url):
            continue
        seen.add(url)
        standard, plain_page = both(portal, lambda url=url: portal.client.get(url))
        try:
            assert_same_for_a_user(standard, plain_page)
        except AssertionError as exc:
            raise AssertionError(f"{url}: {exc}") from exc
        queue.extend(standard[1].links)
    assert len(seen) >= 40  # 48 pages when written


def test_scripts_of_the_unit_information_page_find_their_fields(portal):
    portal.app.state.settings.markup = "plain"
    portal.sign_in("fr_plain")
    page = portal.client.get("/online/info").text
    js = plain.rewrite_js((plain.Path(plain.__file__).parent / "static" / "myinfo.js").read_text(encoding="utf-8"))
    targets = re.findall(r'getElementById\("([^"]+)"\)', js)
    assert targets and all(f'id="{target}"' in page for target in targets)
