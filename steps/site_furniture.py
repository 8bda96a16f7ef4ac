"""政府网站基本要素 (issue 12): footer identification/filing numbers, 网站地图 and 隐私声明 links,
the 关怀版 switch (verified by the computed font size), and the whole-site accessibility crawl."""

import re

import allure
from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.admin_pages import AdminLoginPage
from pages.frame import PortalFrame
from pages.site_footer import SiteFooter
from support.a11y import a11y_crawl
from support.gherkin.parsing import phrase
from support.reporting import allure_safe

LARGE_TEXT = re.compile(r"^(?:2\d|[3-9]\d)(?:\.\d+)?px$")  # 关怀版: body text of at least 20px
FURNITURE = ("网站标识码", "ICP备", "公网安备")


@then(phrase('页脚显示网站标识码"{site_code}"、ICP备案号"{icp}"和公安备案号"{police}"'))
def then_footer_numbers(site_footer: SiteFooter, site_code, icp, police):
    expect(site_footer.footer).to_contain_text(f"网站标识码：{site_code}")
    expect(site_footer.footer).to_contain_text(icp)
    expect(site_footer.footer).to_contain_text(police)


@then(phrase('页脚提供"{first}"和"{second}"链接'))
def then_footer_links(site_footer: SiteFooter, first, second):
    expect(site_footer.link(first)).to_be_visible()
    expect(site_footer.link(second)).to_be_visible()


@when(phrase('我点击页脚的"{name}"'))
def when_follow_footer_link(site_footer: SiteFooter, name):
    site_footer.follow(name)


@when("我打开一个不存在的页面")
def when_open_missing_page(frame: PortalFrame):
    frame.open_missing_page()


@when("我打开关怀版")
@when("我关闭关怀版")
def when_toggle_care(site_footer: SiteFooter):
    site_footer.toggle_care()


@then("页面文字已放大，关怀版开关显示为已开启")
def then_text_enlarged(site_footer: SiteFooter):
    expect(site_footer.care_switch).to_have_attribute("aria-pressed", "true")
    expect(site_footer.main).to_have_css("font-size", LARGE_TEXT)


@then("页面文字恢复为标准字号，关怀版开关显示为已关闭")
def then_text_standard(site_footer: SiteFooter):
    expect(site_footer.care_switch).to_have_attribute("aria-pressed", "false")
    expect(site_footer.main).to_have_css("font-size", "16px")


@given("审核员已登录后台")
def given_reviewer_signed_in(page, reviewer):
    login = AdminLoginPage(page)
    login.open()
    login.log_in(reviewer.username, reviewer.password)


@when(phrase('我巡检从"{start}"通过链接能到达的每个页面'), target_fixture="crawled")
def when_crawl(page, target, start, a11y_once):
    """On a target without the test API the summary lists the pages without the mock's template coverage."""
    page.goto(start)
    visited = a11y_crawl.crawl(page, start, once=a11y_once)
    templates = target.api.templates() if target.api is not None else None
    allure_safe.attach(
        a11y_crawl.summary(visited, templates), name="巡检页面与模板覆盖", attachment_type=allure.attachment_type.TEXT
    )
    return visited


when_crawl.checks_current_pages = True  # the crawl ran axe on the page it ended on


@then("巡检到的每个页面都没有严重的无障碍问题")
def then_crawl_clean(crawled):
    """Templates another scenario of this run checked first (result None) fail that scenario instead."""
    problems = {
        v.template: f"模板 {v.template}：{v.result.failure_message()}"
        for v in crawled
        if v.result is not None and v.result.failing
    }
    assert crawled, "没有巡检到任何页面"
    assert not problems, "\n\n".join(problems.values())


@then("巡检到的每个页面都有政府网站标识和备案信息")
def then_crawl_furniture(crawled):
    missing = [
        f"{v.path}（{v.template}）缺少：{'、'.join(t for t in FURNITURE if t not in v.footer)}"
        for v in crawled
        if not all(t in v.footer for t in FURNITURE)
    ]
    assert not missing, "以下页面的页脚缺少政府网站标识或备案信息：\n" + "\n".join(missing)
