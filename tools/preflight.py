#!/usr/bin/env python3
"""Preflight: fail fast with a readable message instead of a stack trace 40 tests later.

    tools/preflight.py [--browser chromium|firefox|webkit ...] [--browser-channel chrome|msedge]
                       [--port 8080] [--need-report | --report-only]

Every problem is printed in Chinese and English; exit 2 when any check fails.
Standard library only, so it also runs before the virtual environment is complete.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROWSERS_PATH = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or ROOT / ".playwright")
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
SYSTEM_CHROMIUM_SHELL = Path("/usr/bin/chromium-headless-shell")
SYSTEM_FIREFOX = Path("/usr/bin/firefox-esr")
CHANNELS = {"chrome": Path("/opt/google/chrome/chrome"), "msedge": Path("/opt/microsoft/msedge/msedge")}
APT_HINT = (
    "sudo apt-get install -y chromium chromium-headless-shell firefox-esr fonts-noto-cjk"
    "   (或以 root 运行 / or run as root: make setup)"
)


def expected_playwright() -> str:
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.strip().lower().startswith("playwright=="):
            return line.split("==", 1)[1].strip()
    return "1.64.1"


def playwright_revisions() -> dict:
    """Browser revisions from the installed Playwright's browsers.json ({} if unreadable)."""
    try:
        files = metadata.files("playwright") or []
        path = next(Path(f.locate()) for f in files if str(f).endswith("driver/package/browsers.json"))
        return {b["name"]: b["revision"] for b in json.loads(path.read_text(encoding="utf-8"))["browsers"]}
    except (metadata.PackageNotFoundError, StopIteration, OSError, ValueError, KeyError):
        return {}


def bundled(name: str, revisions: dict) -> bool:
    """True when Playwright's own build of `name` is installed under PLAYWRIGHT_BROWSERS_PATH."""
    revision = revisions.get(name)
    return bool(revision) and (BROWSERS_PATH / f"{name}-{revision}").is_dir()


def check_playwright(errors: list) -> None:
    want = expected_playwright()
    try:
        have = metadata.version("playwright")
    except metadata.PackageNotFoundError:
        errors.append(
            "未安装 Playwright。请先运行 `make setup`。\nPlaywright is not installed. Run `make setup` first."
        )
        return
    if have != want:
        errors.append(
            f"Playwright 版本为 {have}，本套件要求 {want}（见 requirements.txt 与 DESIGN §6）。请运行 `make setup`。\n"
            f"Playwright {have} is installed but the suite needs {want} (see requirements.txt). Run `make setup`."
        )


def check_browsers(browsers: list, channel: str | None, errors: list) -> None:
    revisions = playwright_revisions()
    if "chromium" in browsers and not (SYSTEM_CHROMIUM.exists() or bundled("chromium", revisions)):
        errors.append(
            f"找不到 Chromium（{SYSTEM_CHROMIUM}）。请安装：{APT_HINT}\n"
            f"Chromium not found at {SYSTEM_CHROMIUM}. Install it: sudo apt-get install -y chromium"
        )
    if "firefox" in browsers and not (SYSTEM_FIREFOX.exists() or bundled("firefox", revisions)):
        errors.append(
            f"找不到 Firefox ESR（{SYSTEM_FIREFOX}）。请安装：{APT_HINT}\n"
            f"Firefox ESR not found at {SYSTEM_FIREFOX}. Install it: sudo apt-get install -y firefox-esr\n"
            f"（只测 Chromium / Chromium only: make e2e BROWSERS='--browser chromium'）"
        )
    if "webkit" in browsers and not bundled("webkit", revisions):
        errors.append(
            f"本机没有 WebKit：Debian 不提供可用于 Playwright 的 WebKit。能联网时运行 "
            f"`make setup BROWSER_SOURCE=playwright`（playwright install，见 docs/performance.md）；否则：\n"
            "  在能联网的机器上运行 `.venv/bin/playwright install webkit`"
            f"（PLAYWRIGHT_BROWSERS_PATH={BROWSERS_PATH}），\n"
            f"  再把 {BROWSERS_PATH}/webkit-{revisions.get('webkit', '<rev>')} 复制过来。\n"
            f"WebKit is not available on this machine (Debian has no Playwright-compatible WebKit and browsers\n"
            f"  cannot be downloaded here). On a machine with internet run `.venv/bin/playwright install webkit`\n"
            f"  with PLAYWRIGHT_BROWSERS_PATH={BROWSERS_PATH}, then copy that webkit-* folder here."
        )
    if channel:
        path = CHANNELS.get(channel)
        if path is None:
            errors.append(
                f"不支持的浏览器渠道 {channel}（可用：chrome、msedge）。\n"
                f"Unsupported browser channel {channel!r} (use chrome or msedge)."
            )
        elif not path.exists():
            errors.append(
                f"找不到 {channel}（{path}）。请先安装该浏览器，或去掉 --browser-channel {channel}。\n"
                f"{channel} is not installed ({path} missing). Install it or drop --browser-channel {channel}."
            )


def browser_versions(browsers: list, revisions: dict | None = None) -> list[str]:
    """One line per browser: its version and where it comes from (Playwright's build or the system)."""
    revisions = playwright_revisions() if revisions is None else revisions
    versions = {}
    try:
        files = metadata.files("playwright") or []
        path = next(Path(f.locate()) for f in files if str(f).endswith("driver/package/browsers.json"))
        versions = {
            b["name"]: b.get("browserVersion", "") for b in json.loads(path.read_text(encoding="utf-8"))["browsers"]
        }
    except (metadata.PackageNotFoundError, StopIteration, OSError, ValueError, KeyError):
        pass
    system = {"chromium": SYSTEM_CHROMIUM, "firefox": SYSTEM_FIREFOX}
    lines = []
    for name in browsers:
        if bundled(name, revisions):
            lines.append(
                f"{name} {versions.get(name, '?')}（Playwright 自带 / Playwright's build, "
                f"{BROWSERS_PATH / f'{name}-{revisions[name]}'}）"
            )
        elif name in system and system[name].exists():
            line = f"{name}：{_version(system[name])}（系统 / system, {system[name]}）"
            if name == "chromium" and SYSTEM_CHROMIUM_SHELL.exists():
                line += (
                    f"，无界面运行用 / headless runs use {SYSTEM_CHROMIUM_SHELL}（{_version(SYSTEM_CHROMIUM_SHELL)}）"
                )
            lines.append(line)
    return lines


def _version(executable: Path) -> str:
    try:
        out = subprocess.run([str(executable), "--version"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.TimeoutExpired):
        out = ""
    return out.strip() or "?"


def check_cjk_font(errors: list) -> None:
    fonts = ""
    if shutil.which("fc-list"):
        fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    if not fonts.strip():
        errors.append(
            "缺少中文字体：截图里的中文会显示成方框。请安装：sudo apt-get install -y fonts-noto-cjk\n"
            "No CJK font found (screenshots would show boxes instead of Chinese). "
            "Install it: sudo apt-get install -y fonts-noto-cjk"
        )


def check_network(port: int | None, errors: list) -> None:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", 0))
        except OSError as exc:
            errors.append(
                f"无法在 127.0.0.1 上监听（{exc.strerror}）：内置门户需要本机回环地址。\n"
                f"Cannot bind 127.0.0.1 ({exc.strerror}); the embedded portal needs the loopback interface."
            )
            return
    if port is None:
        return
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            errors.append(
                f"端口 {port} 已被占用。请停止占用它的进程，或换一个端口：make portal PORT=8081\n"
                f"Port {port} is already in use. Stop whatever uses it or pick another: make portal PORT=8081"
            )


def check_allure(required: bool, errors: list, warnings: list) -> None:
    if (ROOT / "node_modules" / ".bin" / "allure").exists():
        return
    message = (
        "未安装 Allure 3 报告工具（node_modules/.bin/allure）。请运行 `make setup`（会执行 npm ci）。\n"
        "The Allure 3 report tool (node_modules/.bin/allure) is missing. Run `make setup` (it runs npm ci)."
    )
    (errors if required else warnings).append(message)


def main(argv: list | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="append", default=[], choices=["chromium", "firefox", "webkit"])
    parser.add_argument("--browser-channel")
    parser.add_argument("--port", type=int)
    parser.add_argument("--need-report", action="store_true", help="missing Allure is an error, not a warning")
    parser.add_argument("--report-only", action="store_true", help="check only what `make report` needs")
    args = parser.parse_args(argv)

    errors, warnings = [], []
    if args.report_only:
        check_allure(True, errors, warnings)
    else:
        check_playwright(errors)
        if args.browser or args.browser_channel:
            check_browsers(args.browser, args.browser_channel, errors)
            check_cjk_font(errors)
            check_allure(args.need_report, errors, warnings)
        check_network(args.port, errors)

    for warning in warnings:
        print("预检警告 / preflight warning:\n  " + warning.replace("\n", "\n  "), file=sys.stderr)
    for error in errors:
        print("预检失败 / preflight failed:\n  " + error.replace("\n", "\n  "), file=sys.stderr)
    if errors:
        return 2
    if args.browser and not args.report_only:
        print("浏览器 / browsers: " + "；".join(browser_versions(args.browser)))
    print("预检通过 / preflight OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
