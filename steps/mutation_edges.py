"""Steps of the edge scenarios written for the survivors of `make mutation` (issue 19, docs/mutation.md)
that steps/edges.py does not already have: what a user sees that no earlier scenario looked at."""

import random
import secrets

from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.login_page import LoginPage
from pages.registration_page import RegistrationPage
from support.data import factories, identity
from support.data.actors import Actors
from support.data.personas import Actor
from support.gherkin.parsing import phrase

_rng = random.Random(secrets.randbits(64))


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


# -- 自然人注册 (FAQ-1.9.1): the code's notice and the password confirmation -------------------------


@when("我填写自然人注册信息并获取短信验证码", target_fixture="registrant")
def when_fill_registration_and_request_code(registration_page: RegistrationPage):
    person = factories.Person(login_name=factories.unique("zc"))
    person.id_number = identity.new_id_number(_rng)
    registration_page.open("自然人")
    registration_page.fill_person(person.login_name, person.name, person.id_number, person.phone)
    registration_page.request_code()
    return Actor("natural", person.login_name, person.password, person.name, person.phone, id_number=person.id_number)


@when("我填写短信验证码，确认密码与密码不一致，点击注册")
def when_register_with_a_different_confirmation(registration_page: RegistrationPage, sms_code, registrant: Actor):
    registration_page.password.fill(registrant.password)
    registration_page.confirm_password.fill(registrant.password + "9")
    registration_page.sms_code.fill(sms_code(registrant.phone))
    registration_page.register_button.click()


# -- 人类遗传资源管理: a grant that has ended is not a unit to choose (FAQ-2.1, FAQ-2.3) -----------------


@given(phrase('另一单位的法人已授权该自然人"{system:人遗系统}"的"{role:授权角色}"角色，有效期{days:整数}天'))
def given_other_unit_granted_for_days(actors: Actors, seeder, system, role, days):
    seeder.grant(actors.actor("另一单位的法人"), actors.natural, system, [role], int(days))
