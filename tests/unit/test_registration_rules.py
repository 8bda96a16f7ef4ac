"""用户注册 on the server: FAQ-1.9.x messages with the appeal pointer, normalization, all-or-nothing,
and two simultaneous registrations with the same ID number (exactly one succeeds)."""

import re
import threading

from sqlalchemy import func, select

from mock_portal.models.accounts import Account, Unit
from mock_portal.services import registration as reg

ALERT = re.compile(r'role="alert">(.*?)</div>', re.S)
ID_A = "11010519491231002X"
CODE_A = "91350100M000100Y43"


def alert(response) -> str:
    found = ALERT.search(response.text)
    return found.group(1) if found else ""


def sms_code(portal, phone):
    texts = portal.api("GET", "/sms", params={"phone": phone})
    return re.search(r"验证码为(\d{6})", texts[-1]["text"]).group(1)


def natural_form(**over):
    form = {
        "login_name": "zr_new1",
        "password": "Aa123456#x",
        "confirm_password": "Aa123456#x",
        "name": "王五",
        "id_type": "居民身份证",
        "id_number": ID_A,
        "phone": "13800000001",
    }
    form.update(over)
    return form


def register(portal, kind, form):
    portal.post_form(f"/register/{kind}", {**form, "action": "send_code"})
    code = sms_code(portal, form["phone"])
    return portal.post_form(f"/register/{kind}", {**form, "sms_code": code, "action": "register"})


def test_natural_registration_then_login(portal):
    response = register(portal, "natural", natural_form())
    assert response.status_code == 200 and "注册成功" in response.text
    assert portal.login("zr_new1", "Aa123456#x").status_code == 303


def test_used_id_number_full_width_is_refused_with_the_appeal_link(portal):
    portal.seed_natural("zr_old", id_number=ID_A)
    response = register(portal, "natural", natural_form(id_number="１１０１０５ １９４９１２３１００２ｘ"))
    assert response.status_code == 422
    assert "证件号码已被注册" in alert(response) and 'href="/recovery/appeal/natural"' in alert(response)
    assert 'value="王五"' in response.text  # entered values kept


def test_wrong_check_digit_is_refused(portal):
    response = portal.post_form("/register/natural", natural_form(id_number="110105194912310021", sms_code="1"))
    assert response.status_code == 422 and "证件号码格式不正确" in alert(response)


def test_legal_unit_name_and_credit_code_taken(portal):
    portal.seed_legal("fr_old", unit_name="旧名科技有限公司", credit_code=CODE_A)
    form = {
        "unit_name": "旧名科技有限公司",
        "credit_code": "91110000600037341L",
        "unit_type": "企业法人",
        "agent_name": "赵六",
        "phone": "13800000002",
        "login_name": "fr_new1",
        "password": "Aa123456#x",
        "confirm_password": "Aa123456#x",
    }
    taken_name = register(portal, "legal", form)
    assert "单位名称已被注册" in alert(taken_name) and "/recovery/appeal/legal" in alert(taken_name)
    renamed = {**form, "unit_name": "新名科技有限公司", "credit_code": CODE_A}
    portal.advance(minutes=2)
    taken_code = register(portal, "legal", renamed)
    assert "信用代码已被注册" in alert(taken_code) and "/recovery/appeal/legal" in alert(taken_code)


def test_legal_registration_failing_half_way_leaves_no_unit(portal, monkeypatch):
    """The account insert fails after the unit was flushed: the unit is rolled back with it."""
    portal.seed_natural("fr_clash")
    monkeypatch.setattr(reg, "precheck_legal", lambda db, data: None)
    form = {
        "unit_name": "半途科技有限公司",
        "credit_code": "911100001000028938",
        "unit_type": "企业法人",
        "agent_name": "赵六",
        "phone": "13800000003",
        "login_name": "fr_clash",
        "password": "Aa123456#x",
        "confirm_password": "Aa123456#x",
    }
    response = register(portal, "legal", form)
    assert response.status_code == 422 and "登录名已被注册" in alert(response)
    with portal.app.state.sessionmaker() as db:
        assert db.scalar(select(func.count()).select_from(Unit)) == 0


def test_two_simultaneous_registrations_with_the_same_id_number(portal, monkeypatch):
    monkeypatch.setattr(reg, "precheck_natural", lambda db, data: None)  # both reach the constraint
    monkeypatch.setattr(reg.sms, "check_code", lambda *a, **k: None)
    maker, settings = portal.app.state.sessionmaker, portal.settings
    now = portal.app.state.clock.now()
    barrier, results = threading.Barrier(2), []

    def attempt(n):
        with maker() as db:
            barrier.wait()
            try:
                reg.register_natural(
                    db, natural_form(login_name=f"zr_race{n}", phone=f"1380000001{n}", sms_code="000000"), now, settings
                )
                results.append("ok")
            except reg.Refusal as refusal:
                results.append(refusal.message)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == sorted(["ok", "证件号码已被注册"])
    with maker() as db:
        assert db.scalar(select(func.count()).select_from(Account).where(Account.id_number == ID_A)) == 1


def test_lookup_tells_whether_a_login_name_or_id_number_exists(portal):
    portal.seed_natural("zr_seen", id_number=ID_A)
    assert "该登录名已注册" in portal.client.get("/register/lookup", params={"q": "zr_seen"}).text
    assert "该登录名未注册" in portal.client.get("/register/lookup", params={"q": "zr_unseen"}).text
    assert "该证件号码已注册" in portal.client.get("/register/lookup", params={"q": ID_A.lower()}).text
