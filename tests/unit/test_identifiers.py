"""The portal's 身份证号 and 统一社会信用代码 validators against the shared test vectors."""

import pytest

from mock_portal.services.identifiers import is_valid_credit_code, is_valid_id_number, normalize


@pytest.mark.parametrize("value", ["11010519491231002X", "440524188001010014", "11010119900307803X"])
def test_valid_id_numbers(value):
    assert is_valid_id_number(value)


@pytest.mark.parametrize(
    "value",
    ["110105194912310021", "11010519491231002", "11010519491331002X", "", "1101051949123100XX", "abcdefghijklmnopqr"],
)
def test_invalid_id_numbers(value):
    assert not is_valid_id_number(value)


@pytest.mark.parametrize("value", ["91350100M000100Y43", "91110000600037341L", "911100001000028938"])
def test_valid_credit_codes(value):
    assert is_valid_credit_code(value)


@pytest.mark.parametrize("value", ["91350100M000100Y42", "91350100M000100I43", "", "9135010"])
def test_invalid_credit_codes(value):
    assert not is_valid_credit_code(value)


def test_full_width_spaces_and_lowercase_x_are_normalized():
    full_width = "１１０１０５ １９４９１２３１００２ｘ"
    assert normalize(full_width) == "11010519491231002X"
    assert is_valid_id_number(full_width)
    assert is_valid_id_number("11010519491231002x")
    assert is_valid_credit_code(" ９１３５０１００ｍ０００１００ｙ４３ ")
