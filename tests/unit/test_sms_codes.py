"""SMS one-time codes: expiry by the portal clock, single use, wrong-try limit, resend cooldown."""

import datetime as dt
import re

import pytest

from mock_portal.db import init_db
from mock_portal.services import sms
from mock_portal.settings import Settings

T0 = dt.datetime(2026, 11, 27, 10, 0, 0)
PHONE = "13900001234"


@pytest.fixture
def db(tmp_path):
    _engine, maker = init_db(tmp_path / "p.db")
    with maker() as session:
        yield session


@pytest.fixture
def settings(tmp_path):
    return Settings(db_path=tmp_path / "p.db")


def issue(db, settings, now=T0) -> str:
    row = sms.issue_code(db, PHONE, "reset", now, settings)
    db.flush()
    return row.code


def wrong(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def test_code_is_six_digits_and_goes_to_the_outbox(db, settings):
    code = issue(db, settings)
    assert re.fullmatch(r"\d{6}", code)
    assert code in sms.outbox(db, PHONE)[-1].text


def test_code_expires_after_ten_minutes(db, settings):
    code = issue(db, settings)
    sms.check_code(db, PHONE, "reset", code, T0 + dt.timedelta(minutes=9, seconds=59), settings)
    code = issue(db, settings, T0 + dt.timedelta(minutes=10))
    with pytest.raises(sms.SmsCodeError, match="已过期"):
        sms.check_code(db, PHONE, "reset", code, T0 + dt.timedelta(minutes=20, seconds=1), settings)


def test_code_is_single_use(db, settings):
    code = issue(db, settings)
    sms.check_code(db, PHONE, "reset", code, T0, settings)
    with pytest.raises(sms.SmsCodeError, match="请先获取"):
        sms.check_code(db, PHONE, "reset", code, T0, settings)


def test_too_many_wrong_tries_spend_the_code(db, settings):
    code = issue(db, settings)
    for _ in range(settings.sms_max_attempts - 1):
        with pytest.raises(sms.SmsCodeError, match="^短信验证码错误$"):
            sms.check_code(db, PHONE, "reset", wrong(code), T0, settings)
    with pytest.raises(sms.SmsCodeError, match="次数过多"):
        sms.check_code(db, PHONE, "reset", wrong(code), T0, settings)
    with pytest.raises(sms.SmsCodeError, match="请先获取"):
        sms.check_code(db, PHONE, "reset", code, T0, settings)


def test_resend_has_a_cooldown_and_replaces_the_old_code(db, settings):
    first = issue(db, settings)
    with pytest.raises(sms.SmsCodeError, match=r"请\d+秒后"):
        issue(db, settings, T0 + dt.timedelta(seconds=30))
    second = issue(db, settings, T0 + dt.timedelta(seconds=settings.sms_resend_cooldown_seconds))
    if second != first:
        with pytest.raises(sms.SmsCodeError):
            sms.check_code(db, PHONE, "reset", first, T0 + dt.timedelta(minutes=2), settings)
    sms.check_code(db, PHONE, "reset", second, T0 + dt.timedelta(minutes=2), settings)


def test_codes_of_other_purposes_do_not_count(db, settings):
    code = issue(db, settings)
    with pytest.raises(sms.SmsCodeError, match="请先获取"):
        sms.check_code(db, PHONE, "appeal", code, T0, settings)
