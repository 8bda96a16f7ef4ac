"""Security depth (issue 21, features/security/depth.feature): the back-office lock, a captcha that only
the eye can read, the current-password limit, notices after a password change, well-known passwords,
the absolute session lifetime, personal pages not cached, and FAQ-prescribed risks recorded as findings."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import then, when

from pages.admin_pages import AdminLoginPage
from pages.change_password_page import ChangePasswordPage
from pages.frame import PortalFrame
from pages.login_page import LoginPage
from pages.my_info_pages import MyInfoPage
from pages.services_page import ServicesPage, SystemLandingPage
from support.data import factories
from support.gherkin.parsing import phrase


@when(phrase("有人用该审核员账号和错误的密码连续{times:整数}次登录后台"))
def when_wrong_admin_logins(page, reviewer, times):
    login = AdminLoginPage(page)
    login.open()
    for _ in range(int(times)):
        login.log_in(reviewer.username, reviewer.password + "x")
        expect(login.password).to_have_value("")  # the answer page is back (a wait, not a check)


@when("审核员用正确的密码登录后台")
def when_admin_logs_in_rightly(page, reviewer):
    login = AdminLoginPage(page)
    login.open()
    login.log_in(reviewer.username, reviewer.password)


@then("验证码是一张图片，它的答案不在网页代码和图片说明中")
def then_captcha_only_in_pixels(page, login_page: LoginPage, captcha_solver):
    expect(login_page.captcha_image).to_be_visible()
    answer = captcha_solver()
    assert answer not in page.content(), "网页代码中含有验证码的答案"
    image = page.request.get(login_page.captcha_image.get_attribute("src"))
    assert image.headers.get("content-type", "").startswith("image/"), "验证码应是一张图片"
    assert answer.encode() not in image.body(), "验证码图片的数据中以文字形式含有答案"


@when(phrase("我连续{times:整数}次输入错误的原密码修改密码"))
def when_wrong_current_passwords(change_password_page: ChangePasswordPage, account, times):
    new = factories.new_password()
    for i in range(int(times)):
        change_password_page.change(f"{account.password}x{i}", new)
        expect(change_password_page.old_password).to_have_value("")


@when("我把密码改为一个符合规则的新密码", target_fixture="account")
def when_change_to_good_password(change_password_page: ChangePasswordPage, account):
    new = factories.new_password()
    change_password_page.change(account.password, new)
    account.password = new
    return account


@when(phrase('我把新密码设为"{password}"'))
def when_change_to_given_password(change_password_page: ChangePasswordPage, account, password):
    change_password_page.change(account.password, password)


@when("我把新密码设为一个包含登录名的密码")
def when_change_to_password_with_login_name(change_password_page: ChangePasswordPage, account):
    change_password_page.change(account.password, f"Xy#{account.login_name}9")


@then(phrase('该账号的预留手机号收到了短信通知"{text}"'))
def then_notice_sms(sms_text, account, text):
    notice = sms_text(account.phone)
    assert text in notice, f"预留手机号最近的短信不是预期的通知：{notice}"
    assert "如非本人操作" in notice, "通知应告诉用户如非本人操作该怎么办"


@when(phrase("我在{hours:整数}小时内每隔{minutes:整数}分钟打开一次我的信息"))
def when_busy_for_hours(my_info: MyInfoPage, frame: PortalFrame, target, hours, minutes):
    """Never idle for the idle timeout; then one more step past `hours` since the login."""
    target.require("clock")
    for _ in range(int(hours) * 60 // int(minutes)):
        target.control.advance_clock(minutes=float(minutes))
        my_info.open_by_address()
        expect(frame.signed_in_label).to_be_visible()
    target.control.advance_clock(minutes=float(minutes))
    my_info.open_by_address()


@when("我打开我的信息并记下页面的响应", target_fixture="my_info_response")
def when_open_my_info_keep_response(my_info: MyInfoPage, frame: PortalFrame):
    response = my_info.open_by_address()
    expect(frame.signed_in_label).to_be_visible()
    return response


@then("该页面要求浏览器和代理都不保存副本")
def then_no_store(my_info_response):
    cache = (my_info_response.all_headers().get("cache-control") or "").lower()
    assert "no-store" in cache, f"含个人信息的页面应带 Cache-Control: no-store，实为 {cache or '（无）'}"


@then(phrase('记录安全发现："{finding}"'))
def then_record_finding(request, finding):
    """A risk the FAQ prescribes: the scenario documents it (tag @security-finding) instead of passing silently."""
    request.node.user_properties.append(("security-finding", finding))
    print(f"安全发现 (security finding): {finding}")


@when(phrase('我未登录打开服务事项并点击"{system:业务系统}"的办理入口'))
def when_enter_before_login(services_page: ServicesPage, login_page: LoginPage, system):
    services_page.open()
    services_page.enter(system)
    expect(login_page.captcha_image).to_be_visible()  # the login page asks first


@then(phrase('页面显示"{system}"的办理入口按钮'))
def then_entry_button(landing_page: SystemLandingPage, frame: PortalFrame, system):
    expect(frame.heading(system)).to_be_visible()
    expect(landing_page.entry_button).to_be_visible()


@when("我点击办理入口按钮")
def when_click_entry_button(landing_page: SystemLandingPage):
    landing_page.enter()
