"""服务事项 (FAQ-1.4): the catalogue, its search box, 关注 and 办理入口, for the signed-in user
of the scenario (`page`). Two-actor entry steps live in steps/actors.py."""

from playwright.sync_api import expect
from pytest_bdd import then, when

from pages.frame import heading
from pages.services_page import ServicesPage, SystemLandingPage
from support.gherkin.parsing import phrase


@when(phrase('我在服务事项中搜索"{keyword}"'))
def when_search(services_page: ServicesPage, keyword):
    services_page.open()
    services_page.search(keyword)


@when(phrase('我点击"{system:业务系统}"的办理入口'))
def when_enter(services_page: ServicesPage, system):
    services_page.enter(system)


@when(phrase('我关注"{system:业务系统}"'))
def when_follow(services_page: ServicesPage, system):
    services_page.toggle_follow(system)


@when(phrase('我取消关注"{system:业务系统}"'))
def when_unfollow(services_page: ServicesPage, system):
    """Clicks the item's 取消关注 (the same button as 关注, named after what it will do)."""
    services_page.toggle_follow(system)


@then(phrase('服务事项列出"{system}"，主办单位为"{host}"，事项编码为"{code}"'))
def then_listed(services_page: ServicesPage, system, host, code):
    item = services_page.item(system)
    expect(item).to_contain_text(f"主办单位：{host}")
    expect(item).to_contain_text(f"事项编码：{code}")


@then(phrase('"{system}"有办理入口'))
def then_has_entry(services_page: ServicesPage, system):
    expect(services_page.entry(system)).to_be_visible()


@then(phrase('"{system}"没有办理入口'))
def then_has_no_entry(services_page: ServicesPage, system):
    expect(services_page.item(system)).to_be_visible()
    expect(services_page.entry(system)).to_have_count(0)


@then(phrase('服务事项只列出"{system}"'))
def then_only(services_page: ServicesPage, system):
    expect(services_page.items).to_have_count(1)
    expect(services_page.item(system)).to_be_visible()


@then(phrase('"{system}"的关注状态为"{state}"'))
def then_follow_state(services_page: ServicesPage, system, state):
    expect(services_page.item(system)).to_contain_text(f"关注状态：{state}")


@then(phrase('我进入"{system}"系统，当前角色为"{role}"'))
def then_in_system(landing_page: SystemLandingPage, system, role):
    expect(heading(landing_page.page, system)).to_be_visible()
    expect(landing_page.role_line(role)).to_be_visible()
