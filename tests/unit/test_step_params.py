"""support/params.py: typed step parameters with full-width input accepted."""
from __future__ import annotations

import datetime as dt

import pytest

from support import identity, params

TODAY = dt.date(2026, 11, 27)


def match(template: str, text: str) -> dict:
    parser, converters = params.typed(template)
    found = parser.parse_arguments(text)
    assert found is not None, f"{template!r} did not match {text!r}"
    return {k: converters.get(k, lambda v: v)(v) for k, v in found.items()}


def test_id_number_with_full_width_quotes_and_lower_x():
    got = match('我用身份证号"{number:身份证号}"注册', "我用身份证号“11010519491231002x”注册")
    assert got["number"] == "11010519491231002X" and isinstance(got["number"], params.IdNumber)


def test_full_width_digits_and_colon():
    got = match("手机号:{phone:手机号}", "手机号：１３８００１３８０００")
    assert got["phone"] == "13800138000"


def test_credit_code_validity():
    good = identity.new_credit_code(__import__("random").Random(1))
    assert match("信用代码{code:统一社会信用代码}", f"信用代码{good}")["code"].valid
    bad = identity.with_wrong_check(good, "0123456789ABCDEFGHJKLMNPQRTUWXY")
    assert not match("信用代码{code:统一社会信用代码}", f"信用代码{bad}")["code"].valid


def test_a_phone_number_is_not_an_id_number():
    parser, _ = params.typed("身份证号{n:身份证号}")
    assert parser.parse_arguments("身份证号13800138000") is None


@pytest.mark.parametrize("text,expected", [
    ("2026-12-01", dt.date(2026, 12, 1)), ("2026年12月1日", dt.date(2026, 12, 1)), ("今天", TODAY),
    ("明天", dt.date(2026, 11, 28)), ("今天起30天后", dt.date(2026, 12, 27)), ("30天前", dt.date(2026, 10, 28)),
    ("２０２６－１２－０１", dt.date(2026, 12, 1)),
])
def test_dates(text, expected):
    assert params.parse_date(text, TODAY) == expected


def test_unknown_date_says_what_is_accepted():
    with pytest.raises(ValueError, match="今天起30天后"):
        params.parse_date("下个月", TODAY)


def test_date_field_in_a_quoted_step():
    got = match('有效期至"{until:日期}"', "有效期至“今天起30天后”")
    assert got["until"] > dt.date(2026, 1, 1)


def test_described_values_are_fresh_and_typed():
    first = match("我填写{value:数据描述}", "我填写一个未注册的身份证号")["value"]
    second = match("我填写{value:数据描述}", "我填写一个未注册的身份证号")["value"]
    assert first != second and first.valid
    assert not match("我填写{value:数据描述}", "我填写一个校验位错误的身份证号")["value"].valid


def test_unknown_type_is_refused():
    with pytest.raises(ValueError, match="未知的参数类型"):
        params.typed("{x:车牌号}")
