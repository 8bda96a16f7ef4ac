"""Typed step parameters for the portal's data, in the writer's own terms.

``@given(*typed('我用身份证号{number:身份证号}注册'))`` gives pytest-bdd a parser and its converters:
``{name:类型}`` matches that type's text (full-width digits, “”quotes and ：colons accepted, as
``support.parsing.phrase``), and the step function receives the converted value. Types:

- 身份证号 → ``IdNumber`` (str, upper-case X; ``.valid`` tells whether the check digit is right)
- 统一社会信用代码 → ``CreditCode`` (str; ``.valid``)
- 手机号 → str of 11 digits
- 日期 → ``datetime.date``: "2026-12-01", "2026年12月1日", "今天", "明天", "昨天", "今天起30天后", "30天前"
  (relative to today in Asia/Shanghai; steps about the portal clock call ``parse_date(text, today)``)
- 数据描述 → a fresh Faker-made value asked for by description: "一个新的手机号", "一个未注册的身份证号",
  "一个校验位错误的身份证号", "一个新的统一社会信用代码", "一个校验位错误的统一社会信用代码", "一个新的单位名称"
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable
from zoneinfo import ZoneInfo

from pytest_bdd import parsers

from support import factories, identity

DIGIT = "[0-9０-９]"
CREDIT_CHAR = "[0-9０-９A-HJ-NPQRTUWXYａ-ｚＡ-Ｚ]"


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


class IdNumber(str):
    @property
    def valid(self) -> bool:
        return identity.is_valid_id_number(self)


class CreditCode(str):
    @property
    def valid(self) -> bool:
        return identity.is_valid_credit_code(self)


def id_number(text: str) -> IdNumber:
    return IdNumber(_nfkc(text).upper())


def credit_code(text: str) -> CreditCode:
    return CreditCode(_nfkc(text).upper())


def phone(text: str) -> str:
    return _nfkc(text)


_RELATIVE = re.compile(r"^(?:今天起)?(\d+)天(后|前|以后|之后|以前|之前)$")
_NAMED = {"今天": 0, "明天": 1, "昨天": -1, "后天": 2, "前天": -2}


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    """'2026-12-01', '2026/12/1', '2026年12月1日', '今天', '今天起30天后', '30天前' → date."""
    value = _nfkc(text)
    today = today or dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()
    if value in _NAMED:
        return today + dt.timedelta(days=_NAMED[value])
    match = _RELATIVE.match(value)
    if match:
        days = int(match.group(1))
        return today + dt.timedelta(days=days if match.group(2) in ("后", "以后", "之后") else -days)
    match = re.match(r"^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$", value)
    if not match:
        raise ValueError(f"无法识别的日期“{text}”（例如 2026-12-01、今天起30天后）")
    return dt.date(*map(int, match.groups()))


def _wrong_check(value: str, alphabet: str) -> str:
    return identity.with_wrong_check(value, alphabet)


DESCRIBED: dict[str, Callable[[], object]] = {
    "一个新的手机号": factories.new_phone,
    "一个未注册的身份证号": lambda: IdNumber(factories.Person().id_number),
    "一个校验位错误的身份证号": lambda: IdNumber(_wrong_check(factories.Person().id_number, "0123456789X")),
    "一个新的统一社会信用代码": lambda: CreditCode(factories.LegalUnit().credit_code),
    "一个校验位错误的统一社会信用代码": lambda: CreditCode(
        _wrong_check(factories.LegalUnit().credit_code, "0123456789ABCDEFGHJKLMNPQRTUWXY")),
    "一个新的单位名称": lambda: factories.LegalUnit().unit_name,
}


def described(text: str):
    key = _nfkc(text)
    if key not in DESCRIBED:
        raise ValueError(f"不认识的数据描述“{text}”，可用：{'、'.join(DESCRIBED)}")
    return DESCRIBED[key]()


@dataclass(frozen=True)
class ParamType:
    pattern: str
    convert: Callable[[str], object]


id_number.__name__, credit_code.__name__, phone.__name__ = "身份证号", "统一社会信用代码", "手机号"
_date = lambda text: parse_date(text)  # noqa: E731 - named for the step catalog
_date.__name__ = "日期"
described.__name__ = "数据描述"

TYPES: dict[str, ParamType] = {
    "身份证号": ParamType(f"{DIGIT}{{17}}[0-9０-９XxＸｘ]", id_number),
    "统一社会信用代码": ParamType(f"{CREDIT_CHAR}{{18}}", credit_code),
    "手机号": ParamType(f"[1１]{DIGIT}{{10}}", phone),
    "日期": ParamType(r"[^\s\"“”]+?", _date),
    "数据描述": ParamType("|".join(map(re.escape, DESCRIBED)), described),
}
_TOKEN = re.compile(r'"\{(\w+)(?::(\w+))?\}"|\{(\w+)(?::(\w+))?\}|[:：]')


def typed(template: str):
    """(parser, converters) for a step template with ``{name}``/``{name:类型}`` fields, quoted or bare."""
    pattern, converters, pos = "", {}, 0
    for match in _TOKEN.finditer(template):
        pattern += re.escape(template[pos:match.start()])
        pos = match.end()
        if match.group(0) in (":", "："):
            pattern += "[:：]"
            continue
        quoted = match.group(1) is not None
        name, kind = (match.group(1), match.group(2)) if quoted else (match.group(3), match.group(4))
        if kind and kind not in TYPES:
            raise ValueError(f"未知的参数类型 {kind}，可用：{'、'.join(TYPES)}")
        body = TYPES[kind].pattern if kind else ('[^"”]*' if quoted else r"\S+?")
        pattern += f'["“](?P<{name}>{body})["”]' if quoted else f"(?P<{name}>{body})"
        if kind:
            converters[name] = TYPES[kind].convert
    pattern += re.escape(template[pos:])
    return parsers.re(pattern + "$"), converters
