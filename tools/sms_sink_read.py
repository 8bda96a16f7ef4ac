"""Read the latest SMS code sent to a phone from an SMS outbox file (a staging SMS gateway's log).

    python tools/sms_sink_read.py OUTBOX PHONE [--wait SECONDS] [--text]

OUTBOX is the file the mock portal writes with `serve --sms-outbox OUTBOX` (one JSON line per SMS:
phone, text, time). The last line printed is the code, so a target file can name this command:

    sms: {mode: command, command: ".venv/bin/python tools/sms_sink_read.py /path/outbox.jsonl {phone}"}

With --text it prints the whole text of the latest SMS to that phone instead (whatever it says: a
notice, a reason, a code), for the target file's `sms: text_command` (scenarios that check an SMS's
wording, e.g. a rejection's reason):

    text_command: ".venv/bin/python tools/sms_sink_read.py /path/outbox.jsonl {phone} --text"

Exit status 1 (and a message on stderr, never the code or text) when no such SMS reached that phone.
--wait polls the file for up to SECONDS for a gateway that delivers late (default 0: read once)."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

# "验证码为123456" (the portal's wording); else a lone run of 4–8 digits.
CODE = re.compile(r"验证码\D{0,3}(\d{4,8})")
LONE_DIGITS = re.compile(r"(?<!\d)(\d{4,8})(?!\d)")  # only in a text that names no password


def code_in(text: str) -> str | None:
    found = CODE.search(text) or (None if "密码" in text else LONE_DIGITS.search(text))
    return found.group(1) if found else None


def texts_to(outbox: Path, phone: str) -> list[str]:
    """The texts of the SMS sent to `phone`, oldest first."""
    if not outbox.exists():
        return []
    texts = []
    for line in outbox.read_text(encoding="utf-8").splitlines():
        try:
            message = json.loads(line)
        except ValueError:
            continue  # a line being written, or not ours
        if isinstance(message, dict) and str(message.get("phone", "")) == phone:
            texts.append(str(message.get("text", "")))
    return texts


def latest_code(outbox: Path, phone: str) -> str | None:
    """The code of the last SMS to `phone` that carries one (None if there is none)."""
    codes = [code for code in map(code_in, texts_to(outbox, phone)) if code]
    return codes[-1] if codes else None


def latest_text(outbox: Path, phone: str) -> str | None:
    """The whole text of the last SMS to `phone` (None if none reached it)."""
    texts = texts_to(outbox, phone)
    return texts[-1] if texts else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outbox", type=Path)
    parser.add_argument("phone")
    parser.add_argument("--wait", type=float, default=0.0)
    parser.add_argument("--text", action="store_true", help="print the latest SMS's whole text, not its code")
    args = parser.parse_args(argv)
    read = latest_text if args.text else latest_code
    deadline = time.monotonic() + args.wait
    while True:
        found = read(args.outbox, args.phone.strip())
        if found or time.monotonic() >= deadline:
            break
        time.sleep(0.2)  # polling a file written by another process; not suite code
    if not found:
        print(f"{args.outbox} 中没有发给该手机号的{'短信' if args.text else '验证码短信'}", file=sys.stderr)
        return 1
    print(found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
