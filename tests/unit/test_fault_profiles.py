"""Fault profiles on the server: the garbled final registration step (both variants) and the
legacy-browser branches, which only hit browsers other than current Chrome."""

from tests.unit.test_browser_policy import CHROME, FIREFOX
from tests.unit.test_registration_rules import natural_form, register


def lookup(portal, q):
    return portal.client.get("/register/lookup", params={"q": q}).text


def test_garbled_registration_still_creates_the_account(portal):
    portal.api("PUT", "/faults", json={"profiles": ["garbled-registration"]})
    response = register(portal, "natural", natural_form(login_name="zr_garbled"))
    assert response.headers["content-type"] == "text/html; charset=iso-8859-1"
    assert "注册成功" not in response.content.decode("iso-8859-1")
    assert "检索结果：该登录名已注册" in lookup(portal, "zr_garbled")
    assert portal.login("zr_garbled", "Aa123456#x").status_code == 303


def test_garbled_registration_lost_creates_nothing_and_re_registering_works(portal):
    portal.api("PUT", "/faults", json={"profiles": ["garbled-registration-lost"]})
    response = register(portal, "natural", natural_form(login_name="zr_lost"))
    assert response.headers["content-type"] == "text/html; charset=iso-8859-1"
    assert "检索结果：该登录名未注册" in lookup(portal, "zr_lost")
    portal.api("PUT", "/faults", json={"profiles": []})
    assert "注册成功" in register(portal, "natural", natural_form(login_name="zr_lost")).text


def test_legacy_browser_blank_services_only_for_non_chrome(portal):
    portal.seed_natural("zr_svc")
    portal.sign_in("zr_svc")
    portal.api("PUT", "/faults", json={"profiles": ["legacy-browser"]})
    blank = portal.client.get("/services", headers={"User-Agent": FIREFOX}).text
    full = portal.client.get("/services", headers={"User-Agent": CHROME}).text
    assert "办理入口" not in blank and "建议使用谷歌浏览器最新版" in blank
    assert "办理入口" in full
