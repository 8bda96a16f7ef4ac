"""Which browser executable to launch: Playwright's own builds when installed, else the
system ones (Debian `chromium`, `firefox-esr` through the WebDriver BiDi channel `moz-firefox`).

Headless Chromium runs Debian's `chromium-headless-shell` when it is installed: the same Chromium
(same version, Blink and V8) without the browser UI, which is what Playwright itself launches for
headless Chromium from its own builds. On this 2-core machine it halves Chromium's CPU time per
scenario (docs/performance.md, "第十次会话"). Headed runs (--headed) need the full
browser; without the package the full browser runs headless, as before."""

from __future__ import annotations

import os
from pathlib import Path

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
SYSTEM_CHROMIUM_SHELL = Path("/usr/bin/chromium-headless-shell")
SYSTEM_FIREFOX = Path("/usr/lib/firefox-esr/firefox-esr")
BRANDED = {"chrome": Path("/opt/google/chrome/chrome"), "msedge": Path("/opt/microsoft/msedge/msedge")}
# Without these, Chromium keeps trying to reach Google's services on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Firefox ESR's counterpart of the Chromium switches above, for the system Firefox (Playwright's own build
# brings its own): services a test browser has no use for on a closed network, and content processes per
# container rather than per site (fission off; every scenario's context is a container of its own, and
# the portal is one site). On test_hgr + test_torch (Firefox, -n 2, two A/B pairs) they cut the machine's
# busy time 6–11 % and the wall time 4–8 % (docs/performance.md, "第十次会话").
FIREFOX_PREFS = {
    "fission.autostart": False,
    "browser.sessionstore.max_tabs_undo": 0,
    "browser.sessionstore.max_windows_undo": 0,
    "browser.sessionstore.interval": 3_600_000,
    "app.normandy.enabled": False,
    "messaging-system.rsexperimentloader.enabled": False,
    "nimbus.profilesdatastoreservice.enabled": False,
    "browser.newtabpage.activity-stream.feeds.system.topstories": False,
    "browser.newtabpage.activity-stream.feeds.section.topstories": False,
    "browser.newtabpage.activity-stream.showSponsored": False,
    "browser.newtabpage.activity-stream.feeds.telemetry": False,
    "browser.newtabpage.activity-stream.telemetry": False,
    "toolkit.telemetry.enabled": False,
    "toolkit.telemetry.unified": False,
    "toolkit.telemetry.server": "",
    "services.settings.server": "http://127.0.0.1:9/",
    "browser.tabs.groups.enabled": False,
    "sidebar.revamp": False,
    "sidebar.verticalTabs": False,
    "browser.urlbar.quicksuggest.enabled": False,
    "extensions.pocket.enabled": False,
    "browser.discovery.enabled": False,
    "browser.ml.enable": False,
    "browser.ml.chat.enabled": False,
    "places.history.enabled": False,
    "browser.cache.disk.enable": False,
}


class BrowserUnavailable(RuntimeError):
    """The requested browser is not installed; the message says how to get it."""


def _own_build(browser_type) -> Path | None:
    try:
        path = Path(browser_type.executable_path)
    except Exception:  # noqa: BLE001 - Playwright raises when the build is absent
        return None
    return path if path.exists() else None


def system_chromium(headless: bool = True) -> Path:
    """The Debian Chromium binary to launch: the headless shell for a headless run when installed."""
    if headless and SYSTEM_CHROMIUM_SHELL.exists():
        return SYSTEM_CHROMIUM_SHELL
    return _require(SYSTEM_CHROMIUM, "chromium")


def launch_options(browser_type, channel: str | None, headless: bool = True) -> dict:
    name = browser_type.name
    if channel in BRANDED:
        if not BRANDED[channel].exists():
            raise BrowserUnavailable(
                f"未安装 {channel}（{BRANDED[channel]} 不存在）。请先安装该浏览器，或去掉 --browser-channel。\n"
                f"Branded browser '{channel}' is not installed on this machine."
            )
        return {"channel": channel, "args": CHROMIUM_ARGS if name == "chromium" else []}
    own = _own_build(browser_type)
    if name == "chromium":
        return (
            {"args": CHROMIUM_ARGS}
            if own
            else {"executable_path": str(system_chromium(headless)), "args": CHROMIUM_ARGS}
        )
    if name == "firefox":
        if own:
            return {}
        return {
            "channel": "moz-firefox",
            "executable_path": str(_require(SYSTEM_FIREFOX, "firefox-esr")),
            "firefox_user_prefs": dict(FIREFOX_PREFS),
        }
    if own is None:
        raise BrowserUnavailable(
            "本机没有 WebKit。在能访问互联网的机器上运行 `.venv/bin/playwright install webkit` 后再试，"
            "或只使用 --browser chromium / --browser firefox。\n"
            "WebKit is not installed here: on a machine with internet access run "
            "`.venv/bin/playwright install webkit` (PLAYWRIGHT_BROWSERS_PATH="
            + os.environ.get("PLAYWRIGHT_BROWSERS_PATH", "default")
            + ")."
        )
    return {}


def _require(path: Path, package: str) -> Path:
    if not path.exists():
        raise BrowserUnavailable(
            f"未找到 {path}：请运行 `make setup`（或 apt-get install {package}）。\n"
            f"{path} is missing: run `make setup` or install the Debian package {package}."
        )
    return path
