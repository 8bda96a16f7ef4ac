"""The login page and the parts of a page as another vendor would draw them (issue 18), continuing
tests/unit/test_vendor_renderings.py: the 自然人登录/法人登录 choice as radios, links or tabs; the captcha
image by a name that says 验证码; a titled part (a system's roles, 法定代表人信息) as a fieldset, a named
region or a card. Each is proven on every rendering and, where it could pass vacuously, on a page without
the thing. Pages are small HTML set with page.set_content in the run's browser (the suite's `page`)."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from pages.authorization_page import AuthorizationPage
from pages.frame import section
from pages.login_page import LoginPage
from tests.unit.test_vendor_renderings import SHORT_MS, html
from tools import locator_policy

# ---------------------------------------------------------------- 4. the login page: kind choice and captcha image

KIND_RENDERINGS = {
    "radio": (
        '<label><input type="radio" name="k" onchange="document.title=\'自然人\'">自然人登录</label>'
        '<label><input type="radio" name="k" onchange="document.title=\'法人\'">法人登录</label>'
    ),
    "links": (
        '<a href="#" onclick="document.title=\'自然人\'">自然人登录</a>'
        '<a href="#" onclick="document.title=\'法人\'">法人登录</a>'
    ),
    "tabs": (
        '<div role="tablist"><span role="tab" tabindex="0" onclick="document.title=\'自然人\'">自然人登录</span>'
        '<span role="tab" tabindex="-1" onclick="document.title=\'法人\'">法人登录</span></div>'
    ),
}


@pytest.mark.parametrize("markup", KIND_RENDERINGS.values(), ids=KIND_RENDERINGS.keys())
def test_the_login_kind_is_chosen_as_the_portal_offers_it(page, markup):
    """The FAQ says 点击“用户登录”→“法人登录”: a portal may offer the two kinds as tabs or links."""
    page.set_content(html(f"<main><h1>用户登录</h1>{markup}<form><label>登录名 <input></label></form></main>"))
    LoginPage(page).choose("法人")
    expect(page).to_have_title("法人")


def test_a_login_page_without_the_kind_fails_to_choose(page):
    page.set_content(html("<main><h1>用户登录</h1><form><label>登录名 <input></label></form></main>"))
    page.set_default_timeout(SHORT_MS)
    with pytest.raises(PlaywrightTimeoutError):
        LoginPage(page).choose("法人")


@pytest.mark.parametrize("alt", ["图形验证码，看不清可换一张", "验证码", "点击刷新验证码"])
def test_the_captcha_image_is_the_image_named_for_the_captcha(page, alt):
    pixel = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
    page.set_content(html(f'<main><img src="{pixel}" alt="科技部"><img src="{pixel}" alt="{alt}"></main>'))
    expect(LoginPage(page).captcha_image).to_have_attribute("alt", alt)


# ---------------------------------------------------------------- 5. a titled part of a page: fieldset, region or card

HGR, LAB = "人类遗传资源管理", "高等级病原微生物实验室建设审查"


def roles_of(system: str, wrap) -> str:
    boxes = "".join(f"<label><input type=checkbox>{role}</label>" for role in ("单位管理员", "事项办理员"))
    return wrap(system, boxes)


SECTION_RENDERINGS = {
    "fieldset": lambda title, body: f"<fieldset><legend>{title}</legend>{body}</fieldset>",
    "region": lambda title, body: f'<section aria-label="{title}"><p>{title}</p>{body}</section>',
    "card": lambda title, body: f'<div class="card"><div class="hd"><span>{title}</span></div><div>{body}</div></div>',
    "heading-and-div": lambda title, body: f"<div><h4>{title}</h4><div>{body}</div></div>",
}


@pytest.mark.parametrize("wrap", SECTION_RENDERINGS.values(), ids=SECTION_RENDERINGS.keys())
def test_a_titled_part_is_found_by_its_title_however_it_is_drawn(page, wrap):
    nav = f'<nav><a href="#">{HGR}</a></nav>'  # the same words as a link elsewhere: not a title
    page.set_content(html(f"{nav}<main><form>{roles_of(HGR, wrap)}{roles_of(LAB, wrap)}</form></main>"))
    roles = AuthorizationPage(page)
    roles.tick(LAB, "事项办理员")
    expect(roles.role_box(LAB, "事项办理员")).to_be_checked()
    expect(roles.role_box(HGR, "事项办理员")).not_to_be_checked()
    expect(roles.system_roles(HGR)).to_have_count(1)


def test_a_title_without_its_part_is_not_a_part(page):
    """A title that is a link, a line of the content or a form's own heading heads no part: else the whole
    page (and the fields of other parts) would pass for it."""
    boxes = "<label><input type=checkbox>事项办理员</label>"
    page.set_content(
        html(f'<nav><a href="#">{HGR}</a></nav><main><p>{LAB}</p><form><h3>{HGR}</h3>{boxes}</form></main>')
    )
    expect(page.get_by_role("checkbox", name="事项办理员")).to_have_count(1)
    expect(section(page, HGR)).to_have_count(0)
    expect(section(page, LAB)).to_have_count(0)
    expect(section(page, "授权法人(单位)基本信息")).to_have_count(0)


def test_the_section_engine_is_allowed_only_in_pages_frame():
    use = 'def f(page, title):\n    return page.locator(f"titled-part={title}")\n'
    assert locator_policy.check_source(use, "pages/frame.py") == []
    assert [v.line for v in locator_policy.check_source(use, "pages/authorization_page.py")] == [2]
