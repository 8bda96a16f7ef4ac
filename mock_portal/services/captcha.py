"""The login page's image captcha: 4 characters drawn as a distorted SVG, single-use."""
from __future__ import annotations

import random
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXY3456789"


def new_answer(fixed: str | None = None) -> str:
    """A fresh answer; a staging-style portal (--staging-captcha) always asks for the same code."""
    return fixed or "".join(secrets.choice(ALPHABET) for _ in range(4))


def matches(expected: str | None, typed: str) -> bool:
    # Bytes: compare_digest refuses non-ASCII str, and a typed captcha may be anything.
    return bool(expected) and secrets.compare_digest(expected.upper().encode(), (typed or "").strip().upper().encode())


def svg(answer: str) -> str:
    rnd = random.Random(answer + secrets.token_hex(2))
    chars = []
    for i, ch in enumerate(answer):
        x, y, rot = 18 + i * 26, 28 + rnd.randint(-4, 4), rnd.randint(-25, 25)
        chars.append(f'<text x="{x}" y="{y}" transform="rotate({rot} {x} {y})">{ch}</text>')
    lines = "".join(
        f'<line x1="{rnd.randint(0, 120)}" y1="{rnd.randint(0, 40)}" x2="{rnd.randint(0, 120)}" '
        f'y2="{rnd.randint(0, 40)}" stroke="#6b7c93" stroke-width="1"/>' for _ in range(5))
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
            '<rect width="120" height="40" fill="#eef2f7"/>'
            f'<g font-family="monospace" font-size="24" font-weight="bold" fill="#1b2a41">{"".join(chars)}</g>'
            f'{lines}</svg>')
