"""The page frame every portal page shares: header, main navigation, user bar, footer; and the
messages, headings and identity a user reads on any page, found by what is shown, not by markup."""

import re

from playwright.sync_api import Locator, Page, Playwright

from pages import tables
from support.browsers import native_dialogs
from support.target.routes import path, url_glob

LABEL_GAP = r"\s*[:：]?\s*"  # "当前用户: 张三", "当前用户：张三" or label and value in two cells


def identity_text(label: str, value: str) -> re.Pattern:
    """The label and the value shown right after it ("当前用户: 张三", "当前用户：张三")."""
    return re.compile(rf"{re.escape(label)}{LABEL_GAP}{re.escape(value)}")


def label_and_value(label: str, value: str) -> re.Pattern:
    """A whole text that is the label and its value and nothing else ("实名认证状态：审核中"): for
    to_have_text on the line that shows them, so a failure prints the line the page shows."""
    return re.compile(rf"^\s*{identity_text(label, value).pattern}\s*$")


def labelled_value(page: Page, label: str, value: str) -> Locator:
    """A value a page shows next to its label, however the portal marks it up: in one text
    ("当前用户：张三", nothing after the value) or with the value in an element of its own
    ("当前用户: <strong>张三</strong>", a term and its definition). The value is whole: 张三 is not
    found in 张三丰."""
    shown = identity_text(label, value)
    whole = re.compile(shown.pattern + r"\s*$")
    own_element = page.get_by_text(shown).filter(has=page.get_by_text(value, exact=True))
    return page.get_by_text(whole).or_(own_element).filter(visible=True).first


def shown_message(page: Page, text: str) -> Locator:
    """A message the page shows with these literal words. Announced messages (role=alert / status) are
    used when the portal has them; a portal that shows messages as plain text is read in its main
    content, and then only when the page announces no message at all: static help text that happens to
    contain the words cannot stand in for the message a portal with ARIA announces elsewhere."""
    words = re.compile(re.escape(text))
    announced = page.get_by_role("alert").or_(page.get_by_role("status"))
    # Shown as plain text, a message is the smallest text of the content that holds these words: features
    # quote a message whole or a part of it ("账号已临时锁定" of "登录失败次数过多，账号已临时锁定…"),
    # as they do for an announced one, so both renderings judge the same expectation alike.
    plain = content_of(page).filter(has_not=announced).get_by_text(words)
    return announced.filter(has_text=words).or_(plain).filter(visible=True).first


SHOWN_LIMIT = 160  # characters of what_page_shows: a failure's first line, not the page


def what_page_shows(page: Page, limit: int = SHOWN_LIMIT) -> str:
    """What a user reads on the page now, for a failure message: the messages it announces (alert /
    status, those in the main content first), else the visible text of its main content, whitespace
    collapsed and cut to `limit` characters. Reads without waiting; never raises (a failure must keep
    its own cause)."""
    try:
        announced = page.get_by_role("alert").or_(page.get_by_role("status"))
        texts = [t for scope in (content_of(page).first.locator(announced), announced) for t in _visible_texts(scope)]
        texts = list(dict.fromkeys(texts)) or _visible_texts(content_of(page).first)
        shown = " / ".join(texts) or "（空白页）"
        said = [f"对话框“{d.message}”" for d in native_dialogs.shown(page)[-3:]]
        shown = " / ".join([*said, shown])
    except Exception as error:  # noqa: BLE001 — a closed page, a navigation under way
        return f"（读不到页面内容：{type(error).__name__}）"
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _visible_texts(locator: Locator) -> list[str]:
    out = []
    for element in locator.all():
        if element.is_visible():
            text = " ".join(element.inner_text(timeout=2000).split())
            if text:
                out.append(text)
    return out


def message_link(page: Page, name: str) -> Locator:
    """A link inside the message the page shows (e.g. an error that links to 申诉找回)."""
    announced = page.get_by_role("alert").or_(page.get_by_role("status"))
    plain = content_of(page).filter(has_not=announced)
    link = action(announced, name).or_(action(plain, name))
    return link.filter(visible=True).first


def dialog_said(page: Page, text: str) -> bool:
    """A native dialog (alert/confirm) of this page said `text` and no check has read it yet; reading
    it here marks it read (support/browsers/native_dialogs.py). Never waits: callers poll (message_checks)."""
    return native_dialogs.take(page, text) is not None


def dialog_shown(page: Page) -> bool:
    """The page has shown a native dialog (accepted with 确定 when it appeared)."""
    return bool(native_dialogs.shown(page))


def action(scope: Page | Locator, name: str | re.Pattern, exact: bool = True) -> Locator:
    """An action the user clicks by its name, however the portal marks it up: a <button>, an
    <input type=submit|button value=…> (both role button) or a link styled as a button (<a href>), and
    the other way round. Use the role itself only where the difference is the point of the check
    (a link's address, a form that must post)."""
    return scope.get_by_role("button", name=name, exact=exact).or_(scope.get_by_role("link", name=name, exact=exact))


# Form fields by their caption. get_by_label finds a field its <label for> or an enclosing <label> names
# (and aria-label/aria-labelledby); get_by_placeholder one that shows its caption inside. A vendor may
# write the caption as plain text beside the field — `<span>登录名</span><input>`, a table row
# `<th>登录名</th><td><input></td>`, a <label> without `for` — which no accessibility API links to the
# field. For those, the selector engine below (registered once per Playwright, support/run/fixtures.py)
# finds the control that FOLLOWS the caption text in reading order, as a sighted user pairs them.
# Chosen over XPath (`following::input[1]`, banned in pages/ and steps/) because it is one reviewed
# rule, not a path per page: a caption is a text node whose whole text is the caption (a required
# mark "*" and a trailing colon aside); its field is the first form control after it in document
# order, unless that control has a label of its own (then get_by_label owns it, and a caption such
# as a checkbox's trailing <label for> never claims the next field). Only pages/frame.py may use it
# (tools/locator_policy.py).
CAPTION_ENGINE = "caption-field"
CAPTION_ENGINE_SCRIPT = r"""
({
  _norm(text) {
    const bare = (text || "").replace(/\s+/g, "").replace(/^[*＊]+/, "");
    return bare.replace(/[:：]$/, "").replace(/[*＊]+$/, "").replace(/[:：]$/, "");
  },
  _isControl(el) {
    const tag = el.localName;
    if (tag === "select" || tag === "textarea") return true;
    if (tag !== "input") return false;
    const type = (el.getAttribute("type") || "text").toLowerCase();
    return !["hidden", "submit", "button", "reset", "image"].includes(type);
  },
  queryAll(root, caption) {
    const want = this._norm(caption);
    const doc = root.ownerDocument || root;
    const found = [];
    const texts = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      if (this._norm(node.data) !== want) continue;
      const parent = node.parentElement;
      if (!parent || parent.closest("option, button, textarea, script, style")) continue;
      const label = parent.closest("label");
      if (label && label.control) continue;  // an associated label: get_by_label's
      const after = doc.createTreeWalker(doc, NodeFilter.SHOW_ELEMENT);
      after.currentNode = node;
      for (let el = after.nextNode(); el; el = after.nextNode()) {
        if (!this._isControl(el)) continue;
        if ((!el.labels || el.labels.length === 0) && !found.includes(el) && root.contains(el)) found.push(el);
        break;
      }
    }
    return found;
  },
  query(root, caption) {
    return this.queryAll(root, caption)[0] || null;
  },
})
"""


# A titled part of a page: fields or choices under a visible title. A portal with native semantics draws it
# as <fieldset><legend>法定代表人信息</legend>…</fieldset> (role group, named by its legend) or a named region;
# many draw a card instead — <div><div class="card-header">法定代表人信息</div><div>…fields…</div></div> — that
# no accessibility API names. The engine below finds such a card the way a reader does: the title is an
# element whose whole text is the title (not a link, button, label or option); its part is the closest
# element around it that holds more than the title, and is smaller than a form or the main content (else
# there is no such part). Only pages/frame.py may use it (tools/locator_policy.py).
SECTION_ENGINE = "titled-part"
SECTION_ENGINE_SCRIPT = r"""
({
  _norm(text) { return (text || "").replace(/\s+/g, ""); },
  queryAll(root, title) {
    const want = this._norm(title);
    const found = [];
    if (!want) return found;
    for (const el of (root.querySelectorAll ? root.querySelectorAll("*") : [])) {
      if (this._norm(el.textContent) !== want) continue;
      if (el.closest("a, button, label, option, select, script, style, title")) continue;
      if (Array.from(el.children).some((c) => this._norm(c.textContent) === want)) continue;  // not the deepest
      let part = el.parentElement;
      while (part && this._norm(part.textContent) === want) part = part.parentElement;
      // a part is smaller than a form or the page's content: a title that stands alone (a line of text,
      // not heading a card) would otherwise make the whole page its part, and other parts' fields with it
      if (!part || part.matches("html, body, main, form") || part.querySelector("main, form")) continue;
      if (!found.includes(part)) found.push(part);
    }
    return found;
  },
  query(root, title) { return this.queryAll(root, title)[0] || null; },
})
"""


def section(page: Page, title: str) -> Locator:
    """The part of the page under this title: a group (fieldset and legend) or region the portal names so;
    on a page without one, the card the title heads (SECTION_ENGINE)."""
    named = page.get_by_role("group", name=title, exact=True).or_(page.get_by_role("region", name=title, exact=True))
    drawn = page.get_by_role("document").filter(has_not=named).locator(f"titled-part={title}")  # SECTION_ENGINE
    return named.or_(drawn)


def register_caption_engine(playwright: Playwright) -> None:
    """Register the caption engine, and pages/tables.py's column-table engine, with this Playwright (once;
    before or after contexts exist)."""
    if getattr(playwright, "_caption_engine_registered", False):
        return
    # content_script: evaluated in Playwright's isolated world, like its own engines. In the page's main
    # world (the default) every action through such a selector crosses worlds: on Firefox (BiDi) a fill
    # by field() took about 150 ms instead of 60 (count() was not slower); isolated, no slower than by
    # label alone. The engines read only the DOM, which both worlds share.
    playwright.selectors.register(CAPTION_ENGINE, CAPTION_ENGINE_SCRIPT, content_script=True)
    playwright.selectors.register(tables.TABLE_ENGINE, tables.TABLE_ENGINE_SCRIPT, content_script=True)
    playwright.selectors.register(SECTION_ENGINE, SECTION_ENGINE_SCRIPT, content_script=True)
    playwright._caption_engine_registered = True


def field(scope: Page | Locator, caption: str, exact: bool = False) -> Locator:
    """A form field by the caption a user reads for it: an associated label (for / enclosing /
    aria), a placeholder, or a caption written beside it (CAPTION_ENGINE, which always wants the
    whole caption, "*" and a trailing colon aside). `exact` as for get_by_label."""
    return (
        scope.get_by_label(caption, exact=exact)
        .or_(scope.get_by_placeholder(caption, exact=exact))
        .or_(scope.locator(f"caption-field={caption}"))  # CAPTION_ENGINE; written out for the policy
    )


def landmark(page: Page, role: str, name: str | None = None) -> Locator:
    """A part of the page the portal marks as a landmark (main, navigation, contentinfo, a named region)
    when it does; the whole page when it does not (a vendor without ARIA or HTML5 sectioning elements),
    so what is looked for inside it is then looked for on the page."""
    mark = page.get_by_role(role, name=name, exact=True) if name else page.get_by_role(role)
    return mark.or_(page.get_by_role("document").filter(has_not=mark))


def text_lines(text: str) -> list[str]:
    """A page's text as its non-blank lines, each stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def without_shared_tail(lines: list[str], other: list[str]) -> list[str]:
    """`lines` without the lines it ends with that `other` (another page's) ends with too: what two pages
    share at their end is the page frame (a footer), whatever its markup."""
    shared = 0
    while shared < min(len(lines), len(other)) and lines[-1 - shared] == other[-1 - shared]:
        shared += 1
    return lines[: len(lines) - shared]


def content_of(page: Page) -> Locator:
    """The page's own content: the main landmark (navigation, header and footer excluded), or the whole
    page on a portal without one."""
    return landmark(page, "main")


def heading(page: Page, name: str | re.Pattern) -> Locator:
    """A heading by its name, at whatever level the portal gives it."""
    return page.get_by_role("heading", name=name, exact=True).filter(visible=True).first


class PortalFrame:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.logout_button = action(page, "退出登录", exact=False)
        self.login_link = action(page, "用户登录")
        # What a signed-in page shows in its user bar, whoever is signed in.
        self.signed_in_label = page.get_by_text(re.compile(r"当前用户" + LABEL_GAP))
        # The page's own content (content_of): a check that something is hidden first sees a page shown.
        self.content = content_of(page)

    def words(self, text: str) -> Locator:
        """Every place the page shows these words (a "不显示" check counts them, after a positive one)."""
        return self.page.get_by_text(text)

    def go_to(self, menu: str) -> None:
        """Follow one of 首页 服务事项 办事咨询 在线办事 结果公示 (the first such link: the main navigation)."""
        action(self.page, menu).first.click()

    def message(self, text: str) -> Locator:
        return shown_message(self.page, text)

    def message_link(self, name: str) -> Locator:
        return message_link(self.page, name)

    def shows(self) -> str:
        """What the page shows now, in one bounded line (what_page_shows)."""
        return what_page_shows(self.page)

    def heading(self, name: str | re.Pattern) -> Locator:
        return heading(self.page, name)

    def current_user(self, name: str) -> Locator:
        """ "当前用户: <name>" as the user bar shows it."""
        return labelled_value(self.page, "当前用户", name)

    def user_type(self, kind: str) -> Locator:
        """ "用户类型: <kind>" (自然人 / 法人) as the user bar shows it."""
        return labelled_value(self.page, "用户类型", kind)

    def log_out(self) -> None:
        """退出登录 posts a form and lands on the login page; wait for that landing, so a next
        navigation cannot interrupt the logout's own redirect (seen in Firefox)."""
        self.logout_button.click()
        self.page.wait_for_url(url_glob("logout_landing"))

    def open_home(self) -> None:
        self.page.goto(path("home"))

    def open_missing_page(self) -> None:
        """An address the portal does not have (its 404 page)."""
        self.page.goto(path("missing_page"))

    def open_failing_page(self) -> None:
        """The mock's self-test page, which fails inside while the internal-error fault is on."""
        self.page.goto(path("selftest"))
