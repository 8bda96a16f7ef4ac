"""Several login attempts in a row on the login page (a lockout builds up): each attempt waits
until the portal has answered, seen as the new captcha image of the page it sends back."""

from playwright.sync_api import Page, expect

from pages.login_page import LoginPage


class LoginAttempts:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.login_page = LoginPage(page)

    def open(self) -> None:
        self.login_page.open()

    def attempt(self, kind: str, login_name: str, password: str, captcha: str) -> None:
        before = self.login_page.captcha_source()
        self.login_page.log_in(kind, login_name, password, captcha)
        # A wait, not a check: every answer of the login form renders a fresh captcha image.
        expect(self.login_page.captcha_image).not_to_have_attribute("src", before)
