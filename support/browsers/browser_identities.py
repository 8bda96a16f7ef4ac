"""The browsers a scenario speaks of, each as its own browser context:

- 其他浏览器: the real Firefox when the run is on Firefox, else a context announcing Firefox;
- 旧版谷歌浏览器: a context announcing Chrome 79;
- 谷歌浏览器最新版: the real Chromium when the run is on Chromium, else a context announcing current Chrome;
- the Chromium-based browsers people in China use (微软Edge浏览器, 360安全浏览器, 360极速浏览器, QQ浏览器,
  搜狗浏览器): a context announcing that browser as it does, with a current Chrome major inside its
  User-Agent, so only the brand can tell it from Google Chrome.

The portal's browser policy decides by User-Agent, so the symptom and its recovery both show in any run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from playwright.sync_api import BrowserContext, Page

from support.run.fixtures import sign_in
from support.target.portal import Target

FIREFOX_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0"
OLD_CHROME_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.88 Safari/537.36"
)
CHROME_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"
)
_WINDOWS_CHROMIUM = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/{major}.0.0.0 Safari/537.36"
)
# Each as the browser sends it (its vendor's brand after the Chrome token it shares with Google Chrome).
CHROMIUM_BRANDS = {
    "微软Edge浏览器": _WINDOWS_CHROMIUM.format(major=131) + " Edg/131.0.0.0",
    "360安全浏览器": _WINDOWS_CHROMIUM.format(major=132) + " QIHU 360SE",
    "360极速浏览器": _WINDOWS_CHROMIUM.format(major=132) + " QIHU 360EE",
    "QQ浏览器": _WINDOWS_CHROMIUM.format(major=123) + " Core/1.116.462.400 QQBrowser/13.0.6071.400",
    "搜狗浏览器": _WINDOWS_CHROMIUM.format(major=121) + " SE 2.X MetaSr 1.0",
}
OTHER, OLD_CHROME, CHROME = "其他浏览器", "旧版谷歌浏览器", "谷歌浏览器最新版"
LABELS = (OTHER, OLD_CHROME, CHROME, *CHROMIUM_BRANDS)


def user_agent_for(label: str, browser_name: str) -> str | None:
    """None: the real browser of this run already is what the label says."""
    if label == OTHER:
        return None if browser_name == "firefox" else FIREFOX_UA
    if label == CHROME:
        return None if browser_name == "chromium" else CHROME_UA
    if label == OLD_CHROME:
        return OLD_CHROME_UA
    if label in CHROMIUM_BRANDS:
        return CHROMIUM_BRANDS[label]
    raise KeyError(f"未知的浏览器“{label}”，可用：{'、'.join(LABELS)}")


@dataclass
class BrowserPages:
    new_context: Callable[..., BrowserContext]
    browser_name: str
    target: Target
    pages: dict[str, Page] = field(default_factory=dict)

    def page(self, label: str) -> Page:
        if label not in self.pages:
            ua = user_agent_for(label, self.browser_name)
            ctx = self.new_context(**({"user_agent": ua} if ua else {}))
            self.pages[label] = ctx.new_page()
        return self.pages[label]

    def sign_in(self, label: str, login_name: str) -> Page:
        page = self.page(label)
        sign_in(page.context, self.target, login_name)
        return page
