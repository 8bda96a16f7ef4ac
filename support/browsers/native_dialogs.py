"""Native browser dialogs (`window.alert()`, `confirm()`, `prompt()`) as a user reads them.

A portal may show a message as a modal in the page (弹框提示 with a 确定 button) or, built by another
vendor, as the browser's own dialog. A native dialog is not in the page's DOM, so no locator finds it;
support/run/fixtures.py calls `record(context)` on every browser context it opens, and from then on every
page of that context (including pages opened later and popups) has its dialogs recorded here, in the
order shown, and accepted — 确定, which is what every scenario that meets a dialog does ("我在弹框中
点击确定"); without a listener Playwright would dismiss them, turning a vendor's confirm() into 取消.
A `beforeunload` prompt is accepted too (the user leaves) but is not a message.

The message checks (support/gherkin/message_checks.py, pages/frame.py) read these records as well as the page:
a message counts as shown when the page shows it OR a native dialog said it. A dialog is read once,
as a user reads an alert once: a positive check takes the first unread dialog holding the words, so a
later check for the same words needs a dialog shown again (or the words in the page).
"""

from __future__ import annotations

import contextlib
import weakref
from dataclasses import dataclass, field

from playwright.sync_api import BrowserContext, Dialog, Page


@dataclass
class Shown:
    kind: str  # alert / confirm / prompt
    message: str  # whitespace collapsed
    read: bool = False


@dataclass
class _PageDialogs:
    shown: list[Shown] = field(default_factory=list)


_PAGES: weakref.WeakKeyDictionary[Page, _PageDialogs] = weakref.WeakKeyDictionary()
_CONTEXTS: weakref.WeakSet[BrowserContext] = weakref.WeakSet()


def record(context: BrowserContext) -> None:
    """Record and accept every native dialog of every page of `context` (idempotent)."""
    if context in _CONTEXTS:
        return
    _CONTEXTS.add(context)
    context.on("page", watch)
    for page in context.pages:
        watch(page)


def watch(page: Page) -> None:
    """Record and accept the native dialogs of one page (idempotent)."""
    if page in _PAGES:
        return
    dialogs = _PageDialogs()
    _PAGES[page] = dialogs

    def on_dialog(dialog: Dialog) -> None:
        if dialog.type != "beforeunload":
            dialogs.shown.append(Shown(dialog.type, " ".join(dialog.message.split())))
        with contextlib.suppress(Exception):  # the page closed meanwhile, or a test handled it itself
            dialog.accept()

    page.on("dialog", on_dialog)


def shown(page: Page) -> list[Shown]:
    """The native dialogs this page has shown, oldest first."""
    dialogs = _PAGES.get(page)
    return list(dialogs.shown) if dialogs else []


def unread(page: Page, text: str | None = None) -> list[Shown]:
    """The dialogs no check has read yet (holding `text`, when given)."""
    return [d for d in shown(page) if not d.read and (text is None or _holds(d.message, text))]


def take(page: Page, text: str) -> Shown | None:
    """The first unread dialog whose message holds `text` (the words as a feature quotes them, whole
    or a part, as for an in-page message), marked read; None when there is none."""
    for dialog in unread(page, text):
        dialog.read = True
        return dialog
    return None


def _holds(message: str, text: str) -> bool:
    return " ".join(text.split()) in message
