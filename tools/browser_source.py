#!/usr/bin/env python3
"""Where this machine's browsers come from (make setup, issue 24): Playwright's own builds when
`playwright install` can download them (WebKit then runs too), else the system browsers (Debian
`chromium` and `firefox-esr`, offline: the path this suite has always used).

    tools/browser_source.py [--source auto|playwright|system] [--timeout SECONDS]

Prints one word on stdout, `playwright` or `system` (the Makefile installs the system browsers with apt
for `system`), and says on stderr, in Chinese and English, what it chose and why.

- auto (default): Playwright's builds already in PLAYWRIGHT_BROWSERS_PATH → playwright. Else one HTTPS
  request to Playwright's download host, 5 s at most: no answer (no network, no DNS, a firewall) →
  system at once; an answer → `playwright install chromium firefox` (plus `--with-deps` as root or with
  password-less sudo, so the libraries come too), then webkit, under an overall time limit; any
  failure → system. That choice is remembered (PLAYWRIGHT_BROWSERS_PATH/.fallback-system, with the
  reason), so later `make setup` runs do not probe again; delete it, or ask for
  BROWSER_SOURCE=playwright, to try again.
- playwright: the same, but a failure is an error (exit 1) instead of a fallback.
- system: no network at all.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROWSERS_PATH = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or ROOT / ".playwright")
PLAYWRIGHT = ROOT / ".venv" / "bin" / "playwright"
DEFAULT_HOST = "https://cdn.playwright.dev"
NEEDED = ("chromium", "chromium-headless-shell", "firefox")
FALLBACK = BROWSERS_PATH / ".fallback-system"
PROBE_SECONDS = 5


def say(zh: str, en: str) -> None:
    print(f"浏览器来源 / browser source: {zh}\n  {en}", file=sys.stderr)


def revisions() -> dict[str, str]:
    """Browser revisions of the installed Playwright ({} when it is not importable)."""
    try:
        import playwright
    except ImportError:
        return {}
    data = json.loads((Path(playwright.__file__).parent / "driver" / "package" / "browsers.json").read_text("utf-8"))
    return {b["name"]: b["revision"] for b in data["browsers"]}


def installed(names=NEEDED, revs: dict | None = None, root: Path = BROWSERS_PATH) -> bool:
    revs = revisions() if revs is None else revs
    return bool(revs) and all(name in revs and (root / f"{name}-{revs[name]}").is_dir() for name in names)


def download_host() -> str:
    return os.environ.get("PLAYWRIGHT_DOWNLOAD_HOST") or DEFAULT_HOST


def reachable(url: str, seconds: float = PROBE_SECONDS) -> str | None:
    """None when a server answered (any HTTP status), else why not."""
    try:
        urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=seconds)
    except urllib.error.HTTPError:
        return None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return str(getattr(exc, "reason", exc))
    return None


def can_install_deps() -> bool:
    """`--with-deps` runs apt-get: as root, or through sudo only when it needs no password (never a prompt)."""
    if not shutil.which("apt-get"):
        return False
    if os.geteuid() == 0:
        return True
    return bool(shutil.which("sudo")) and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0


def install(browsers: list[str], deadline: float, with_deps: bool) -> str | None:
    """Run `playwright install`; None on success, else why it failed."""
    command = [str(PLAYWRIGHT), "install"] + (["--with-deps"] if with_deps else []) + browsers
    env = {
        **os.environ,
        "PLAYWRIGHT_BROWSERS_PATH": str(BROWSERS_PATH),
        "PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT": os.environ.get("PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT", "15000"),
    }
    try:
        done = subprocess.run(
            command, env=env, stdin=subprocess.DEVNULL, timeout=deadline, stdout=sys.stderr, stderr=sys.stderr
        )
    except subprocess.TimeoutExpired:
        return f"{' '.join(command[1:])} 超过 {deadline:.0f} 秒 / took longer than {deadline:.0f} s"
    except OSError as exc:
        return str(exc)
    return None if done.returncode == 0 else f"{' '.join(command[1:])} exit {done.returncode}"


def choose(source: str, timeout: float) -> tuple[str, int]:
    if source == "system":
        say("系统浏览器（BROWSER_SOURCE=system，不联网）", "system browsers (BROWSER_SOURCE=system, no network)")
        return "system", 0
    if installed():
        webkit = "、webkit" if installed(("webkit",)) else ""
        say(
            f"Playwright 自带浏览器（已安装在 {BROWSERS_PATH}：chromium、firefox{webkit}）",
            f"Playwright's own builds (already in {BROWSERS_PATH})",
        )
        return "playwright", 0
    if source == "auto" and FALLBACK.exists():
        why = FALLBACK.read_text(encoding="utf-8").strip()
        say(
            f"系统浏览器（Debian chromium、firefox-esr）：上次 make setup 时 Playwright 的浏览器无法下载（{why}；"
            f"重试：删除 {FALLBACK} 或 BROWSER_SOURCE=playwright）",
            f"system browsers: Playwright's builds could not be downloaded last time ({why}); to retry, delete "
            f"{FALLBACK} or use BROWSER_SOURCE=playwright",
        )
        return "system", 0
    why = reachable(download_host())
    if why is None:
        with_deps = can_install_deps()
        why = install(["chromium", "firefox"], timeout, with_deps)
        if why is None:
            if install(["webkit"], timeout, with_deps) is not None:
                print("  WebKit 未能安装，只有 chromium 与 firefox / WebKit could not be installed", file=sys.stderr)
            FALLBACK.unlink(missing_ok=True)
            say(
                f"Playwright 自带浏览器（playwright install，{BROWSERS_PATH}）",
                f"Playwright's own builds (playwright install into {BROWSERS_PATH})",
            )
            return "playwright", 0
    if source == "playwright":
        say(f"无法用 playwright install 安装浏览器：{why}", f"playwright install failed: {why}")
        return "playwright", 1
    FALLBACK.parent.mkdir(parents=True, exist_ok=True)
    FALLBACK.write_text(why + "\n", encoding="utf-8")
    say(
        f"系统浏览器（Debian chromium、firefox-esr）：Playwright 的浏览器无法下载（{why}）",
        f"system browsers (Debian chromium, firefox-esr): Playwright's builds cannot be downloaded ({why})",
    )
    return "system", 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", choices=["auto", "playwright", "system"], default="auto")
    parser.add_argument(
        "--timeout",
        type=float,
        default=900.0,
        help="seconds each playwright install may take before the fallback (default 900)",
    )
    args = parser.parse_args(argv)
    chosen, code = choose(args.source, args.timeout)
    print(chosen)
    return code


if __name__ == "__main__":
    sys.exit(main())
