"""用户注册 (FAQ-1.9.1–1.9.3): registering natural and legal accounts with readable kinds of ID
numbers and credit codes, the refusals with their appeal links, and 检索."""

import random
import secrets

from playwright.sync_api import expect
from pytest_bdd import then, when

from pages.frame import PortalFrame
from pages.login_page import LoginPage
from pages.registration_page import RegistrationPage
from support.data import factories, identity
from support.data.personas import Actor, legal_actor
from support.gherkin.parsing import param_type, phrase

_rng = random.Random(secrets.randbits(64))
FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789X"}
# The phrases each *_for function below knows (tests/unit/test_step_types.py calls it with every one).
ID_NUMBER_WAYS = (
    "一个新的有效身份证号",
    "一个校验位错误的身份证号",
    "一个出生日期不存在的身份证号",
    "一个17位的身份证号",
    "该账号的证件号码",
    "全角并带空格的该账号证件号码",
)
UNIT_NAME_WAYS = ("一个新的单位名称", "该单位的名称", "该单位变更后的名称")
CREDIT_CODE_WAYS = ("一个新的信用代码", "一个校验位错误的信用代码", "一个含字母I的信用代码", "该单位的信用代码")
LOOKUPS = ("该账号的登录名", "该账号的证件号码", "一个未注册的登录名", "新注册的账号的登录名")
param_type("身份证号写法", ID_NUMBER_WAYS, origin="steps/registration.py 的 ID_NUMBER_WAYS")
param_type("单位名称写法", UNIT_NAME_WAYS, origin="steps/registration.py 的 UNIT_NAME_WAYS")
param_type("信用代码写法", CREDIT_CODE_WAYS, origin="steps/registration.py 的 CREDIT_CODE_WAYS")
param_type("检索内容", LOOKUPS, origin="steps/registration.py 的 LOOKUPS")


def full_width_with_spaces(number: str) -> str:
    """１１０１０５ １９４９… with a lowercase ｘ: what a Chinese input method may produce."""
    wide = "".join(FULL_WIDTH.get(c, c) for c in number).replace("Ｘ", "ｘ")
    return f"{wide[:6]} {wide[6:14]} {wide[14:]}"


def id_number_for(how: str, request) -> str:
    fresh = identity.new_id_number(_rng)
    if how == "一个新的有效身份证号":
        return fresh
    if how == "一个校验位错误的身份证号":
        return identity.with_wrong_check(fresh, "0123456789X")
    if how == "一个出生日期不存在的身份证号":
        first17 = fresh[:10] + "13" + fresh[12:17]
        return first17 + identity.id_check_char(first17)
    if how == "一个17位的身份证号":
        return fresh[:17]
    existing = request.getfixturevalue("account").id_number
    return {"该账号的证件号码": existing, "全角并带空格的该账号证件号码": full_width_with_spaces(existing)}[how]


def unit_name_for(how: str, request) -> str:
    if how == "一个新的单位名称":
        return factories.LegalUnit().unit_name
    account = request.getfixturevalue("account")
    return {"该单位的名称": account.unit_name, "该单位变更后的名称": getattr(account, "new_unit_name", "")}[how]


def credit_code_for(how: str, request) -> str:
    fresh = identity.new_credit_code(_rng)
    if how == "一个新的信用代码":
        return fresh
    if how == "一个校验位错误的信用代码":
        return identity.with_wrong_check(fresh, identity.CREDIT_ALPHABET)
    if how == "一个含字母I的信用代码":
        return fresh[:10] + "I" + fresh[11:]
    return {"该单位的信用代码": request.getfixturevalue("account").credit_code}[how]


@when(phrase("我用{how:身份证号写法}注册一个新的自然人账号"), target_fixture="registrant")
def when_register_natural(registration_page: RegistrationPage, sms_code, request, how):
    person = factories.Person(login_name=factories.unique("zc"))
    person.id_number = id_number_for(how, request)
    registration_page.open("自然人")
    registration_page.fill_person(person.login_name, person.name, person.id_number, person.phone)
    registration_page.request_code()
    registration_page.submit(person.password, sms_code(person.phone))
    return Actor("natural", person.login_name, person.password, person.name, person.phone, id_number=person.id_number)


@when(phrase("我用{name_how:单位名称写法}和{code_how:信用代码写法}注册一个新的法人账号"), target_fixture="registrant")
def when_register_legal(registration_page: RegistrationPage, sms_code, request, name_how, code_how):
    unit = factories.LegalUnit(login_name=factories.unique("fc"))
    unit.unit_name, unit.credit_code = unit_name_for(name_how, request), credit_code_for(code_how, request)
    registration_page.open("法人")
    registration_page.fill_unit(unit.unit_name, unit.credit_code, unit.agent_name, unit.phone, unit.login_name)
    registration_page.request_code()
    registration_page.submit(unit.password, sms_code(unit.phone))
    return legal_actor(unit)


@then(phrase('提示中附有"{link}"的链接'))
def then_alert_links_to(frame: PortalFrame, link):
    expect(frame.message_link(link)).to_be_visible()


@when(phrase('我点击提示中的"{link}"链接'))
def when_follow_alert_link(frame: PortalFrame, link):
    frame.message_link(link).click()


@when(phrase("我以{kind:用户类型}身份用新注册的账号登录"))
def when_log_in_as_registrant(login_page: LoginPage, captcha_solver, registrant: Actor, kind):
    login_page.open()
    login_page.log_in(kind, registrant.login_name, registrant.password, captcha_solver())


@then(phrase('我已作为新注册的账号登录，用户类型为"{kind}"'))
def then_logged_in_as_registrant(frame: PortalFrame, registrant: Actor, kind):
    expect(frame.current_user(registrant.name)).to_be_visible()
    expect(frame.user_type(kind)).to_be_visible()


@when(phrase("我在注册页检索{what:检索内容}"))
def when_look_up(registration_page: RegistrationPage, request, what):
    query = {
        "该账号的登录名": lambda: request.getfixturevalue("account").login_name,
        "该账号的证件号码": lambda: request.getfixturevalue("account").id_number,
        "一个未注册的登录名": lambda: factories.unique("nobody"),
        "新注册的账号的登录名": lambda: request.getfixturevalue("registrant").login_name,
    }[what]()
    registration_page.look_up(query)
