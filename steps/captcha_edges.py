"""换一张, again and again (issue 19, FAQ-1.1.3): every new captcha image the page asks for must be one the
browser can show, not only the first one or two. A fault that breaks one image in twenty shows only when a
user refreshes often enough."""

import pytest
from pytest_bdd import then, when

from pages.login_page import LoginPage
from support.gherkin.parsing import phrase


@pytest.fixture
def captcha_failures() -> list[int]:
    """The numbers (1-based) of the refreshed images the browser could not show."""
    return []


@when(phrase("我连续{times:整数}次点击验证码图片换一张"))
def when_refresh_captcha_many_times(login_page: LoginPage, captcha_failures: list[int], times):
    for n, shown in enumerate(login_page.captcha_refreshes(int(times)), start=1):
        if not shown:
            captcha_failures.append(n)


@then("每一张新的验证码图片都显示出来")
def then_every_captcha_shown(captcha_failures: list[int]):
    assert not captcha_failures, (
        f"期望每一张新的验证码图片都能显示，但第{'、'.join(map(str, captcha_failures))}张浏览器无法显示"
        "（图片加载失败或无法解码）"
    )
