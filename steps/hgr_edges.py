"""人类遗传资源管理系统 at the edges of whose projects are whose (issue 19): a project stays with the account
and the unit that filed it. 在职员工 cannot open a 离职员工's project by its address before the transfer
(FAQ-2.7), the 法人 opens the projects of its own unit, and a unit that now carries another unit's former
name does not see the projects that unit filed under it (FAQ-2.6)."""

from playwright.sync_api import expect
from pytest_bdd import then, when

from pages.frame import PortalFrame
from pages.hgr_project import HgrProjectPage
from pages.unit_rename_page import UnitRenamePage
from steps.hgr import HgrScene, landing
from support.data import documents
from support.data.actors import Actors
from support.gherkin.message_checks import expect_message, expect_no_dialog_saying
from support.gherkin.parsing import phrase

OTHER = "另一单位的法人"


@when(phrase('{who:员工}按项目地址直接打开离职员工的项目"{name}"'))
def when_open_by_address(actors: Actors, hgr: HgrScene, who, name):
    HgrProjectPage(actors.page(who)).open(hgr.projects[name]["id"])


@then(phrase('{who:员工}页面提示错误"{text}"'))
def then_employee_error(actors: Actors, who, text):
    expect_message(actors.page(who), text, who + "页面提示错误")


@then(phrase('{who:员工}页面不显示项目"{name}"的名称和编号'))
def then_employee_does_not_see(actors: Actors, hgr: HgrScene, who, name):
    frame = PortalFrame(actors.page(who))
    expect(frame.content).not_to_be_empty()  # a page is shown: its absence is not a blank page's
    project = hgr.projects[name]
    for shown in (project["name"], project["number"]):
        expect(frame.words(shown)).to_have_count(0)
        expect_no_dialog_saying(frame.page, shown)


@when(phrase('法人在人类遗传资源管理系统的项目列表中打开项目"{name}"'))
def when_legal_opens_project(actors: Actors, name):
    page = landing(actors, "法人")
    page.open()
    page.open_project(name)


@then(phrase('法人看到项目"{name}"及其项目编号'))
def then_legal_sees_project(actors: Actors, hgr: HgrScene, name):
    project = HgrProjectPage(actors.page("法人"))
    expect(PortalFrame(project.page).heading(name)).to_be_visible()
    expect(project.number_line(hgr.projects[name]["number"])).to_be_visible()
    expect(project.attachments).to_be_visible()


@when("另一单位的名称变更为该单位的原名称")
def when_other_unit_takes_old_name(actors: Actors, seeder, hgr: HgrScene):
    """As 该单位的名称变更为新名称 does for 该单位: 我的信息 → 单位名称变更 with a stamped 变更声明, approved by
    the back office. The old name is free once 该单位 carries its new one."""
    assert len(hgr.unit_names) == 2, "先让该单位的名称变更为新名称"
    other = actors.actor(OTHER)
    form = UnitRenamePage(actors.page(OTHER))
    form.open()
    form.request(hgr.unit_names[0], [documents.png_file("单位名称变更声明.png")])
    expect(form.message("单位名称变更申请已提交，审核通过后生效")).to_be_visible()
    seeder.approve("unit_rename", legal=other)
    other.unit_name = hgr.unit_names[0]


@when("另一单位已开通人类遗传资源网上申报系统")
def when_other_unit_filed(actors: Actors, seeder):
    seeder.hgr_filed(actors.actor(OTHER))


@then("另一单位的法人的项目列表中没有该项目")
def then_other_unit_lacks_project(actors: Actors, hgr: HgrScene):
    page = landing(actors, OTHER)
    expect(page.acting_unit(hgr.unit_names[0])).to_be_visible()
    expect(page.projects).to_be_visible()
    for project in hgr.projects.values():
        expect(page.project_row(project["number"])).to_have_count(0)
        expect(page.project_row(project["name"])).to_have_count(0)
