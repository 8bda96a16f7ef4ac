"""The login page's image captcha: 4 characters drawn into a noisy PNG, single-use.

The answer is only in the pixels (ASVS V2.2 anti-automation): no text, alt text, SVG <text> or file
name carries it, so a program reading the page's markup or the image's bytes as text learns nothing.
The test API's read-captcha and the staging fixed captcha (--staging-captcha) are unchanged.

`serve --captcha-outbox FILE` (log_issued): like a staging portal's captcha log, every answer issued is
appended to FILE with the SHA-256 of the session cookie it belongs to, so a QA team's reader
(tools/captcha_sink_read.py) finds the answer of its own browser from the cookie that browser holds.
The page's markup still carries no answer; the log is a file on the portal's side, not the test API."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import secrets
import struct
import threading
import zlib
from pathlib import Path

from sqlalchemy import event

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXY3456789"
WIDTH, HEIGHT = 120, 40
# A 5x7 bitmap font, one string of 7 rows of 5 cells per character.
_FONT = {
    "A": "01110100011000111111100011000110001",
    "B": "11110100011000111110100011000111110",
    "C": "01110100011000010000100001000101110",
    "D": "11100100101000110001100011001011100",
    "E": "11111100001000011110100001000011111",
    "F": "11111100001000011110100001000010000",
    "G": "01110100011000010111100011000101111",
    "H": "10001100011000111111100011000110001",
    "J": "00111000100001000010000101001001100",
    "K": "10001100101010011000101001001010001",
    "M": "10001110111010110101100011000110001",
    "N": "10001110011010110011100011000110001",
    "P": "11110100011000111110100001000010000",
    "Q": "01110100011000110001101011001001101",
    "R": "11110100011000111110101001001010001",
    "S": "01111100001000001110000010000111110",
    "T": "11111001000010000100001000010000100",
    "U": "10001100011000110001100011000101110",
    "V": "10001100011000110001100010101000100",
    "W": "10001100011000110101101011010101010",
    "X": "10001100010101000100010101000110001",
    "Y": "10001100010101000100001000010000100",
    "3": "11111000100010000010000011000101110",
    "4": "00010001100101010010111110001000010",
    "5": "11111100001111000001000011000101110",
    "6": "00110010001000011110100011000101110",
    "7": "11111000010001000100010000100001000",
    "8": "01110100011000101110100011000101110",
    "9": "01110100011000101111000010001001100",
}


def new_answer(fixed: str | None = None) -> str:
    """A fresh answer; a staging-style portal (--staging-captcha) always asks for the same code."""
    return fixed or "".join(secrets.choice(ALPHABET) for _ in range(4))


def session_key(session_id: str) -> str:
    """How the captcha log names a browser: the SHA-256 (hex) of its session cookie's value. The reader
    computes the same from the cookie its browser holds; the log never carries a usable session id."""
    return hashlib.sha256(session_id.encode()).hexdigest()


_LOG_LOCK = threading.Lock()


def log_when_committed(db, path: Path, session_id: str, answer: str, now: dt.datetime) -> None:
    """Logs the answer when `db` (the request's session) commits it: an answer rolled back was never issued."""
    event.listen(db, "after_commit", lambda _session: log_issued(path, session_id, answer, now), once=True)


def log_issued(path: Path, session_id: str, answer: str, now: dt.datetime) -> None:
    """Appends {"session": session_key, "answer", "time"} as one line (one write, so lines never mix)."""
    line = json.dumps({"session": session_key(session_id), "answer": answer, "time": now.isoformat()}) + "\n"
    path = Path(path)
    with _LOG_LOCK:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
        finally:
            os.close(fd)


def matches(expected: str | None, typed: str) -> bool:
    # Bytes: compare_digest refuses non-ASCII str, and a typed captcha may be anything.
    return bool(expected) and secrets.compare_digest(expected.upper().encode(), (typed or "").strip().upper().encode())


def _pixels(answer: str) -> list[bytearray]:
    rnd = random.Random(secrets.randbits(64))
    rows = [bytearray(rnd.randint(215, 245) for _ in range(WIDTH)) for _ in range(HEIGHT)]
    for i, ch in enumerate(answer.upper()):
        glyph = _FONT.get(ch)
        if glyph is None:  # a staging answer outside the alphabet: drawn as a block
            glyph = "1" * 35
        scale = rnd.choice((3, 4))
        x0, y0 = 8 + i * 27 + rnd.randint(-2, 3), rnd.randint(3, HEIGHT - 7 * scale - 2)
        shear, ink = rnd.uniform(-0.35, 0.35), rnd.randint(20, 80)
        for gy in range(7):
            for gx in range(5):
                if glyph[gy * 5 + gx] != "1":
                    continue
                for dy in range(scale):
                    for dx in range(scale):
                        y = y0 + gy * scale + dy
                        x = x0 + gx * scale + dx + int(shear * (y - y0 - 3.5 * scale))
                        if 0 <= x < WIDTH and 0 <= y < HEIGHT:
                            rows[y][x] = ink
    for _ in range(6):  # crossing lines
        x1, y1, x2, y2 = rnd.randint(0, WIDTH), rnd.randint(0, HEIGHT), rnd.randint(0, WIDTH), rnd.randint(0, HEIGHT)
        for t in range(0, 200):
            x, y = int(x1 + (x2 - x1) * t / 200), int(y1 + (y2 - y1) * t / 200)
            if 0 <= x < WIDTH and 0 <= y < HEIGHT:
                rows[y][x] = rnd.randint(60, 140)
    for _ in range(260):  # speckles
        rows[rnd.randrange(HEIGHT)][rnd.randrange(WIDTH)] = rnd.randint(40, 200)
    return rows


def png(answer: str) -> bytes:
    """An 8-bit grayscale PNG of `answer`."""
    raw = b"".join(b"\x00" + bytes(row) for row in _pixels(answer))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
