"""Chinese identifiers with their published check digits (the suite's own implementation).

居民身份证号码 GB 11643-1999 and 统一社会信用代码 GB 32100-2015, used to generate valid test data
and deliberately invalid variants."""

from __future__ import annotations

import datetime as dt
import random

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
AREAS = ("110105", "110108", "310104", "440305", "330106", "420111", "510107", "610113")


def id_check_char(first17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=False)) % 11]


def is_valid_id_number(value: str) -> bool:
    if len(value) != 18 or not value[:17].isdigit():
        return False
    try:
        dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    return value[17].upper() == id_check_char(value[:17])


def new_id_number(rng: random.Random, birth: dt.date | None = None) -> str:
    birth = birth or dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(0, 40 * 365))
    first17 = f"{rng.choice(AREAS)}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    return first17 + id_check_char(first17)


def credit_check_char(first17: str) -> str:
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS, strict=False))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def is_valid_credit_code(value: str) -> bool:
    if len(value) != 18 or any(c not in CREDIT_ALPHABET for c in value):
        return False
    return value[17] == credit_check_char(value[:17])


def new_credit_code(rng: random.Random) -> str:
    body = "91" + rng.choice(AREAS) + "".join(rng.choice(CREDIT_ALPHABET) for _ in range(9))
    return body + credit_check_char(body)


def with_wrong_check(value: str, alphabet: str) -> str:
    """The same number with a different (so wrong) last character."""
    last = value[-1]
    return value[:-1] + next(c for c in alphabet if c != last)
