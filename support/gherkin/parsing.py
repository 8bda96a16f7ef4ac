"""Step-text patterns, the suite's one mechanism for step parameters (pytest-bdd parsers).

``phrase('页面提示错误"{text}"')`` gives a pytest-bdd parser (a ``parsers.re``) that accepts what a
writer's input method produces: "…" or “…” quotes, : or ： colons, ， or , commas.

- ``"{text}"``: any text between quotes. Only for what is compared literally with the page (expected
  messages) or typed into a field (names, passwords).
- ``{name}``: a bare run of non-space characters, same rule.
- ``{name:类型}`` / ``"{name:类型}"``: a typed parameter. Every part of a step that the code interprets
  (an account description, 自然人/法人, an actor, a business system, a number …) is typed: the step
  matches only the type's accepted phrases, so any other phrase leaves the line an undefined step,
  found by ``make dry-run`` / ``make new-scenario`` before a browser starts, with the accepted
  phrases in the message (support/gherkin/step_hints.py) and in docs/steps.md.

Types are named and registered in ``TYPES`` (``param_type``); the common ones are at the end of this
module, each reading its phrases from the registry the code uses (``PERSONAS`` for 账号描述 …), so
the accepted phrases cannot drift from what the step bodies know. A domain registers its own next to
the mapping its steps use::

    UPLOAD_SLOTS = {"上传自然人信息": …}
    param_type("上传入口", lambda: UPLOAD_SLOTS, origin="steps/realname.py UPLOAD_SLOTS")

    @when(phrase('我点击"{action:上传入口}"上传证件扫描件并提交审核'))

Types are looked up and the regular expression is built when the step is first matched (and again if a
type's phrases changed), so a type or a registry filled by a module imported later (``@persona`` in
steps/torch.py) is complete; ``make steps`` / ``make dry-run`` fail on a type nobody registered.
Who registered what: docs/steps.md lists every type with the module that called ``param_type``
(``ParamType.registered_in``) and every 账号描述 with the module of its ``@persona``; the root conftest
loads every step module, so every registration is in place before the first step is matched.
The parser's ``name`` (pytest-bdd's key) is the template itself.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pytest_bdd import parsers

_TOKEN = re.compile(r'"\{(\w+)(?::(\w+))?\}"|\{(\w+)(?::(\w+))?\}|[:：]|[，,]')
_LOOSE = r".+?"


@dataclass
class ParamType:
    """A named parameter type: either an enumeration of accepted phrases or an open pattern."""

    name: str
    phrases: Callable[[], Iterable[str]] | None = None  # enumerated: the accepted phrases
    pattern: str | None = None  # open types (numbers): the regular expression of a value
    convert: Callable[[str], object] | None = None  # value handed to the step function
    hint: str = ""  # what to write, for open types ("阿拉伯数字，如 5")
    origin: str = ""  # where the phrases come from, for docs/steps.md
    registered_in: str = ""  # the module that called param_type (e.g. steps/torch.py), for docs/steps.md

    def accepted(self) -> tuple[str, ...]:
        return tuple(self.phrases()) if self.phrases else ()

    def regex(self) -> str:
        if self.phrases is None:
            return self.pattern or r"\S+?"
        # longest first: 另一单位的法人 before 法人
        return "|".join(re.escape(p) for p in sorted(self.accepted(), key=len, reverse=True))

    def accepts(self, value: str) -> bool:
        if self.phrases is not None:
            return value in self.accepted()
        return re.fullmatch(self.pattern or r"\S+?", value) is not None

    def describe(self) -> str:
        """The accepted phrases (or the hint), for messages and the catalog."""
        return "、".join(self.accepted()) if self.phrases is not None else self.hint


TYPES: dict[str, ParamType] = {}


def param_type(
    name: str,
    phrases: Callable[[], Iterable[str]] | Iterable[str] | None = None,
    *,
    pattern: str | None = None,
    convert: Callable[[str], object] | None = None,
    hint: str = "",
    origin: str = "",
) -> ParamType:
    """Register (or replace) the type ``name``: ``phrases`` (a callable read at match time, or a list)
    for an enumeration, else ``pattern`` for an open type."""
    source = phrases if callable(phrases) or phrases is None else (lambda fixed=tuple(phrases): fixed)
    caller = sys._getframe(1).f_globals.get("__name__", "")
    TYPES[name] = ParamType(name, source, pattern, convert, hint, origin, caller.replace(".", "/") + ".py")
    return TYPES[name]


@dataclass
class Field:
    name: str
    type_name: str | None
    quoted: bool

    @property
    def type(self) -> ParamType | None:
        """Looked up when used, so a step module may use a type another module registers."""
        if self.type_name is None:
            return None
        if self.type_name not in TYPES:
            raise ValueError(f"未知的参数类型 {self.type_name}，可用：{'、'.join(TYPES)}")
        return TYPES[self.type_name]


@dataclass
class _Piece:
    literal: str = ""
    field: Field | None = None
    colon: bool = False
    comma: bool = False


class Phrase(parsers.re):
    """A ``parsers.re`` built from a template; typed fields match only their type's phrases."""

    def __init__(self, template: str) -> None:
        parsers.StepParser.__init__(self, template)  # name: the template (pytest-bdd's fixture key)
        self.template = template
        self.pieces: list[_Piece] = []
        self.fields: dict[str, Field] = {}
        pos = 0
        for match in _TOKEN.finditer(template):
            if match.start() > pos:
                self.pieces.append(_Piece(literal=template[pos : match.start()]))
            pos = match.end()
            token = match.group(0)
            if token in (":", "："):
                self.pieces.append(_Piece(colon=True))
                continue
            if token in ("，", ","):
                self.pieces.append(_Piece(comma=True))
                continue
            quoted = match.group(1) is not None
            name, kind = (match.group(1), match.group(2)) if quoted else (match.group(3), match.group(4))
            self.fields[name] = Field(name, kind, quoted)
            self.pieces.append(_Piece(field=self.fields[name]))
        if pos < len(template):
            self.pieces.append(_Piece(literal=template[pos:]))
        self._key: tuple | None = None
        self._regex: re.Pattern | None = None

    # -- the regular expression, built at first use ------------------------------------------------
    def _build(self, loose: bool = False) -> str:
        out = []
        for piece in self.pieces:
            if piece.colon:
                out.append("[:：]")
            elif piece.comma:
                out.append("[，,]")
            elif piece.field is None:
                out.append(re.escape(piece.literal))
            else:
                f = piece.field
                if f.type is not None:
                    body = _LOOSE if loose else f.type.regex()
                else:
                    body = '[^"”]*' if f.quoted else r"\S+?"
                group = f"(?P<{f.name}>{body})"
                out.append(f'["“]{group}["”]' if f.quoted else group)
        return "".join(out) + "$"

    @property
    def regex(self) -> re.Pattern:  # type: ignore[override]
        key = tuple(f.type.accepted() for f in self.fields.values() if f.type is not None)
        if self._regex is None or key != self._key:
            self._regex, self._key = re.compile(self._build()), key
        return self._regex

    def loose_regex(self) -> re.Pattern:
        """The same pattern with every typed field open to any text (for 'why does it not match')."""
        return re.compile(self._build(loose=True))

    def is_matching(self, name: str) -> bool:
        """The regex matches the whole text from its start, so a template that begins with plain words
        matches only texts that begin with them: a cheap refusal of most of the ~120 definitions of a
        step's kind before the (rebuilt-on-demand) regex (support/gherkin/step_lookup.py)."""
        first = self.pieces[0] if self.pieces else None
        if first is not None and first.literal and not name.startswith(first.literal):
            return False
        return super().is_matching(name)

    def typed_fields(self) -> dict[str, ParamType]:
        return {name: f.type for name, f in self.fields.items() if f.type is not None}

    def parse_arguments(self, name: str):
        match = self.regex.fullmatch(name)
        if match is None:
            return None
        values = match.groupdict()
        for key, f in self.fields.items():
            if f.type is not None and f.type.convert is not None:
                values[key] = f.type.convert(values[key])
        return values

    def written(self) -> str:
        """The text a writer types: the template with plain quotes and colons."""
        return self.template

    def __repr__(self) -> str:
        return f"phrase({self.template!r})"


def phrase(template: str) -> Phrase:
    return Phrase(template)


# ------------------------------------------------------------------ common types --
def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _personas() -> list[str]:
    from support.data.personas import PERSONAS

    return sorted(PERSONAS)


def _login_types() -> list[str]:
    from pages.login_page import LOGIN_TYPES

    return list(LOGIN_TYPES)


def _actors() -> list[str]:
    from support.data.actors import WHO

    return WHO.split("|")


def _browsers() -> list[str]:
    from support.browsers.browser_identities import LABELS

    return list(LABELS)


def _faq_ids() -> list[str]:
    from support.gherkin import faq_catalog

    return list(faq_catalog.entries())


def _hgr() -> list[str]:
    from support.seeding.business import HGR

    return [HGR]


def _vocabulary(name: str) -> Callable[[], list[str]]:
    def read() -> list[str]:
        from support.gherkin import vocabulary

        return list(getattr(vocabulary, name))

    return read


param_type("账号描述", _personas, origin="support/data/personas.py 的 PERSONAS（各模块用 @persona 登记）")
param_type("用户类型", _login_types, origin="pages/login_page.py 的 LOGIN_TYPES")
param_type("参与者", _actors, origin="support/data/actors.py 的 WHO")
param_type("浏览器", _browsers, origin="support/browsers/browser_identities.py 的 LABELS")
param_type("FAQ编号", _faq_ids, origin="docs/faq_catalog.yaml")
param_type("业务系统", _vocabulary("BUSINESS_SYSTEMS"), origin="support/gherkin/vocabulary.py 的 BUSINESS_SYSTEMS")
param_type("授权角色", _vocabulary("GRANT_ROLES"), origin="support/gherkin/vocabulary.py 的 GRANT_ROLES")
param_type("人遗系统", _hgr, origin="support/seeding/business.py 的 HGR（只用于人类遗传资源管理的步骤）")
param_type("导航栏目", _vocabulary("NAV_MENUS"), origin="support/gherkin/vocabulary.py 的 NAV_MENUS")
param_type(
    "整数", pattern="[0-9０-９]+", convert=lambda text: int(_nfkc(text)), hint="阿拉伯数字，如 5（全角数字也可以）"
)
param_type(
    "数",
    pattern="[0-9０-９]+(?:[.．][0-9０-９]+)?",
    convert=lambda text: float(_nfkc(text)),
    hint="阿拉伯数字，可带小数，如 31 或 1.5",
)
