"""用户登录 on the server: captcha, same error for wrong password and unknown name, expiry, sessions."""

import re

ALERT = re.compile(r'role="alert">([^<]*)<')


def alert(response) -> str:
    found = ALERT.search(response.text)
    return found.group(1) if found else ""


def test_wrong_password_and_unknown_name_get_the_same_message(portal):
    portal.seed_natural("zr_a")
    wrong = portal.login("zr_a", "Wrong#123x")
    unknown = portal.login("nobody_here", "Wrong#123x")
    assert alert(wrong) == alert(unknown) == "登录名或密码错误"
    assert wrong.status_code == unknown.status_code == 422


def test_correct_login_rotates_the_session_and_shows_the_user(portal):
    portal.seed_natural("zr_b")
    portal.client.get("/login")
    before = portal.client.cookies.get("MOSTSESSION")
    response = portal.login("zr_b", "Aa123456#x")
    assert response.status_code == 303
    after = portal.client.cookies.get("MOSTSESSION")
    assert after and after != before
    home = portal.client.get("/")
    assert "张三" in home.text and "自然人" in home.text


def test_wrong_captcha_and_single_use(portal):
    portal.seed_natural("zr_c")
    token = portal.csrf("/login")
    answer = portal.captcha()
    bad = portal.client.post(
        "/login",
        data={
            "csrf_token": token,
            "login_name": "zr_c",
            "password": "Aa123456#x",
            "captcha": "ZZZZ" if answer != "ZZZZ" else "YYYY",
        },
    )
    assert alert(bad) == "验证码错误"
    token = portal.csrf("/login")
    used = portal.captcha()
    portal.client.post(
        "/login", data={"csrf_token": token, "login_name": "zr_c", "password": "Wrong#1234", "captcha": used}
    )
    # The same code again, without loading a new one: refused although it was right the first time.
    reuse = portal.client.post(
        "/login", data={"csrf_token": token, "login_name": "zr_c", "password": "Aa123456#x", "captcha": used}
    )
    assert alert(reuse) == "验证码错误"


def test_captcha_refresh_gives_a_new_answer(portal):
    portal.client.get("/login")
    first = portal.captcha()
    answers = {first}
    for _ in range(3):
        portal.client.get("/captcha.svg?new=1")
        answers.add(portal.captcha())
    assert len(answers) > 1


def test_legal_login_with_a_natural_account_says_so(portal):
    portal.seed_natural("zr_d")
    assert alert(portal.login("zr_d", "Aa123456#x", "legal")) == "该账号为自然人账号，请选择自然人登录"


def test_expired_password_offers_change_then_new_password_works(portal):
    portal.seed_natural("zr_e", password_age_days=91)
    response = portal.login("zr_e", "Aa123456#x")
    assert "密码已过期" in alert(response) and 'href="/password/change"' in response.text
    changed = portal.post_form(
        "/password/change",
        {"old_password": "Aa123456#x", "new_password": "Bb654321#y", "confirm_password": "Bb654321#y"},
        follow_redirects=False,
    )
    assert changed.status_code == 303
    assert alert(portal.login("zr_e", "Aa123456#x")) == "登录名或密码错误"
    assert portal.login("zr_e", "Bb654321#y").status_code == 303


def test_weak_new_password_names_the_rule(portal):
    portal.seed_natural("zr_f")
    portal.sign_in("zr_f")
    response = portal.post_form(
        "/password/change", {"old_password": "Aa123456#x", "new_password": "abcdefgh", "confirm_password": "abcdefgh"}
    )
    assert alert(response) == "密码须包含大写字母、小写字母、数字、特殊字符中的至少三类"


def test_logout_destroys_the_session(portal):
    portal.seed_natural("zr_g")
    portal.sign_in("zr_g")
    old = portal.client.cookies.get("MOSTSESSION")
    portal.post_form("/logout", {}, form_page="/")
    portal.client.cookies.set("MOSTSESSION", old)
    assert "张三" not in portal.client.get("/").text


def test_csrf_token_is_required(portal):
    portal.seed_natural("zr_h")
    portal.client.get("/login")
    response = portal.client.post("/login", data={"login_name": "zr_h", "password": "x", "captcha": "x"})
    assert response.status_code == 403 and "请求已失效" in response.text


def test_control_plane_needs_the_flag_and_the_token(tmp_path, portal):
    assert portal.client.post("/__test__/reset").status_code == 401
    assert portal.client.post("/__test__/reset", headers={"X-Test-Token": "wrong"}).status_code == 403
    assert portal.client.post("/__test__/reset", headers=portal.api_headers).status_code == 200
    from fastapi.testclient import TestClient

    from mock_portal.app import create_app
    from mock_portal.settings import Settings

    no_api = TestClient(create_app(Settings(db_path=tmp_path / "noapi.db")))
    assert no_api.post("/__test__/reset", headers={"X-Test-Token": "x"}).status_code == 404
