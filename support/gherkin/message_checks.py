"""The message checks of the 那么 steps (页面提示错误"…", 页面提示"…", 弹框提示"…", and the same per actor)
with a failure that tells the truth first: when the expected message is not there, the first line says
what the page shows instead, e.g. `期望页面提示错误“登录名或密码错误”，但页面显示：“密码重置成功，请使用新密码登录”`
(issue 19), then Playwright's own report. The page is read through pages/frame.py (what_page_shows).

A message is shown when the page shows it (pages.frame.shown_message: announced or plain text) OR a
native browser dialog said it (window.alert()/confirm(), recorded per page by support/browsers/native_dialogs.py,
which the fixtures attach to every context). A dialog is no element, so the check retries itself: it
polls the recorded dialogs between short Playwright waits for the in-page message (expect(...) with a
small timeout, which is Playwright's own polling of the page; no sleep) until the expect timeout."""

from __future__ import annotations

import time

from playwright.sync_api import Page, expect

from pages.frame import dialog_said, dialog_shown, shown_message, what_page_shows
from support.browsers import native_dialogs

EXPECT_TIMEOUT_MS = 5_000  # Playwright's default for expect(); the suite does not change it
POLL_MS = 200  # each in-page wait, between two looks at the recorded dialogs


def expect_message(page: Page, text: str, expectation: str = "页面提示", timeout: float = EXPECT_TIMEOUT_MS) -> None:
    """The page shows the message `text`, in the page or in a native dialog; `expectation` names what
    the step expects (页面提示错误 …)."""
    in_page = shown_message(page, text)
    deadline = time.monotonic() + timeout / 1000
    while True:
        if dialog_said(page, text):
            return
        left_ms = (deadline - time.monotonic()) * 1000
        try:
            expect(in_page).to_be_visible(timeout=max(1, min(POLL_MS, left_ms)))
            return
        except AssertionError as error:
            if left_ms > POLL_MS:
                continue
            if dialog_said(page, text):  # shown while the last wait ran
                return
            raise AssertionError(mismatch(expectation, text, what_page_shows(page), str(error))) from None


def which_message(
    page: Page, texts: list[str], expectation: str = "页面提示", timeout: float = EXPECT_TIMEOUT_MS
) -> str:
    """Which of `texts` the page shows, in the page or in a native dialog, waiting until one is shown: for a
    step where the portal decides which of two outcomes a page gets (two browsers racing for one code)."""
    in_page = shown_message(page, texts[0])
    for text in texts[1:]:
        in_page = in_page.or_(shown_message(page, text))
    deadline = time.monotonic() + timeout / 1000
    while True:
        said = next((text for text in texts if dialog_said(page, text)), None)
        if said is not None:
            return said
        left_ms = (deadline - time.monotonic()) * 1000
        try:
            expect(in_page.first).to_be_visible(timeout=max(1, min(POLL_MS, left_ms)))
        except AssertionError as error:
            if left_ms > POLL_MS:
                continue
            wanted = "”或“".join(texts)
            raise AssertionError(mismatch(expectation, wanted, what_page_shows(page), str(error))) from None
        shown = next((text for text in texts if shown_message(page, text).count()), None)
        if shown is not None:
            return shown


def expect_no_message(page: Page, text: str, expectation: str = "页面不显示") -> None:
    """Neither a native dialog of this page nor the page itself shows `text` as a message now. Like every
    "不显示" check, its step pairs it with a positive check of the state it expects."""
    expect_no_dialog_saying(page, text, expectation)
    expect(shown_message(page, text)).to_have_count(0)


def expect_no_dialog_saying(page: Page, text: str, expectation: str = "页面不显示") -> None:
    """No native dialog this page has shown (read by a check or not) held `text`: words a page must not
    show (another unit's project, an internal error) are not shown in an alert() either."""
    said = [d for d in native_dialogs.shown(page) if text in d.message]
    if said:
        raise AssertionError(f"期望{expectation}“{text}”，但浏览器对话框显示：“{said[0].message}”")


def expect_dialog_confirmable(page: Page, in_page_confirm, timeout: float = EXPECT_TIMEOUT_MS) -> None:
    """A popup the user can close with 确定: the in-page 确定 (a button or a link) is visible, or the popup
    was the browser's own dialog (whose 确定 the recorder pressed when it appeared)."""
    deadline = time.monotonic() + timeout / 1000
    while not dialog_shown(page):
        left_ms = (deadline - time.monotonic()) * 1000
        try:
            expect(in_page_confirm).to_be_visible(timeout=max(1, min(POLL_MS, left_ms)))
            return
        except AssertionError:
            if left_ms > POLL_MS or dialog_shown(page):
                continue
            raise


def mismatch(expectation: str, text: str, shown: str, playwright_report: str) -> str:
    """The failure message: our line first, then Playwright's report without its "Actual value" line
    (which would say only that no element was found, and which the failure header would pick instead)."""
    report = "\n".join(line for line in playwright_report.splitlines() if not line.startswith("Actual value:"))
    return f"期望{expectation}“{text}”，但页面显示：“{shown}”\n\n{report}"
