"""The message check of the 那么 steps (页面提示错误"…", 页面提示"…", and the same per actor) with a failure
that tells the truth first: when the expected message is not there, the first line says what the page
shows instead, e.g. `期望页面提示错误“登录名或密码错误”，但页面显示：“密码重置成功，请使用新密码登录”`
(issue 19), then Playwright's own report. The page is read through pages/frame.py (what_page_shows)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from pages.frame import shown_message, what_page_shows


def expect_message(page: Page, text: str, expectation: str = "页面提示") -> None:
    """The page shows the message `text`; `expectation` names what the step expects (页面提示错误 …)."""
    try:
        expect(shown_message(page, text)).to_be_visible()
    except AssertionError as error:
        raise AssertionError(mismatch(expectation, text, what_page_shows(page), str(error))) from None


def mismatch(expectation: str, text: str, shown: str, playwright_report: str) -> str:
    """The failure message: our line first, then Playwright's report without its "Actual value" line
    (which would say only that no element was found, and which the failure header would pick instead)."""
    report = "\n".join(line for line in playwright_report.splitlines() if not line.startswith("Actual value:"))
    return f"期望{expectation}“{text}”，但页面显示：“{shown}”\n\n{report}"
