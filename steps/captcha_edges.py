"""换一张, again and again (issue 19, FAQ-1.1.3): every new captcha image the page asks for must be one the
browser can show, not only the first one or two. A fault that breaks one image in twenty shows only when a
user refreshes often enough."""

import pytest
from pytest_bdd import then, when

from pages.login_page import LoginPage
from support.gherkin.parsing import phrase

IMAGE_SHOWN = "img => img.complete && img.naturalWidth > 0"


@pytest.fixture
def captcha_failures() -> list[int]:
    """The numbers (1-based) of the refreshed images the browser could not show."""
    return []


@when(phrase("我连续{times:整数}次点击验证码图片换一张"))
def when_refresh_captcha_many_times(login_page: LoginPage, captcha_failures: list[int], times):
    image = login_page.captcha_image
    for n in range(1, int(times) + 1):
        login_page.refresh_captcha()
        handle = image.element_handle()
        login_page.page.wait_for_function("img => img.complete", arg=handle)
        if not handle.evaluate(IMAGE_SHOWN):
            captcha_failures.append(n)


@then("每一张新的验证码图片都显示出来")
def then_every_captcha_shown(captcha_failures: list[int]):
    assert not captcha_failures, (
        f"期望每一张新的验证码图片都能显示，但第{'、'.join(map(str, captcha_failures))}张浏览器无法显示"
        "（图片加载失败或无法解码）"
    )
