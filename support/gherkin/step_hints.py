"""Nearest-step hints, in Chinese, for a step line no definition matches.

Used twice: by ``python -m tools.step_catalog --missing`` (``make new-scenario`` / ``make dry-run``, before any
browser starts) and, as a pytest plugin, when pytest-bdd fails to find a step at run time
(``pytest_bdd_step_func_lookup_error``): the error then names the feature file, the line and the keyword
as written (而且, not When), the closest existing steps and why each does not match (the differing
characters, or a phrase that is not one of the accepted ones), then a code skeleton.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field

import pytest

from support.gherkin.parsing import ParamType, Phrase

KEYWORD_BY_TYPE = {"given": "假如", "when": "当", "then": "那么"}
_FIELD_MARK = "\ue000"  # one private-use character stands for a parameter in the written form
_QUOTES = str.maketrans({"“": '"', "”": '"', "：": ":", "，": ","})
_GROUP = re.compile(r"\(\?P<(\w+)>")


@dataclass
class Candidate:
    """One step definition as a writer sees it."""

    type: str | None  # given / when / then, None for @step
    written: str  # 我以{kind:用户类型}身份用错误的密码登录
    parser: object
    location: str = ""  # steps/login.py · when_login_wrong_password
    choices: dict[str, ParamType] = field(default_factory=dict)  # typed or enumerated parameters

    @property
    def keyword(self) -> str:
        return KEYWORD_BY_TYPE.get(self.type or "", "假如/当/那么")


@dataclass
class Hint:
    candidate: Candidate
    score: float
    reasons: list[str]


# ----------------------------------------------------------------- candidates --
def enumerated_choices(pattern: str) -> dict[str, list[str]]:
    """{name: [phrase, ...]} for every named group that is a plain alternation of literal phrases."""
    choices = {}
    for match in _GROUP.finditer(pattern):
        body = _group_body(pattern, match.end())
        if body is None:
            continue
        options = body.split("|")
        if len(options) > 1 and all(option and not re.search(r"[\\\[\](){}.*+?^$]", option) for option in options):
            choices[match.group(1)] = options
    return choices


def _group_body(pattern: str, start: int) -> str | None:
    depth, i = 1, start
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "(":
            depth += 1
        elif pattern[i] == ")":
            depth -= 1
            if depth == 0:
                return pattern[start:i]
        i += 1
    return None


def written_form(context) -> str:
    """The text a writer types for a step definition: fields as {name} or {name:类型}, quotes and
    colons plain."""
    from pytest_bdd import parsers

    parser = context.parser
    if isinstance(parser, Phrase):
        return parser.written()
    if isinstance(parser, parsers.re):
        from tools.step_text import readable

        return readable(parser.name, context.converters)
    return parser.name


def choices_of(parser) -> dict[str, ParamType]:
    """{parameter: its type} for the typed fields of a phrase(), or the plain alternations of a regex."""
    from pytest_bdd import parsers

    if isinstance(parser, Phrase):
        return parser.typed_fields()
    if isinstance(parser, parsers.re):
        return {
            name: ParamType("", lambda options=tuple(options): options)
            for name, options in enumerated_choices(parser.name).items()
        }
    return {}


def candidate_of(context, location: str = "") -> Candidate:
    return Candidate(context.type, written_form(context), context.parser, location, choices_of(context.parser))


def registered_candidates() -> list[Candidate]:
    """Every step definition pytest-bdd knows in this process."""
    from pytest_bdd.steps import step_function_context_registry

    out = []
    for context in list(step_function_context_registry.values()):
        func = context.step_func
        module = getattr(func, "__module__", "") or ""
        location = f"{module.replace('.', '/')}.py · {getattr(func, '__name__', '')}"
        out.append(candidate_of(context, location))
    return out


# ------------------------------------------------------------------ matching --
def _plain(text: str) -> str:
    return text.translate(_QUOTES)


def _marked(written: str) -> tuple[str, list[str]]:
    """('我以\ue000身份…', ['kind']): each {field} of the written form becomes one mark character."""
    names = []

    def mark(match: re.Match) -> str:
        names.append(match.group(1).split(":")[0])
        return _FIELD_MARK

    return re.sub(r"\{([^{}]+)\}", mark, _plain(written)), names


def similarity(text: str, candidate: Candidate) -> float:
    """How close a step line is to a definition: the share of the definition's literal characters
    found in order in the line, lowered by the line's characters that no literal or field explains."""
    marked, names = _marked(candidate.written)
    literal = marked.replace(_FIELD_MARK, "")
    text = _plain(text)
    matcher = difflib.SequenceMatcher(None, text, literal, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    extra = max(0, len(text) - same - 12 * len(names))  # a parameter may take about 12 characters
    return 2 * same / (len(literal) + same + extra or 1)


def field_label(name: str, kind: ParamType) -> str:
    return f"{{{name}:{kind.name}}}" if kind.name else f"{{{name}}}"


def reasons(text: str, candidate: Candidate) -> list[str]:
    """Why the line does not match the definition, in Chinese."""
    out = []
    loose = _loose_regex(candidate)
    if loose is not None:
        match = loose.fullmatch(text) or loose.fullmatch(_plain(text))
        if match:
            for name, kind in candidate.choices.items():
                value = match.group(name)
                if value is not None and not kind.accepts(value):
                    wanted = "可写" if kind.accepted() else "应为"
                    out.append(f"“{value}”不是 {field_label(name, kind)} 可接受的写法，{wanted}：{kind.describe()}")
            if out:
                return out
    marked, names = _marked(candidate.written)
    plain = _plain(text)
    matcher = difflib.SequenceMatcher(None, plain, marked, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        said, wanted = plain[i1:i2], marked[j1:j2]
        if tag == "insert" and _FIELD_MARK in wanted and wanted.strip(_FIELD_MARK):
            first = marked[:j1].count(_FIELD_MARK)
            shown = _named_fields(wanted, names[first:])
            out.append(f"少了“{shown}”（在第 {i1 + 1} 个字处）")
            continue
        if tag == "equal" or _FIELD_MARK in wanted:
            continue  # a parameter takes whatever the line has there
        if tag == "delete":
            out.append(f"多了“{said}”（第 {i1 + 1} 个字起）")
        elif tag == "insert":
            out.append(f"少了“{wanted}”（在第 {i1 + 1} 个字处）")
        else:
            out.append(f"“{said}”应为“{wanted}”（第 {i1 + 1} 个字起）")
    if not out:
        out.append("文字相同，但参数的写法不被接受（见 docs/steps.md 中该步骤的参数说明）")
    return out


def _loose_regex(candidate: Candidate):
    """The definition's regular expression with each typed or enumerated group opened to any text."""
    if isinstance(candidate.parser, Phrase):
        return candidate.parser.loose_regex() if candidate.choices else None
    pattern = getattr(getattr(candidate.parser, "regex", None), "pattern", None)
    if not pattern or not candidate.choices:
        return None
    for name, kind in candidate.choices.items():
        pattern = pattern.replace(f"(?P<{name}>{'|'.join(kind.accepted())})", f"(?P<{name}>.+?)")
    try:
        return re.compile(
            _plain(pattern.replace("[:：]", ":").replace('["“]', '"').replace('["”]', '"').replace('[^"”]', '[^"]'))
        )
    except re.error:
        return None


def nearest(
    text: str, step_type: str | None, candidates: list[Candidate], limit: int = 3, threshold: float = 0.6
) -> list[Hint]:
    """The closest definitions to a step line (same keyword type first), best first."""
    scored, exact = [], []
    for candidate in candidates:
        if candidate.parser.is_matching(text):
            if candidate.type not in (None, step_type):
                exact.append(candidate)  # the right words under another keyword
            continue
        score = similarity(text, candidate)
        if candidate.type not in (None, step_type):
            score -= 0.15  # a 那么 check is a poorer hint for a 当 line
        if score >= threshold:
            scored.append((score, candidate))
    scored.sort(key=lambda pair: (-pair[0], pair[1].written))
    seen, hints = set(), []
    for candidate in exact:
        seen.add((candidate.type, candidate.written))
        wanted = KEYWORD_BY_TYPE.get(step_type, step_type)
        hints.append(
            Hint(
                candidate,
                1.0,
                [
                    f"文字相符，但这是“{candidate.keyword}”步骤，这一行按“{wanted}”查找（“而且”“但是”沿用上一个关键字）："
                    f"改用“{candidate.keyword}”开头"
                ],
            )
        )
    for score, candidate in scored:
        if len(hints) >= limit:
            break
        if (candidate.type, candidate.written) in seen:
            continue
        seen.add((candidate.type, candidate.written))
        why = reasons(text, candidate)
        if candidate.type not in (None, step_type):
            why.append(f"另外这是“{candidate.keyword}”步骤，这一行按“{KEYWORD_BY_TYPE.get(step_type, step_type)}”查找")
        hints.append(Hint(candidate, score, why))
    return hints


def describe(hints: list[Hint], indent: str = "    ") -> list[str]:
    """Chinese lines listing the nearest steps and why each does not match."""
    if not hints:
        return [f"{indent}没有相近的已有步骤（可在 docs/steps.md 中按关键字查找）"]
    lines = [f"{indent}最接近的已有步骤："]
    for number, hint in enumerate(hints, 1):
        where = f"（{hint.candidate.location}）" if hint.candidate.location else ""
        lines.append(f"{indent}  {number}. {hint.candidate.keyword} {hint.candidate.written}{where}")
        lines += [f"{indent}     不匹配：{reason}" for reason in hint.reasons]
    return lines


# ------------------------------------------------------------- pytest plugin --
def missing_step_message(
    path: str, line: int, keyword: str, text: str, step_type: str, candidates: list[Candidate]
) -> str:
    hints = nearest(text, step_type, candidates)
    looked_up = KEYWORD_BY_TYPE.get(step_type, step_type)
    lines = [
        f"{path}:{line} {keyword} {text}",
        "找不到这个步骤的定义。"
        if keyword == looked_up
        else f"找不到这个步骤的定义（关键字“{keyword}”在这里按“{looked_up}”查找）。",
    ]
    lines += describe(hints)
    lines += ["", "改用上面已有步骤的写法（首选），或把下面的骨架交给开发同事实现（steps/<领域>.py）："]
    lines += skeleton_lines(text, step_type)
    return "\n".join(lines)


def skeleton_lines(text: str, step_type: str) -> list[str]:
    params = []

    def quoted(match: re.Match) -> str:
        params.append(f"text_{len(params) + 1}")
        return f'"{{{params[-1]}}}"'

    pattern = re.sub(r'["“][^"”]*["”]', quoted, text)
    target = f"phrase({pattern!r})" if params else repr(pattern)
    return [
        f"    @{step_type}({target})",
        f"    def todo_step({', '.join(params)}):",
        f"        raise NotImplementedError({text!r})",
    ]


def feature_path(config, filename: str) -> str:
    try:
        return os.path.relpath(filename, str(config.rootpath))
    except ValueError:
        return filename


class MissingStep(Exception):
    """A step line without a definition, told in Chinese (the original pytest-bdd error is its cause)."""


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_step_func_lookup_error(request, feature, scenario, step, exception):
    message = missing_step_message(
        feature_path(request.config, feature.filename),
        step.line_number,
        step.keyword.strip(),
        step.name,
        step.type,
        registered_candidates(),
    )
    exception.args = (message,)
    request.node.stash[MISSING_STEP] = message


MISSING_STEP = pytest.StashKey[str]()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    message = item.stash.get(MISSING_STEP, None)
    if message and report.when == "call" and report.failed:
        report.longrepr = message  # the Python traceback inside pytest-bdd helps nobody here


def _named_fields(text: str, names: list[str]) -> str:
    """Each field mark of ``text`` replaced by the next parameter name, as ``{名称}``."""
    rest = iter(names)
    return re.sub(_FIELD_MARK, lambda _m: f"{{{next(rest)}}}", text)
