"""用户登录: 自然人登录 / 法人登录 with login name, password and the image captcha."""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Locator, Page

from pages.frame import PortalFrame, action, field
from support.target.routes import path, without_query

LOGIN_TYPES = {"自然人": "自然人登录", "法人": "法人登录"}
# The image's address and whether it shows, as soon as the browser is done with it (its load or error);
# an image still loading after 10 s (the suite's action timeout) counts as not shown, so a stalled image
# fails the check instead of hanging the scenario.
_IMAGE_SETTLED = """img => new Promise(settled => {
  const report = () => settled([img.src, img.complete && img.naturalWidth > 0]);
  if (img.complete) { report(); return; }
  img.addEventListener("load", report, { once: true });
  img.addEventListener("error", report, { once: true });
  setTimeout(report, 10000);
})"""


@dataclass
class CaptchaSeen:
    """What 那么 验证码图片已更换 compares with after a 换一张 (by click or by keyboard): the image
    address and its answer."""

    source: str
    answer: str


class LoginPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.login_name = field(page, "登录名")
        self.password = field(page, "密码", exact=True)
        self.captcha = field(page, "验证码", exact=True)
        # Named by its alt text, which says 验证码 (this portal: "图形验证码，看不清可换一张"; others "验证码").
        self.captcha_image = page.get_by_role("img", name=re.compile("验证码"))
        self.captcha_refresh = action(page, "换一张", exact=False)
        self.submit_button = action(page, "登录")
        self.change_password_link = action(page, "修改密码", exact=False)
        self.forgot_password_link = action(page, "忘记密码", exact=False)

    def open(self) -> None:
        self.page.goto(path("login"))

    def open_unless_there(self) -> None:
        """After a failed login the browser already shows the login page: no second load."""
        if urlsplit(self.page.url).path != without_query("login"):
            self.open()

    def kind_choice(self, kind: str) -> Locator:
        """kind: 自然人 or 法人 (the 自然人登录 / 法人登录 radio)."""
        return self.page.get_by_role("radio", name=LOGIN_TYPES[kind])

    def chosen_kind(self) -> Locator:
        """The login type chosen now (the checked radio)."""
        return self.page.get_by_role("radio", checked=True)

    def choose(self, kind: str) -> None:
        """kind: 自然人 or 法人 (the 自然人登录 / 法人登录 choice): a radio button, or on a portal that shows
        the two as tabs or links one clicks (the FAQ: 点击“用户登录”→“法人登录”), that tab or link."""
        radio = self.kind_choice(kind)
        tab = self.page.get_by_role("tab", name=LOGIN_TYPES[kind], exact=True).or_(action(self.page, LOGIN_TYPES[kind]))
        # The radio is there as soon as the login page has loaded (one cheap count); only a page without it
        # (tabs, or a form drawn after load) waits for whichever choice appears: the combined wait evaluates
        # every branch of `action()` and cost ~60 ms a login on Chromium (bench, reset scenarios).
        found = radio.count()
        if not found:
            radio.or_(tab).first.wait_for()
            found = radio.count()
        if found:
            radio.check()
        else:
            tab.first.click()

    def fill(self, kind: str, login_name: str, password: str, captcha: str) -> None:
        self.choose(kind)
        self.login_name.fill(login_name)
        self.password.fill(password)
        self.captcha.fill(captcha)

    def submit(self) -> None:
        self.submit_button.click()

    def log_in(self, kind: str, login_name: str, password: str, captcha: str) -> None:
        self.fill(kind, login_name, password, captcha)
        self.submit()

    def sign_in(self, kind: str, login_name: str, password: str, read_captcha: Callable[[], str]) -> None:
        """Open 用户登录, log in, and return once the page offers 退出登录 (how set-up signs an account in
        where no session can be handed over: staging). The captcha is read once the page is open: the portal
        issues it to the session that page starts."""
        self.open()
        self.log_in(kind, login_name, password, read_captcha())
        PortalFrame(self.page).logout_button.first.wait_for()

    def refresh_captcha(self, by_clicking_image: bool = True) -> None:
        """Ask for a new captcha image and wait until the browser has received it."""
        with self.new_captcha_loaded():
            (self.captcha_image if by_clicking_image else self.captcha_refresh).click()

    def captcha_refreshes(self, times: int) -> Iterator[bool]:
        """Click the captcha image `times` times, one new image after another; for each, once the browser
        has received it and finished with it, whether it shows (loaded and decoded, not a broken image).
        Two exchanges with the browser per image (the click, then one look that waits for the image's
        own load or error event), so a hundred refreshes stay cheap on every browser."""
        shown = None
        for _ in range(times):
            with self.new_captcha_loaded(shown):
                self.captcha_image.click()
            shown, visible = self.captcha_image.evaluate(_IMAGE_SETTLED)
            yield visible

    def new_captcha_loaded(self, shown: str | None = None):
        """A wait (a context manager) for the image the page loads in place of the captcha shown now
        (`shown`: its address when already known, else read from the page), whatever the portal calls
        its captcha address."""
        shown = shown or urljoin(self.page.url, self.captcha_source())
        return self.page.expect_response(lambda r: r.request.resource_type == "image" and r.url != shown)

    def captcha_source(self) -> str:
        return self.captcha_image.get_attribute("src") or ""

    def go_to_change_password(self) -> None:
        self.change_password_link.click()

    def forgot_password(self) -> None:
        self.forgot_password_link.click()
