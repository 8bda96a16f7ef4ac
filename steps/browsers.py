"""Across browsers (FAQ-1.2.2, 1.5, 1.9.4, 2.8): the browser hint, and the real portal's known
non-Chrome symptoms (fault profiles, mock_portal/faults.py) with their recovery in current Chrome.

Browsers by the name scenarios use: 其他浏览器 / 旧版谷歌浏览器 / 谷歌浏览器最新版, each its own
context (support/browsers/browser_identities.py). The fault profile is portal-wide for this worker's portal but
hits only non-Chrome User-Agents; every step that switches it on restores the previous profiles."""

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.browser_hint import BrowserHint
from pages.frame import PortalFrame
from pages.hgr_system import HgrLandingPage
from pages.login_page import LoginPage
from pages.recovery_reset_page import ResetLookupPage, ResetPasswordPage
from pages.registration_page import RegistrationPage
from pages.service_guide_page import GUIDE_ROUTES, ServiceGuidePage
from pages.services_page import ServicesPage
from support.browsers.browser_identities import BrowserPages
from support.data import factories
from support.gherkin.message_checks import expect_message
from support.gherkin.parsing import param_type, phrase
from support.target.sms_outbox import latest_code

HGR = "人类遗传资源管理"


GARBLED = {"账号已创建": "garbled-registration", "账号未创建": "garbled-registration-lost"}  # fault profiles
param_type("乱码结果", lambda: GARBLED, origin="steps/browsers.py 的 GARBLED")
param_type("办事指南系统", lambda: GUIDE_ROUTES, origin="pages/service_guide_page.py 的 GUIDE_ROUTES")


def in_browser(template: str):
    """phrase() with {browser} typed: the browser names scenarios use (support/browsers/browser_identities.LABELS)."""
    return phrase(template.replace("{browser}", "{browser:浏览器}"))


def mojibake(text: str) -> str:
    """What UTF-8 text looks like when the response claims ISO-8859-1 (browsers decode it as windows-1252)."""
    # Bytes windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1 control of that value.
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


@pytest.fixture
def browser_pages(new_context, browser_name, target) -> BrowserPages:
    return BrowserPages(new_context, browser_name, target)


@pytest.fixture
def reset_passwords() -> dict:
    """The new password each browser tried in 登录名重置密码."""
    return {}


def switch_faults(request, target, *profiles: str) -> None:
    target.require("faults")
    request.addfinalizer(target.control.switch_faults(*profiles))


@given("门户重现了旧版浏览器的已知问题")
def given_legacy_browser_fault(request, target):
    switch_faults(request, target, "legacy-browser")


@given(phrase("门户重现了注册最后一步乱码的问题，{outcome:乱码结果}"))
def given_garbled_registration(request, target, outcome):
    switch_faults(request, target, GARBLED[outcome])


@given("注册最后一步恢复正常")
def given_registration_back_to_normal(target):
    target.control.set_faults()


@given(in_browser("我在{browser}中已用该账号登录平台"))
@when(in_browser("我在{browser}中用该账号登录平台"))
def sign_in_browser(browser_pages: BrowserPages, account, browser):
    browser_pages.sign_in(browser, account.login_name)


@when(in_browser("我在{browser}中打开首页"))
def when_open_home(browser_pages: BrowserPages, browser):
    PortalFrame(browser_pages.page(browser)).open_home()


@when(in_browser('我在{browser}中进入"{menu:导航栏目}"'))
def when_go_to(browser_pages: BrowserPages, browser, menu):
    frame = PortalFrame(browser_pages.page(browser))
    frame.open_home()
    frame.go_to(menu)


@when(in_browser("我在{browser}中关闭浏览器提示"))
def when_dismiss_hint(browser_pages: BrowserPages, browser):
    BrowserHint(browser_pages.page(browser)).dismiss()


@when(in_browser('我在{browser}中打开浏览器提示里的"支持的浏览器"'))
def when_open_browser_support(browser_pages: BrowserPages, browser):
    BrowserHint(browser_pages.page(browser)).open_details()


@when(in_browser("我在{browser}中为该账号用登录名重置密码"))
def when_reset_password(browser_pages: BrowserPages, reset_passwords: dict, api, account, browser):
    page = browser_pages.page(browser)
    lookup = ResetLookupPage(page)
    lookup.open()
    lookup.look_up(account.login_name)
    reset = ResetPasswordPage(page)
    reset.request_code()
    reset_passwords[browser] = factories.new_password()
    reset.reset(latest_code(api, account.phone), reset_passwords[browser])


@when(in_browser("我在{browser}中用重置的新密码登录"))
def when_log_in_with_new_password(browser_pages: BrowserPages, reset_passwords: dict, captcha_solver, account, browser):
    page = browser_pages.page(browser)
    login = LoginPage(page)
    login.open()
    login.log_in(account.kind_label, account.login_name, reset_passwords[browser], captcha_solver(page.context))


@given(phrase('该账号已获一个已备案单位授权办理"{system:人遗系统}"'), target_fixture="granting_unit")
def given_hgr_grant(seeder, account, system):
    assert system == HGR, f"只支持“{HGR}”"
    legal = seeder.legal()
    seeder.hgr_filed(legal)
    seeder.grant(legal, account, HGR, ["事项办理员"])
    return legal


@when(in_browser('我在{browser}中从"{system:办事指南系统}"的办事指南进入办理入口'))
def when_enter_system(browser_pages: BrowserPages, browser, system):
    guide = ServiceGuidePage(browser_pages.page(browser))
    guide.open(system)
    guide.enter()


@when(in_browser("我在{browser}中选择该单位名称进入"))
def when_choose_unit(browser_pages: BrowserPages, granting_unit, browser):
    HgrLandingPage(browser_pages.page(browser)).choose_unit(granting_unit.unit_name)


@when("我用同样的信息重新注册该账号")
def when_register_again(registration_page: RegistrationPage, api, registrant):
    registration_page.open("自然人")
    registration_page.fill_person(registrant.login_name, registrant.name, registrant.id_number, registrant.phone)
    api.advance_clock(minutes=2)  # past the SMS resend cooldown
    registration_page.request_code()
    registration_page.submit(registrant.password, latest_code(api, registrant.phone))


# ---- 那么 -----------------------------------------------------------------------------------


@then(in_browser('{browser}中显示浏览器提示"{text}"'))
def then_hint_shown(browser_pages: BrowserPages, browser, text):
    expect(BrowserHint(browser_pages.page(browser)).region).to_contain_text(text)


@then(in_browser("{browser}中不显示浏览器提示"))
def then_no_hint(browser_pages: BrowserPages, browser):
    page = browser_pages.page(browser)
    expect(PortalFrame(page).content).not_to_be_empty()  # a page is shown: its absence is not a blank page's
    expect(BrowserHint(page).region).to_be_hidden()
    expect(BrowserHint(page).close_button.filter(visible=True)).to_have_count(0)  # however it is marked up


@then(in_browser('{browser}中页面提示错误"{text}"'))
def then_browser_alert(browser_pages: BrowserPages, browser, text):
    expect_message(browser_pages.page(browser), text, f"{browser}中页面提示错误")


@then(in_browser('{browser}中页面提示"{text}"'))
def then_browser_status(browser_pages: BrowserPages, browser, text):
    expect_message(browser_pages.page(browser), text, f"{browser}中页面提示")


@then(in_browser('{browser}中页面显示"{text}"'))
def then_browser_page_shows(browser_pages: BrowserPages, browser, text):
    expect(PortalFrame(browser_pages.page(browser)).content).to_contain_text(text)


@then(in_browser("{browser}中已登录为该账号"))
def then_signed_in(browser_pages: BrowserPages, account, browser):
    expect(PortalFrame(browser_pages.page(browser)).current_user(account.name)).to_be_visible()


@then(in_browser("{browser}中服务事项没有列出任何事项"))
def then_services_blank(browser_pages: BrowserPages, browser):
    page = browser_pages.page(browser)
    expect(PortalFrame(page).heading("服务事项")).to_be_visible()
    expect(ServicesPage(page).items).to_have_count(0)


@then(in_browser('{browser}中服务事项列出"{system}"的办理入口'))
def then_services_listed(browser_pages: BrowserPages, browser, system):
    expect(ServicesPage(browser_pages.page(browser)).entry(system)).to_be_visible()


@then(in_browser("{browser}中再次要求选择单位名称"))
def then_asked_for_unit_again(browser_pages: BrowserPages, granting_unit, browser):
    page = browser_pages.page(browser)
    expect(PortalFrame(page).heading("选择单位名称")).to_be_visible()
    expect(HgrLandingPage(page).unit_choice(granting_unit.unit_name)).to_be_visible()


@then(in_browser('{browser}中进入"{system}"系统'))
def then_in_system(browser_pages: BrowserPages, browser, system):
    expect(PortalFrame(browser_pages.page(browser)).heading(system)).to_be_visible()


@then(phrase('注册结果页面显示为乱码，看不到"{text}"'))
def then_garbled(frame: PortalFrame, text):
    expect(frame.content).to_contain_text(mojibake(text))
    expect(frame.words(text)).to_have_count(0)
