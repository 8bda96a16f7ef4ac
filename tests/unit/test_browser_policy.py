"""Browser-support policy and fault profiles: who is current Chrome, the frame's hint, garbling."""

import pytest
from fastapi import FastAPI
from starlette.requests import Request

from mock_portal import browser_policy, faults
from mock_portal.templating import CONTEXT_HOOKS

CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.8078.108 Safari/537.36"
HEADLESS = CHROME.replace("Chrome/", "HeadlessChrome/")
OLD_CHROME = CHROME.replace("Chrome/156", "Chrome/79")
EDGE = CHROME + " Edg/156.0.3000.1"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0"
IE = "Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko"


@pytest.mark.parametrize(
    "ua, current",
    [(CHROME, True), (HEADLESS, True), (OLD_CHROME, False), (EDGE, False), (FIREFOX, False), (IE, False), ("", False)],
)
def test_only_current_chrome_is_current(ua, current):
    assert browser_policy.is_current_chrome(ua) is current


def test_hint_hook_is_registered():
    assert browser_policy.hint_context in CONTEXT_HOOKS


def test_hint_in_the_frame_for_other_browsers_only(portal):
    other = portal.client.get("/", headers={"User-Agent": FIREFOX})
    chrome = portal.client.get("/", headers={"User-Agent": CHROME})
    assert "建议使用谷歌浏览器最新版" in other.text and 'data-dismiss="browser-hint"' in other.text
    assert "建议使用谷歌浏览器最新版" not in chrome.text


def test_browser_support_page(portal):
    page = portal.client.get("/browser-support", headers={"User-Agent": FIREFOX})
    assert page.status_code == 200 and "不是谷歌浏览器最新版" in page.text


def _request(profiles: set[str], ua: str) -> Request:
    app = FastAPI()
    app.state.faults = profiles
    return Request({"type": "http", "app": app, "headers": [(b"user-agent", ua.encode())]})


def test_legacy_browser_hits_only_non_chrome_and_only_when_on():
    assert faults.legacy_browser(_request({"legacy-browser"}, FIREFOX))
    assert faults.legacy_browser(_request({"legacy-browser"}, OLD_CHROME))
    assert not faults.legacy_browser(_request({"legacy-browser"}, CHROME))
    assert not faults.legacy_browser(_request(set(), FIREFOX))


def test_garbled_registration_variants():
    created = _request({"garbled-registration"}, CHROME)
    lost = _request({"garbled-registration-lost"}, CHROME)
    assert faults.registration_garbled(created) and not faults.registration_lost(created)
    assert faults.registration_garbled(lost) and faults.registration_lost(lost)
    assert not faults.registration_garbled(_request(set(), CHROME))


def test_garble_declares_the_wrong_charset_and_keeps_cookies():
    from fastapi.responses import HTMLResponse

    response = HTMLResponse("<h1>注册成功</h1>")
    response.set_cookie("MOSTSESSION", "x")
    garbled = faults.garble(response)
    assert garbled.headers["content-type"] == "text/html; charset=iso-8859-1"
    assert "set-cookie" in garbled.headers
    assert garbled.body.decode("iso-8859-1") != "<h1>注册成功</h1>"
