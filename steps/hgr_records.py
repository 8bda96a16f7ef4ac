"""人类遗传资源管理系统 records kept by the back office: online filing (FAQ-2.5), migration after a
unit rename (FAQ-2.6), transfer after a departure (FAQ-2.7) and backup numbers (FAQ-2.9)."""

from playwright.sync_api import expect
from pytest_bdd import then, when

from pages.hgr_system import HgrBackupPage, HgrMigrationPage, HgrTransferPage
from pages.unit_rename_page import UnitRenamePage
from steps.hgr import HgrScene, landing
from support.data import documents
from support.data.actors import Actors
from support.gherkin.parsing import phrase


@when("法人提交开通网上申报系统的报备申请")
def when_request_filing(actors: Actors):
    landing(actors, "法人").request_filing()


@when("后台审核通过该单位的报备申请")
def when_filing_approved(actors: Actors, seeder):
    seeder.approve("hgr_filing", legal=actors.legal)


@when("该单位的名称变更为新名称")
def when_unit_renamed(actors: Actors, seeder, hgr: HgrScene):
    """As on the portal: the 法人 asks for the new name with a stamped 变更声明 (我的信息 → 单位名称变更), the
    back office approves it."""
    old = actors.legal.unit_name
    new = old.replace("有限公司", "") + "生物技术有限公司"
    form = UnitRenamePage(actors.page("法人"))
    form.open()
    form.request(new, [documents.png_file("单位名称变更声明.png")])
    expect(form.message("单位名称变更申请已提交，审核通过后生效")).to_be_visible()
    seeder.approve("unit_rename", legal=actors.legal)
    hgr.unit_names = [old, new]
    actors.legal.unit_name = new


@when("法人提交项目迁移申请，填写该项目的项目编号、自然人账号、原单位名称和新单位名称")
def when_request_migration(actors: Actors, hgr: HgrScene):
    form = HgrMigrationPage(actors.page("法人"))
    form.open()
    numbers = [p["number"] for p in hgr.projects.values()]
    form.request(numbers, actors.natural.login_name, hgr.unit_names[0], hgr.unit_names[-1])


@when("后台审核通过该项目迁移申请")
def when_migration_approved(actors: Actors, seeder):
    seeder.approve("hgr_migration", legal=actors.legal)


@when("法人提交项目移送申请，把离职员工的项目移送给在职员工")
def when_request_transfer(actors: Actors):
    form = HgrTransferPage(actors.page("法人"))
    form.open()
    form.request(actors.actor("离职员工").login_name, actors.actor("在职员工").login_name)


@when("法人提交项目移送申请，把离职员工的项目移送给一个未获本单位授权的自然人")
def when_request_transfer_to_stranger(actors: Actors, seeder):
    stranger = seeder.natural()
    form = HgrTransferPage(actors.page("法人"))
    form.open()
    form.request(actors.actor("离职员工").login_name, stranger.login_name)


@when("后台审核通过该项目移送申请")
def when_transfer_approved(actors: Actors, seeder):
    seeder.approve("hgr_transfer", legal=actors.legal, person=actors.actor("离职员工"))


@when(phrase("{who:员工}进入人类遗传资源管理系统"))
def when_employee_enters(actors: Actors, who):
    landing(actors, who).open()


@when("法人在人类遗传资源管理系统中匹配该备份号")
def when_match_backup(actors: Actors, hgr: HgrScene):
    page = HgrBackupPage(actors.page("法人"))
    page.open()
    page.match(hgr.backup["number"])


@when("后台录入该备份号")
def when_backup_entered(actors: Actors, seeder):
    """Staff enter the number in the back office: its queue item 人类遗传资源备份号录入, 审核通过."""
    seeder.approve("hgr_backup_entry", legal=actors.legal)


@then(phrase('自然人看到开通网上申报系统的办理材料"{item}"'))
def then_materials_item(actors: Actors, item):
    expect(landing(actors).materials_item(item)).to_be_visible()


@then(phrase('自然人看到遗传办窗口地址"{address}"、"{name}"，邮编"{postcode}"，电话"{phone}"'))
def then_window(actors: Actors, address, name, postcode, phone):
    page = landing(actors)
    for text in (address, name, postcode, phone):
        expect(page.window_fact(text)).to_be_visible()


@then("自然人的项目列表中没有该项目")
def then_project_missing(actors: Actors, hgr: HgrScene):
    page = landing(actors)
    expect(page.projects).to_be_visible()
    for project in hgr.projects.values():
        expect(page.project_row(project["number"])).to_have_count(0)


@then("自然人的项目列表中有该项目")
def then_project_back(actors: Actors, hgr: HgrScene):
    page = landing(actors)
    for project in hgr.projects.values():
        expect(page.project_row(project["number"])).to_have_count(1)


@then(phrase('{who:员工}的项目列表中有"{first}"和"{second}"'))
def then_employee_has(actors: Actors, who, first, second):
    page = landing(actors, who)
    for name in (first, second):
        expect(page.project_row(name)).to_have_count(1)


@then(phrase('{who:员工}的项目列表中没有"{first}"和"{second}"'))
def then_employee_lacks(actors: Actors, who, first, second):
    page = landing(actors, who)
    expect(page.projects).to_be_visible()
    for name in (first, second):
        expect(page.project_row(name)).to_have_count(0)
