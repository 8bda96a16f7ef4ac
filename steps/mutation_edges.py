"""Steps of the edge scenarios written for the survivors of `make mutation` (issue 19, docs/mutation.md)
that steps/edges.py does not already have: what a user sees that no earlier scenario looked at."""

from playwright.sync_api import expect
from pytest_bdd import then

from pages.login_page import LoginPage


@then("验证码图片显示出来")
def then_the_captcha_image_shows(login_page: LoginPage):
    """FAQ-1.1.3: the code is read from the image, so the image must be one the browser can show: loaded
    (complete) and decoded (a broken image has no natural width). Auto-waits for the load; no sleep."""
    image = login_page.captcha_image
    expect(image).to_be_visible()
    handle = image.element_handle()
    login_page.page.wait_for_function("img => img.complete", arg=handle)
    width = handle.evaluate("img => img.naturalWidth")
    assert width > 0, "期望显示验证码图片，但浏览器无法显示该图片（图片加载失败或无法解码）"
