"""在线办事 → 我的信息 (FAQ-1.6, 1.7.1, 1.7.2, 1.8.6, 1.8.7): editing and saving the sections,
required fields, the reserved phone, 修改密码 from 我的信息, 法定代表人信息."""

from playwright.sync_api import expect
from pytest_bdd import then, when

from pages.change_password_page import ChangePasswordPage
from pages.my_info_pages import TABS, MyInfoPage
from support.data import factories
from support.gherkin.parsing import param_type, phrase

param_type("我的信息栏目", lambda: TABS, origin="pages/my_info_pages.py 的 TABS")


@when(phrase('我打开我的信息的"{tab:我的信息栏目}"'))
def when_open_my_info(my_info: MyInfoPage, tab):
    my_info.open(tab)


@when("我填写以下信息并保存", target_fixture="entered")
def when_fill_and_save(my_info: MyInfoPage, datatable):
    values = {row[0]: row[1] for row in datatable[1:]}
    my_info.fill(values)
    my_info.save()
    return values


@then("我填写的信息都已保存")
def then_entered_values_kept(my_info: MyInfoPage, entered):
    for label, value in entered.items():
        expect(my_info.field(label)).to_have_value(value)


@when(
    phrase(
        '我清空"{label}"并保存',
    ),
    target_fixture="original",
)
def when_clear_and_save(my_info: MyInfoPage, label):
    original = my_info.field(label).input_value()
    my_info.fill({label: ""})
    my_info.save()
    return {label: original}


@then(phrase('"{label}"仍是原来的值'))
def then_value_unchanged(my_info: MyInfoPage, original, label):
    expect(my_info.field(label)).to_have_value(original[label])
    expect(my_info.field(label)).not_to_have_value("")


@when(phrase('我把"{label}"改为一个新号码并保存，不输入当前密码'), target_fixture="new_phone")
def when_change_phone_without_password(my_info: MyInfoPage, label):
    phone = factories.new_phone()
    my_info.fill({label: phone})
    my_info.save()
    return phone


@when(phrase('我输入当前密码，把"{label}"改为一个新号码并保存'), target_fixture="new_phone")
def when_change_phone_with_password(my_info: MyInfoPage, account, label):
    phone = factories.new_phone()
    my_info.fill({label: phone, "当前密码": account.password})
    my_info.save()
    account.phone = phone
    return phone


@when(phrase('我输入错误的当前密码，把"{label}"改为一个新号码并保存'), target_fixture="new_phone")
def when_change_phone_with_wrong_password(my_info: MyInfoPage, account, label):
    phone = factories.new_phone()
    my_info.fill({label: phone, "当前密码": account.password + "x"})
    my_info.save()
    return phone


@then(phrase('"{label}"显示新号码'))
def then_new_phone_shown(my_info: MyInfoPage, new_phone, label):
    expect(my_info.field(label)).to_have_value(new_phone)


@then(phrase('"{label}"不是新号码'))
def then_phone_not_changed(my_info: MyInfoPage, account, new_phone, label):
    expect(my_info.field(label)).to_have_value(account.phone)
    expect(my_info.field(label)).not_to_have_value(new_phone)


@when("我在我的信息中点击修改密码并设置一个新密码", target_fixture="account")
def when_change_password_from_my_info(my_info: MyInfoPage, change_password_page: ChangePasswordPage, account):
    my_info.change_password_link.click()
    new = factories.new_password()
    change_password_page.change(account.password, new)
    account.password = new
    return account


@when(phrase('我把法定代表人信息的类型选为"{rep_type}"、所属大洲选为"{continent}"并保存'))
def when_set_representative(my_info: MyInfoPage, rep_type, continent):
    my_info.rep_type.select_option(rep_type)
    if continent or my_info.rep_continent.is_enabled():
        my_info.rep_continent.select_option(continent)
    my_info.save()


@then(phrase('法定代表人信息的类型为"{rep_type}"、所属大洲为"{continent}"'))
def then_representative_is(my_info: MyInfoPage, rep_type, continent):
    expect(my_info.rep_type).to_have_value(rep_type)
    expect(my_info.rep_continent).to_have_value(continent)


@then(phrase('信息更新记录中有"{section}"的更新，更新内容包括"{label}"'))
def then_update_logged(my_info: MyInfoPage, section, label):
    expect(my_info.update_row(section)).to_contain_text(label)


@when(phrase('我把法定代表人信息的类型选为"{rep_type}"'))
def when_choose_rep_type(my_info: MyInfoPage, rep_type):
    my_info.rep_type.select_option(rep_type)


@then("所属大洲不需要选择")
def then_continent_not_asked(my_info: MyInfoPage):
    expect(my_info.rep_continent).to_be_disabled()
    expect(my_info.rep_continent).to_have_value("")


@then("所属大洲可以选择")
def then_continent_asked(my_info: MyInfoPage):
    expect(my_info.rep_continent).to_be_enabled()
