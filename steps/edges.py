"""Steps of the edge scenarios that mutation testing asked for (issue 19, docs/mutation.md): the
promise at its edge — an identity that exists but is someone else's, a value just past a rule's limit."""

import datetime as dt
from urllib.parse import urlencode

from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.authorization_page import AuthorizationPage
from pages.frame import field
from pages.login_page import LoginPage
from pages.recovery_reset_page import ResetPasswordPage
from pages.registration_page import RegistrationPage
from pages.services_page import ServicesPage
from support.data import factories
from support.data.actors import Actors
from support.data.working_days import is_working_day
from support.gherkin.message_checks import expect_message
from support.gherkin.parsing import param_type, phrase
from support.reporting import redaction
from support.target.sms_outbox import CODE


@given(phrase("身份核验库中登记了{who:核验对象}的号码，但登记在另一个{what}下"), target_fixture="identity_number")
def given_registry_knows_the_number_under_another_name(seeder, account, registered_unit, who, what):
    """The number is real, the name is not this person's (or this unit's): 实名 must fail."""
    if who == "该单位":
        registered_unit.update(seeder.registry_unit_elsewhere(account))
        return None
    return seeder.registry_person_elsewhere(account)


# -- 短信验证码: 10 分钟有效、只能用一次 (FAQ-1.1.2, 1.2.3, 1.9.1) ------------------------------------


def _portal_now(target) -> dt.datetime:
    return dt.datetime.fromisoformat(target.control.advance_clock(minutes=0))


def last_code_sent(api, phone: str) -> str:
    """The code of the latest SMS that carried one (a notice such as 密码已修改 may have come after it)."""
    for message in reversed(api.sms(phone)):
        found = CODE.search(message["text"])
        if found:
            redaction.register(found.group(1))
            return found.group(1)
    raise AssertionError("该手机号没有收到过短信验证码")


def code_sent(target, phone: str) -> str:
    """The latest code sent to `phone`: the mock's outbox through the test API, else the target file's
    `sms: command` (a staging gateway's reader, which also gives the last SMS that carried a code)."""
    if target.api is not None:
        return last_code_sent(target.api, phone)
    from support.target import staging

    code = staging.sms_code(target, phone)
    redaction.register(code)
    return code


@given(phrase("验证码发出后平台时间过去{minutes:整数}分{seconds:整数}秒"))
@when(phrase("验证码发出后平台时间过去{minutes:整数}分{seconds:整数}秒"))
def when_time_since_code(target, api, account, minutes, seconds):
    """Moves the portal clock to that long after the latest SMS to the account's phone was sent (the
    real seconds that the scenario itself took count in), so a boundary is met whatever the machine's
    speed. The portal clock keeps running: the next step acts a few real seconds later."""
    target.require("clock")
    sent = dt.datetime.fromisoformat([m for m in api.sms(account.phone) if CODE.search(m["text"])][-1]["sent_at"])
    wanted = sent + dt.timedelta(minutes=int(minutes), seconds=int(seconds))
    left = (wanted - _portal_now(target)).total_seconds()
    assert left > 0, f"验证码发出已超过{minutes}分{seconds}秒，场景本身太慢"
    target.control.advance_clock(minutes=left / 60)


@when("我用已经用过的短信验证码再设置一个新密码")
def when_reset_with_spent_code(reset_password_page: ResetPasswordPage, target, account):
    """The code of the latest SMS, already spent by the reset before; no new code was asked for.
    The account's password stays what the first reset made it."""
    reset_password_page.reset(code_sent(target, account.phone), factories.new_password())


@when("我用同一手机号和刚才用过的短信验证码再注册一个自然人账号")
def when_register_again_with_spent_code(registration_page: RegistrationPage, target, registrant):
    """Same phone, a fresh person, the code that the first registration spent (none asked for anew)."""
    person = factories.Person(login_name=factories.unique("zc"))
    registration_page.open("自然人")
    registration_page.fill_person(person.login_name, person.name, person.id_number, registrant.phone)
    registration_page.submit(person.password, code_sent(target, registrant.phone))


@when(phrase('我以{kind:用户类型}身份用密码"{password}"登录'))
def when_log_in_with_password(login_page: LoginPage, captcha_solver, account, kind, password):
    login_page.open()
    login_page.log_in(kind, account.login_name, password, captcha_solver())


# -- 服务器端拒绝页面未提供的内容 (FAQ-1.10.1) ---------------------------------------------------------


@when(phrase('法人绕过页面直接提交"{system:业务系统}"的"{role}"角色的授权'), target_fixture="posted")
def when_post_grant_not_offered(actors: Actors, system, role):
    """What a user can do without the page: post the grant form as it is (its CSRF token included, in
    the same session through the page's own request context) with a role the page does not offer. The
    mock's form names a role `<system key>:<role>`; the key is read from the system's 办理入口 link."""
    page = actors.page("法人")
    submit = AuthorizationPage(page).submit_button
    field_name = page.get_by_role("checkbox").first.get_attribute("name")
    services = ServicesPage(page.context.new_page())
    services.open()
    key = services.entry(system).get_attribute("href").rstrip("/").split("/")[-2]  # /services/<key>/enter
    services.page.close()
    return _post_form(page, submit, extra=[(field_name, f"{key}:{role}")])


# The form's target, resolved as the browser would. Not `form.action`: a field named "action" (the reset
# form has one) shadows that property.
FORM_ACTION = "b => new URL(b.form.getAttribute('action') || document.URL, document.baseURI).href"


def _post_form(page, submit, blank: str | None = None, extra=()):
    """Posts the form of the `submit` button as it stands (every field, its CSRF token and the button's
    own name/value included), in the page's session through its own request context, with the field named
    `blank` emptied and `extra` pairs added: what a client that is not the page can send."""
    fields = submit.evaluate("b => [...new FormData(b.form, b)].filter(([, v]) => typeof v === 'string')")
    pairs = [(k, "" if k == blank else v) for k, v in fields] + list(extra)
    return page.request.post(
        submit.evaluate(FORM_ACTION),
        data=urlencode(pairs),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )


@when(phrase('我绕过页面直接提交"{button}"，"{label}"留空'), target_fixture="posted")
def when_post_with_blank(page, button, label):
    """A required field the browser will not let the page submit blank, posted blank all the same."""
    name = field(page, label, exact=True).get_attribute("name")
    return _post_form(page, page.get_by_role("button", name=button, exact=True), blank=name)


def _fill_reset_form(reset_password_page: ResetPasswordPage, target, account) -> str:
    reset_password_page.code.fill(code_sent(target, account.phone))
    new = factories.new_password()
    reset_password_page.new_password.fill(new)
    reset_password_page.confirm_password.fill(new)
    return new


@when("我填写短信验证码和一个符合规则的新密码，先不提交")
def when_fill_reset_form(reset_password_page: ResetPasswordPage, target, account):
    _fill_reset_form(reset_password_page, target, account)


@when("我填写短信验证码并设置一个符合规则的新密码，提交前留下一份表单", target_fixture="saved_form")
def when_reset_keeping_form(reset_password_page: ResetPasswordPage, target, account):
    """As 我填写短信验证码并设置一个符合规则的新密码, keeping what the browser posts (a copy of the form,
    CSRF token included) so that it can be posted a second time, as a reset link used twice would be."""
    account.password = _fill_reset_form(reset_password_page, target, account)
    button = reset_password_page.reset_button
    saved = (
        button.evaluate(FORM_ACTION),
        button.evaluate("b => [...new FormData(b.form, b)].filter(([, v]) => typeof v === 'string')"),
    )
    button.click()
    return saved


@when("我把留下的那份重置表单再提交一次", target_fixture="posted")
def when_post_saved_form_again(page, saved_form):
    action, fields = saved_form
    return page.request.post(
        action,
        data=urlencode([tuple(f) for f in fields]),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )


@then(phrase('服务器拒绝了这次授权并提示"{text}"'))
@then(phrase('服务器拒绝了这次提交并提示"{text}"'))
def then_post_refused(posted, text):
    assert not posted.ok, f"期望服务器拒绝这次提交，但它接受了（HTTP {posted.status}，{posted.url}）"
    assert text in posted.text(), f"期望拒绝的页面提示“{text}”（HTTP {posted.status}）"


@when(phrase("我在登录页以{kind:用户类型}身份填好该账号的登录名、密码和验证码，先不提交"))
def when_fill_login_form(login_page: LoginPage, captcha_solver, account, kind):
    login_page.open()
    login_page.fill(kind, account.login_name, account.password, captcha_solver())


@when(phrase("我连续{times:整数}次填写错误的短信验证码并设置新密码"))
def when_wrong_codes(reset_password_page: ResetPasswordPage, target, account, times):
    """A code that differs from the one sent in every digit, tried `times` times on the reset page."""
    right = code_sent(target, account.phone)
    wrong = "".join(str((int(d) + 5) % 10) for d in right)
    for _ in range(int(times)):
        reset_password_page.reset(wrong, factories.new_password())
        expect(reset_password_page.reset_button).to_be_visible()  # the page is back before the next try


@when("我填写短信验证码，确认新密码与新密码不一致")
def when_reset_with_mismatch(reset_password_page: ResetPasswordPage, target, account):
    new = factories.new_password()
    reset_password_page.reset(code_sent(target, account.phone), new, confirm=new + "9")


@given("平台时间来到休息日前的最后一个工作日")
def given_day_before_rest_days(target):
    """Moves the portal clock by whole days to the next working day that a rest day follows (a Friday, or
    the eve of a holiday, by the suite's own calendar, support/data/working_days.py), so that a promise in
    working days has to step over rest days."""
    target.require("clock")
    today = _portal_now(target).date()
    day = today + dt.timedelta(days=1)
    while not (is_working_day(day) and not is_working_day(day + dt.timedelta(days=1))):
        day += dt.timedelta(days=1)
    target.control.advance_clock(days=(day - today).days)


param_type(
    "改错密码的方式",
    ("新密码与原密码相同", "原密码填错", "确认新密码与新密码不一致"),
    origin="steps/edges.py 的 when_change_password_wrongly",
)


@when(phrase("我在我的信息中点击修改密码，{how:改错密码的方式}"))
def when_change_password_wrongly(my_info, change_password_page, account, how):
    """The password change as a user gets it wrong: 新密码与原密码相同 / 原密码填错 / 确认新密码与新密码不一致.
    The account's password stays what it was."""
    my_info.change_password_link.click()
    new = factories.new_password()
    old, new, confirm = {
        "新密码与原密码相同": (account.password, account.password, None),
        "原密码填错": (account.password + "9", new, None),
        "确认新密码与新密码不一致": (account.password, new, new + "9"),
    }[how]
    change_password_page.change(old, new, confirm)


# -- 后台审核只能处理一次 (FAQ-1.3.2) -------------------------------------------------------------------


def _form_of(button) -> tuple[str, list]:
    """What the browser would post for this button: the form's target and its fields (CSRF token and the
    button's own name/value included)."""
    return (
        button.evaluate(FORM_ACTION),
        button.evaluate("b => [...new FormData(b.form, b)].filter(([, v]) => typeof v === 'string')"),
    )


@when("审核员审核通过该申诉，提交前留下一份表单", target_fixture="saved_form")
def when_reviewer_approves_keeping_form(back_office):
    review = back_office.review
    review.reason.fill("材料齐全，同意找回")
    saved = _form_of(review.approve_button)
    review.approve_button.click()
    return saved


@when("审核员把留下的那份审核表单再提交一次", target_fixture="posted")
def when_reviewer_posts_again(back_office, saved_form):
    action, fields = saved_form
    return back_office.review.page.request.post(
        action,
        data=urlencode([tuple(f) for f in fields]),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )


@when("审核员不填原因就驳回该申诉")
def when_reviewer_rejects_without_reason(back_office):
    back_office.review.reject_button.click()


@then(phrase('后台页面提示错误"{text}"'))
def then_back_office_error(back_office, text):
    expect_message(back_office.review.page, text, "后台页面提示错误")
