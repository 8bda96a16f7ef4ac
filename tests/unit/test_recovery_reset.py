"""登录名重置密码 on the server: lookup messages, code, password rules, other sessions ended."""

import re

from fastapi.testclient import TestClient

ALERT = re.compile(r'role="alert">([^<]*)<')
CODE = re.compile(r"验证码为(\d{6})")


def alert(response) -> str:
    found = ALERT.search(response.text)
    return found.group(1) if found else ""


def last_code(portal, phone: str) -> str:
    return CODE.search(portal.api("GET", "/sms", params={"phone": phone})[-1]["text"]).group(1)


def start(portal, login_name: str):
    return portal.post_form("/recovery/reset", {"login_name": login_name}, form_page="/recovery/reset")


def reset(portal, code: str, new: str, confirm: str | None = None):
    return portal.post_form(
        "/recovery/reset/verify",
        {"action": "reset", "code": code, "new_password": new, "confirm_password": new if confirm is None else confirm},
    )


def test_unknown_login_name_points_to_the_appeals(portal):
    response = start(portal, "nobody_here")
    assert response.status_code == 422
    assert alert(response).startswith("该登录名不存在")
    assert 'href="/recovery/appeal/legal"' in response.text and 'href="/recovery/appeal/natural"' in response.text
    assert 'value="nobody_here"' in response.text


def test_account_without_phone_points_to_the_appeals(portal):
    portal.seed_natural("zr_nophone")
    response = start(portal, "zr_nophone")
    assert alert(response).startswith("该账号没有预留手机号")
    assert "自然人申诉找回密码" in response.text


def test_reset_checks_rules_before_the_code_and_ends_other_sessions(portal):
    portal.seed_natural("zr_r", phone="13900001111")
    other = TestClient(portal.app)  # a second browser of the same account
    other.cookies.set("MOSTSESSION", portal.api("POST", "/sessions", json={"login_name": "zr_r"})["session_id"])
    assert "张三" in other.get("/").text
    page = start(portal, "zr_r")
    assert "139****1111" in page.text
    sent = portal.post_form("/recovery/reset/verify", {"action": "code"})
    assert "验证码已发送至139****1111" in sent.text
    code = last_code(portal, "13900001111")
    weak = reset(portal, code, "abcdefgh")
    assert weak.status_code == 422 and alert(weak) == "密码须包含大写字母、小写字母、数字、特殊字符中的至少三类"
    assert alert(reset(portal, code, "Bb123456#y", "Bb123456#z")) == "两次输入的新密码不一致"
    assert alert(reset(portal, "000000" if code != "000000" else "111111", "Bb123456#y")) == "短信验证码错误"
    done = reset(portal, code, "Bb123456#y")
    assert done.status_code == 200 and "密码重置成功，请使用新密码登录" in done.text
    assert "张三" not in other.get("/").text
    assert alert(portal.login("zr_r", "Aa123456#x")) == "登录名或密码错误"
    assert portal.login("zr_r", "Bb123456#y").status_code == 303


def test_verify_page_without_a_lookup_goes_back_to_the_lookup(portal):
    response = portal.client.get("/recovery/reset/verify", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/recovery/reset"


def test_legacy_browser_fault_fails_the_reset_outside_current_chrome(portal):
    portal.seed_natural("zr_lb", phone="13900005555")
    start(portal, "zr_lb")
    portal.post_form("/recovery/reset/verify", {"action": "code"})
    code = last_code(portal, "13900005555")
    portal.api("PUT", "/faults", json={"profiles": ["legacy-browser"]})
    failed = reset(portal, code, "Bb123456#y")
    assert failed.status_code == 422 and alert(failed) == "重置密码失败，请稍后重试"
    assert portal.login("zr_lb", "Aa123456#x").status_code == 303
