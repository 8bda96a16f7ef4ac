"""Secrets a run has seen (seeded passwords, ID numbers, phone numbers, SMS codes, staging
credentials) and their removal from everything a report keeps: result texts, text attachments and
Playwright trace archives (a trace records every fill() value, the DOM snapshots' input values and
the login form's POST body).

Values are registered where they are made or read (support/data/factories, personas, sms_outbox,
staging); ``redact_text`` / ``redact_zip`` replace each of them, in every spelling a browser or a
log would give it (raw, URL-encoded, JSON-escaped, HTML-escaped), by MASK."""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import quote, quote_plus

MASK = "〔已隐去〕"
# Shorter values (a 4-digit captcha, a 2-digit number) would mask ordinary text; SMS codes are 6 digits.
MIN_LENGTH = 6
_SECRETS: set[str] = set()
_PATTERN: re.Pattern | None = None


def register(*values: object) -> None:
    global _PATTERN
    for value in values:
        if isinstance(value, str) and len(value) >= MIN_LENGTH and value not in _SECRETS:
            _SECRETS.add(value)
            _PATTERN = None


def known() -> frozenset[str]:
    return frozenset(_SECRETS)


def isolated(monkeypatch) -> None:
    """Unit tests: an empty registry for this test only (pytest's monkeypatch puts the run's back after it:
    other tests of the same worker rely on the secrets their scenarios registered)."""
    monkeypatch.setattr(sys.modules[__name__], "_SECRETS", set())
    monkeypatch.setattr(sys.modules[__name__], "_PATTERN", None)


def spellings(value: str) -> set[str]:
    return {
        value,
        quote(value, safe=""),
        quote_plus(value),
        json.dumps(value, ensure_ascii=False)[1:-1],
        json.dumps(value)[1:-1],
        html.escape(value, quote=True),
    }


def _pattern(values) -> re.Pattern | None:
    forms = sorted({form for value in values for form in spellings(value)}, key=len, reverse=True)
    if not forms:
        return None
    # Not inside a longer word or number: a 6-digit SMS code must not eat part of a timestamp.
    return re.compile(r"(?<![0-9A-Za-z])(?:" + "|".join(map(re.escape, forms)) + r")(?![0-9A-Za-z])")


def redact_text(text: str, values=None) -> str:
    global _PATTERN
    if values is not None:
        pattern = _pattern(values)
    else:
        if _PATTERN is None:
            _PATTERN = _pattern(_SECRETS)
        pattern = _PATTERN
    return pattern.sub(MASK, text) if pattern and text else text


def redact_zip(path: Path, values=None) -> int:
    """Rewrite a trace archive with every text member redacted; returns how many members changed.
    Binary members (screenshots, fonts) are copied: a password field shows dots there anyway.
    Also drops screencast frames identical to their page's previous frame (Firefox sends the same
    frame every ~300 ms while a page waits: megabytes of repeats per failure), with their events."""
    path = Path(path)
    changed = 0
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".zip", delete=False) as tmp:
        tmp_path = Path(tmp.name)
    try:
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(tmp_path, "w", zipfile.ZIP_DEFLATED) as target:
            members = {info.filename: info for info in source.infolist()}
            repeated = _repeated_frames(source, members)
            for info in members.values():
                if info.filename in repeated:
                    continue
                data = source.read(info.filename)
                if info.filename.endswith((".jpeg", ".jpg", ".png", ".webp", ".woff", ".woff2")):
                    target.writestr(info.filename, data, zipfile.ZIP_STORED)
                    continue
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError:
                    target.writestr(info, data)
                    continue
                if info.filename.endswith(".trace") and repeated:
                    text = "".join(
                        line
                        for line in text.splitlines(keepends=True)
                        if not any(f'"file":"{name}"' in line for name in _names_in(line, repeated))
                    )
                redacted = redact_text(text, values)
                if redacted != text:
                    changed += 1
                target.writestr(info.filename, redacted.encode("utf-8"), zipfile.ZIP_DEFLATED)
        tmp_path.chmod(0o644)
        shutil.move(tmp_path, path)
    finally:
        tmp_path.unlink(missing_ok=True)
    return changed


def _names_in(line: str, names: set[str]):
    if '"screencast-frame"' not in line:
        return ()
    found = re.search(r'"file":"([^"]+)"', line)
    return (found.group(1),) if found and found.group(1) in names else ()


def _repeated_frames(source: zipfile.ZipFile, members: dict) -> set[str]:
    """Screencast files whose bytes equal the previous frame of the same page (CRC and size)."""
    repeated, last = set(), {}
    for member in members:
        if not member.endswith(".trace"):
            continue
        for line in source.read(member).decode("utf-8", "replace").splitlines():
            if '"screencast-frame"' not in line:
                continue
            try:
                event = json.loads(line)
            except ValueError:
                continue
            frame = members.get(event.get("file", ""))
            if frame is None:
                continue
            key = (frame.CRC, frame.file_size)
            if last.get(event.get("pageId")) == key:
                repeated.add(frame.filename)
            last[event.get("pageId")] = key
    return repeated


SCANNED_SUFFIXES = (".json", ".txt", ".csv", ".md", ".log", ".properties", ".html", ".zip")


def leaks(results_dir: Path, values=None) -> list[str]:
    """Where a secret still appears in an Allure results directory: '<file>' or '<file>!<zip member>'.
    Every spelling counts, not only whole words (a leak inside a longer word is still a leak)."""
    values = known() if values is None else values
    forms = sorted({form for value in values for form in spellings(value)}, key=len, reverse=True)
    if not forms or not Path(results_dir).is_dir():
        return []
    needles = [form.encode("utf-8") for form in forms]
    found = []
    for path in sorted(Path(results_dir).iterdir()):
        if not path.is_file() or not path.name.endswith(SCANNED_SUFFIXES):
            continue
        if path.suffix == ".zip":
            try:
                with zipfile.ZipFile(path) as archive:
                    found += [
                        f"{path.name}!{info.filename}"
                        for info in archive.infolist()
                        if any(n in archive.read(info.filename) for n in needles)
                    ]
            except zipfile.BadZipFile:
                continue
        elif any(n in path.read_bytes() for n in needles):
            found.append(path.name)
    return found
