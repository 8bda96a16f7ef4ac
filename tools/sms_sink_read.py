"""Read the latest SMS code sent to a phone from an SMS outbox file (a staging SMS gateway's log).

    python tools/sms_sink_read.py OUTBOX PHONE [--wait SECONDS]

OUTBOX is the file the mock portal writes with `serve --sms-outbox OUTBOX` (one JSON line per SMS:
phone, text, time). The last line printed is the code, so a target file can name this command:

    sms: {mode: command, command: ".venv/bin/python tools/sms_sink_read.py /path/outbox.jsonl {phone}"}

Exit status 1 (and a message on stderr, never the code) when no SMS with a code reached that phone.
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


def latest_code(outbox: Path, phone: str) -> str | None:
    """The code of the last SMS to `phone` that carries one (None if there is none)."""
    if not outbox.exists():
        return None
    latest = None
    for line in outbox.read_text(encoding="utf-8").splitlines():
        try:
            message = json.loads(line)
        except ValueError:
            continue  # a line being written, or not ours
        if str(message.get("phone", "")) != phone:
            continue
        latest = code_in(str(message.get("text", ""))) or latest
    return latest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outbox", type=Path)
    parser.add_argument("phone")
    parser.add_argument("--wait", type=float, default=0.0)
    args = parser.parse_args(argv)
    deadline = time.monotonic() + args.wait
    while True:
        code = latest_code(args.outbox, args.phone.strip())
        if code or time.monotonic() >= deadline:
            break
        time.sleep(0.2)  # polling a file written by another process; not suite code
    if not code:
        print(f"{args.outbox} 中没有发给该手机号的验证码短信", file=sys.stderr)
        return 1
    print(code)
    return 0


if __name__ == "__main__":
    sys.exit(main())
