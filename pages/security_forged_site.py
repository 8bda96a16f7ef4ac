"""A page on another website that tricks a logged-in user into posting a form to the portal
(the attack that the portal's CSRF check refuses). Served by the browser itself, no server."""

from playwright.sync_api import Page

from pages.frame import action
from support.target.routes import path

ATTACKER_ORIGIN = "http://prize.attacker.example"


class ForgedSite:
    def __init__(self, page: Page, portal_url: str) -> None:
        self.page = page
        self.portal_url = portal_url.rstrip("/")
        self.prize_button = action(page, "点击领取奖品", exact=False)

    def _html(self, action: str, fields: dict[str, str]) -> str:
        hidden = "".join(f'<input type="hidden" name="{k}" value="{v}">' for k, v in fields.items())
        return (
            '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>恭喜中奖</title></head>'
            f'<body><h1>恭喜您中奖</h1><form method="post" action="{self.portal_url}{action}">{hidden}'
            '<button type="submit">点击领取奖品</button></form></body></html>'
        )

    def open(self, action: str, fields: dict[str, str] | None = None) -> None:
        html = self._html(action, fields or {})
        self.page.route(
            f"{ATTACKER_ORIGIN}/**",
            lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html),
        )
        self.page.goto(f"{ATTACKER_ORIGIN}/prize")

    def open_forged_logout(self) -> None:
        """The prize page whose button posts the portal's 退出登录 form."""
        self.open(path("logout"))

    def claim_prize(self) -> None:
        """The user clicks; the forged form goes to the portal (a cross-site POST)."""
        with self.page.expect_navigation(url=f"{self.portal_url}/**"):
            self.prize_button.click()
