"""Step-text patterns that accept what a writer's input method produces: "…" or “…” quotes,
and : or ： colons. ``phrase('页面提示错误"{text}"')`` gives a pytest-bdd parser."""
from __future__ import annotations

import re

from pytest_bdd import parsers

_QUOTED = re.compile(r'"\{(\w+)\}"')
_BARE = re.compile(r"\{(\w+)\}")


def phrase(template: str):
    """Quoted fields match any text between ASCII or full-width quotes; bare fields match a
    run of non-space characters; colons match either width."""
    pattern = ""
    pos = 0
    for match in re.finditer(r'"\{\w+\}"|\{\w+\}|[:：]', template):
        pattern += re.escape(template[pos:match.start()])
        token = match.group(0)
        if token in (":", "："):
            pattern += "[:：]"
        elif token.startswith('"'):
            pattern += f'["“](?P<{_QUOTED.match(token).group(1)}>[^"”]*)["”]'
        else:
            pattern += f"(?P<{_BARE.match(token).group(1)}>\\S+?)"
        pos = match.end()
    pattern += re.escape(template[pos:])
    return parsers.re(pattern + "$")
