"""Turns a step's regular expression back into the text a writer types, for docs/steps.md:
``法人已授权该自然人["“](?P<system>[^"”]*)["”]的…$`` → ``法人已授权该自然人"{system}"的…``.
Fields whose converter has a name show it as a type: ``{number:身份证号}`` (steps built with
support.gherkin.parsing.phrase are shown from their template instead)."""

from __future__ import annotations

_QUOTE_OPEN = '["“]'
_QUOTE_CLOSE = '["”]'


def _group_end(pattern: str, start: int) -> int:
    """Index just past the ')' closing the group opened at pattern[start] == '('."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(pattern)


def readable(pattern: str, converters: dict | None = None) -> str:
    converters = converters or {}
    out, i = [], 0
    text = pattern[:-1] if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
    text = text[1:] if text.startswith("^") else text
    while i < len(text):
        if text.startswith(_QUOTE_OPEN + "(?P<", i) or text.startswith("(?P<", i):
            quoted = text.startswith(_QUOTE_OPEN, i)
            open_at = i + len(_QUOTE_OPEN) if quoted else i
            end = _group_end(text, open_at)
            name = text[open_at + 4 : text.index(">", open_at)]
            kind = getattr(converters.get(name), "__name__", "")
            field = f"{{{name}:{kind}}}" if kind and not kind.startswith(("<", "_")) and kind != name else f"{{{name}}}"
            if quoted and text.startswith(_QUOTE_CLOSE, end):
                out.append(f'"{field}"')
                i = end + len(_QUOTE_CLOSE)
            else:
                out.append(field)
                i = end
        elif text.startswith("[:：]", i):
            out.append("：")
            i += len("[:：]")
        elif text.startswith("[，,]", i):
            out.append("，")
            i += len("[，,]")
        elif text[i] == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)
