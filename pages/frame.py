"""The page frame every portal page shares: header, main navigation, user bar, footer; and the
messages, headings and identity a user reads on any page, found by what is shown, not by markup."""

import re

from playwright.sync_api import Locator, Page

from support.routes import path, url_glob

LABEL_GAP = r"\s*[:：]?\s*"  # "当前用户: 张三", "当前用户：张三" or label and value in two cells


def identity_text(label: str, value: str) -> re.Pattern:
    """The label and the value shown right after it ("当前用户: 张三", "当前用户：张三")."""
    return re.compile(rf"{re.escape(label)}{LABEL_GAP}{re.escape(value)}")


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
    link = announced.get_by_role("link", name=name, exact=True).or_(plain.get_by_role("link", name=name, exact=True))
    return link.filter(visible=True).first


def content_of(page: Page) -> Locator:
    """The page's own content: the main landmark (navigation, header and footer excluded), or the whole
    page on a portal without one."""
    main = page.get_by_role("main")
    return main.or_(page.get_by_role("document").filter(has_not=main))


def heading(page: Page, name: str | re.Pattern) -> Locator:
    """A heading by its name, at whatever level the portal gives it."""
    return page.get_by_role("heading", name=name, exact=True).filter(visible=True).first


class PortalFrame:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.logout_button = page.get_by_role("button", name="退出登录")
        self.login_link = page.get_by_role("link", name="用户登录", exact=True)
        # What a signed-in page shows in its user bar, whoever is signed in.
        self.signed_in_label = page.get_by_text(re.compile(r"当前用户" + LABEL_GAP))
        self.main = page.get_by_role("main")

    def go_to(self, menu: str) -> None:
        """Follow one of 首页 服务事项 办事咨询 在线办事 结果公示 (the first such link: the main navigation)."""
        self.page.get_by_role("link", name=menu, exact=True).first.click()

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
