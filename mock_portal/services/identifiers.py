"""The portal's own validators for 居民身份证号码 (GB 11643-1999) and 统一社会信用代码 (GB 32100-2015).

Normalization (the same everywhere: registration, 我的信息, 检索, uniqueness checks):
  1. Unicode NFKC, so full-width digits and letters (１１０…, Ｘ) become their ASCII forms;
  2. every kind of white space is removed (ASCII, full-width U+3000, tabs);
  3. letters are upper-cased (a trailing lowercase x of an ID number becomes X).
The normalized form is what is validated, stored and compared, so "１１０１０５１９４９１２３１００２ｘ"
and "11010519491231002X" are the same, already-registered number.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_SPACE = re.compile(r"\s+")


def normalize(value: str | None) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", value or "")).upper()


def is_valid_id_number(value: str | None) -> bool:
    v = normalize(value)
    if len(v) != 18 or not v[:17].isascii() or not v[:17].isdigit():
        return False
    try:
        dt.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        return False
    check = ID_CHECK[sum(int(c) * w for c, w in zip(v[:17], ID_WEIGHTS, strict=False)) % 11]
    return v[17] == check


def is_valid_credit_code(value: str | None) -> bool:
    v = normalize(value)
    if len(v) != 18 or any(c not in CREDIT_ALPHABET for c in v):
        return False
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(v[:17], CREDIT_WEIGHTS, strict=False))
    return v[17] == CREDIT_ALPHABET[(31 - total % 31) % 31]


def is_valid_phone(value: str | None) -> bool:
    return bool(re.fullmatch(r"1[3-9]\d{9}", normalize(value)))
