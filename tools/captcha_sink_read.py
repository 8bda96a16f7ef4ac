"""Read the image captcha a portal issued to one browser from its captcha log (a staging portal's log).

    python tools/captcha_sink_read.py OUTBOX KEY [--wait SECONDS]

OUTBOX is the file the mock portal writes with `serve --captcha-outbox OUTBOX`: one JSON line per answer
issued (session, answer, time), where `session` is the SHA-256 (hex) of the browser's session cookie.
KEY is that hash; the suite computes it from the cookie its own browser holds and puts it in place of
`{key}`, so a target file can name this command:

    captcha:
      mode: command
      command: ".venv/bin/python tools/captcha_sink_read.py /path/captcha-outbox.jsonl {key}"
      session_cookie: MOSTSESSION

The last line printed is the answer most recently issued to that session (a refresh or a failed login
issues a new one, so an older answer is never printed). Exit status 1 (and a message on stderr) when the
log holds no answer for that key. --wait polls the file for up to SECONDS (default 0: read once)."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

KEY = re.compile(r"[0-9a-f]{64}")


def latest_answer(outbox: Path, key: str) -> str | None:
    """The answer of the last line for `key` (None if there is none)."""
    if not outbox.exists():
        return None
    latest = None
    for line in outbox.read_text(encoding="utf-8").splitlines():
        try:
            issued = json.loads(line)
        except ValueError:
            continue  # a line being written, or not ours
        if isinstance(issued, dict) and issued.get("session") == key and issued.get("answer"):
            latest = str(issued["answer"])
    return latest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outbox", type=Path)
    parser.add_argument("key", help="SHA-256 (hex) of the browser's session cookie")
    parser.add_argument("--wait", type=float, default=0.0)
    args = parser.parse_args(argv)
    key = args.key.strip().lower()
    if not KEY.fullmatch(key):
        print("KEY 应为会话 Cookie 值的 SHA-256（64 位十六进制）", file=sys.stderr)
        return 2
    deadline = time.monotonic() + args.wait
    while True:
        answer = latest_answer(args.outbox, key)
        if answer or time.monotonic() >= deadline:
            break
        time.sleep(0.2)  # polling a file written by another process; not suite code
    if not answer:
        print(f"{args.outbox} 中没有发给该会话的图形验证码", file=sys.stderr)
        return 1
    print(answer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
