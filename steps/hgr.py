"""人类遗传资源管理系统 (FAQ-2.1–2.7, 2.9). Actors come from steps/actors.py (法人, 自然人); this
module adds the HGR seeds (filing, projects, backup numbers), the project flow with real .docx
files, the back office's decisions and, for FAQ-2.7, two employees (离职员工, 在职员工)."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from pages.hgr_project import HgrNewProjectPage, HgrProjectPage
from pages.hgr_system import HgrBackupPage, HgrLandingPage, HgrMigrationPage, HgrTransferPage
from support import docx_files, factories, personas
from support.actors import Actors, seed_grant, seed_unit_permission
from support.fixtures import sign_in
from support.parsing import phrase

SYSTEM = "人类遗传资源管理"
EMPLOYEES = "离职员工|在职员工"


@dataclass
class HgrScene:
    projects: dict[str, dict] = field(default_factory=dict)  # name -> test-API project (number …)
    texts: list[str] = field(default_factory=list)  # paragraphs of the valid attachments uploaded
    unit_names: list[str] = field(default_factory=list)  # the unit's names, oldest first
    backup: dict | None = None
    download_path: str | None = None


@pytest.fixture
def hgr() -> HgrScene:
    return HgrScene()


def landing(actors: Actors, who: str = "自然人") -> HgrLandingPage:
    return HgrLandingPage(actors.page(who))


def project_page(actors: Actors) -> HgrProjectPage:
    return HgrProjectPage(actors.page("自然人"))


def decide_pending(api, kind: str, unit_id: int) -> None:
    pending = [r for r in api.reviews(kind=kind, unit_id=unit_id) if r["status"] == "pending"]
    assert pending, f"没有待审核的{kind}申请"
    api.decide(pending[-1]["id"], True)


def seed_hgr_project(api, login_name: str, unit_id: int, name: str) -> dict:
    return api.post("/hgr/projects", {"login_name": login_name, "unit_id": unit_id, "name": name})


# -- seeds ---------------------------------------------------------------------------------------
@given("该单位已开通人类遗传资源网上申报系统")
def given_filed(actors: Actors, api):
    api.post(f"/hgr/units/{actors.legal.unit_id}/filed")


@given(phrase('法人已授权该自然人"{system}"的"{role}"角色，有效期{days}天'))
def given_granted_for_days(actors: Actors, api, system, role, days):
    seed_unit_permission(api, actors.legal.unit_id, system)
    seed_grant(api, actors.legal.unit_id, actors.natural.login_name, system, [role], valid_days=int(days))


@given(phrase('该自然人在该单位名下有一个人类遗传资源项目"{name}"'))
def given_project(actors: Actors, api, hgr: HgrScene, name):
    hgr.projects[name] = seed_hgr_project(api, actors.natural.login_name, actors.legal.unit_id, name)


@given(phrase("该单位的文件较多，合成需要{minutes}分钟"))
def given_slow_synthesis(actors: Actors, api, minutes):
    api.post(f"/hgr/units/{actors.legal.unit_id}/synthesis", {"seconds": float(minutes) * 60})


@given(phrase('该单位有离职员工和在职员工两个自然人账号，均已授权"{role}"'))
def given_two_employees(actors: Actors, api, role):
    seed_unit_permission(api, actors.legal.unit_id, SYSTEM)
    for who in ("离职员工", "在职员工"):
        person = actors.add(who, personas.seed_natural(api))
        seed_grant(api, actors.legal.unit_id, person.login_name, SYSTEM, [role])


@given(phrase('离职员工名下有人类遗传资源项目"{first}"和"{second}"'))
def given_departed_projects(actors: Actors, api, hgr: HgrScene, first, second):
    for name in (first, second):
        hgr.projects[name] = seed_hgr_project(api, actors.actor("离职员工").login_name, actors.legal.unit_id, name)


@given("有一个已实名的法人单位，单位名称中带全角括号")
def given_unit_with_brackets(actors: Actors, api):
    unit = factories.LegalUnit(unit_name=f"华遗{uuid.uuid4().hex[:6]}（北京）生物科技有限公司")
    actors.add("法人", personas.seed_legal(api, unit))


VARIANTS = {
    "半角括号": lambda n: n.replace("（", "(").replace("）", ")"),
    "多一个空格": lambda n: n.replace("生物科技", "生物 科技"),
    "末尾多一个空格": lambda n: n + " ",
    "有限责任公司": lambda n: n.replace("有限公司", "有限责任公司"),
}


@given(phrase("备份系统中以{variant}的单位名称登记了一个已录入的备份号"))
def given_backup_variant(actors: Actors, api, hgr: HgrScene, variant):
    name = VARIANTS[variant](actors.legal.unit_name)
    assert name != actors.legal.unit_name
    number = factories.unique("BF")
    hgr.backup = {**api.post("/hgr/backup-records", {"unit_name": name, "number": number, "entered": True}),
                  "number": number}


@given("备份系统中以与平台完全一致的单位名称申请了一个备份号，尚未录入")
def given_backup_pending(actors: Actors, api, hgr: HgrScene):
    number = factories.unique("BF")
    hgr.backup = {**api.post("/hgr/backup-records", {"unit_name": actors.legal.unit_name, "number": number}),
                  "number": number}


# -- actions -------------------------------------------------------------------------------------
@when(phrase("平台时间过去{days}天"))
def when_days_pass(actors: Actors, target, days):
    """Sessions end after 30 idle minutes: every actor already in a browser logs in again."""
    target.require("clock")
    target.control.advance_clock(days=float(days))
    for who, page in actors.pages.items():
        sign_in(page.context, target, actors.actor(who).login_name)


@when("自然人直接打开新建项目页面")
def when_open_new_project(actors: Actors):
    HgrNewProjectPage(actors.page("自然人")).open()


@given(phrase('自然人新建人类遗传资源项目"{name}"，申报事项为"{matter}"'))
@when(phrase('自然人新建人类遗传资源项目"{name}"，申报事项为"{matter}"'))
def when_create_project(actors: Actors, name, matter):
    landing(actors).open()
    landing(actors).start_new_project()
    HgrNewProjectPage(actors.page("自然人")).create(name, matter, actors.natural.name)


@when(phrase('自然人为该项目上传Word附件"{filename}"，内容为"{text}"'))
def when_upload_docx(actors: Actors, hgr: HgrScene, filename, text):
    project_page(actors).upload(docx_files.as_upload(filename, docx_files.valid_docx(text)))
    hgr.texts.append(text)


@when(phrase('自然人为该项目上传格式有误的Word附件"{filename}"'))
def when_upload_malformed(actors: Actors, filename):
    project_page(actors).upload(docx_files.as_upload(filename, docx_files.truncated_docx("损坏的内容")))


@when(phrase('自然人为该项目上传非Word文件"{filename}"'))
def when_upload_text(actors: Actors, filename):
    project_page(actors).upload(docx_files.as_upload(filename, "纯文本说明".encode(), "text/plain"))


@when("自然人把该项目提交管理员")
def when_submit(actors: Actors):
    project_page(actors).submit_to_admin()


@when("自然人下载合成文件")
def when_download(actors: Actors, hgr: HgrScene):
    hgr.download_path = str(project_page(actors).download().path())


@when("法人提交开通网上申报系统的报备申请")
def when_request_filing(actors: Actors):
    landing(actors, "法人").request_filing()


@when("后台审核通过该单位的报备申请")
def when_filing_approved(actors: Actors, api):
    decide_pending(api, "hgr_filing", actors.legal.unit_id)


@when("该单位的名称变更为新名称")
def when_unit_renamed(actors: Actors, api, hgr: HgrScene):
    old = actors.legal.unit_name
    new = old.replace("有限公司", "") + "生物技术有限公司"
    api.post(f"/hgr/units/{actors.legal.unit_id}/rename", {"name": new})
    hgr.unit_names = [old, new]
    actors.legal.unit_name = new


@when("法人提交项目迁移申请，填写该项目的项目编号、自然人账号、原单位名称和新单位名称")
def when_request_migration(actors: Actors, hgr: HgrScene):
    form = HgrMigrationPage(actors.page("法人"))
    form.open()
    numbers = [p["number"] for p in hgr.projects.values()]
    form.request(numbers, actors.natural.login_name, hgr.unit_names[0], hgr.unit_names[-1])


@when("后台审核通过该项目迁移申请")
def when_migration_approved(actors: Actors, api):
    decide_pending(api, "hgr_migration", actors.legal.unit_id)


@when("法人提交项目移送申请，把离职员工的项目移送给在职员工")
def when_request_transfer(actors: Actors):
    form = HgrTransferPage(actors.page("法人"))
    form.open()
    form.request(actors.actor("离职员工").login_name, actors.actor("在职员工").login_name)


@when("法人提交项目移送申请，把离职员工的项目移送给一个未获本单位授权的自然人")
def when_request_transfer_to_stranger(actors: Actors, api):
    stranger = personas.seed_natural(api)
    form = HgrTransferPage(actors.page("法人"))
    form.open()
    form.request(actors.actor("离职员工").login_name, stranger.login_name)


@when("后台审核通过该项目移送申请")
def when_transfer_approved(actors: Actors, api):
    decide_pending(api, "hgr_transfer", actors.legal.unit_id)


@when(parsers.re(f"(?P<who>{EMPLOYEES})进入人类遗传资源管理系统$"))
def when_employee_enters(actors: Actors, who):
    landing(actors, who).open()


@when("法人在人类遗传资源管理系统中匹配该备份号")
def when_match_backup(actors: Actors, hgr: HgrScene):
    page = HgrBackupPage(actors.page("法人"))
    page.open()
    page.match(hgr.backup["number"])


@when("后台录入该备份号")
def when_backup_entered(api, hgr: HgrScene):
    api.post(f"/hgr/backup-records/{hgr.backup['id']}/enter")


# -- outcomes ------------------------------------------------------------------------------------
@then("自然人看到人类遗传资源管理的各申报事项和本单位的项目列表")
def then_sees_matters_and_list(actors: Actors):
    page = landing(actors)
    for matter in ("国际合作科学研究审批", "材料出境审批", "保密审批", "采集审批", "国际合作临床试验备案",
                   "信息备案及备份", "申报登记"):
        expect(page.matter(matter)).to_be_visible()
    expect(page.projects).to_be_visible()
    expect(actors.page("自然人").get_by_text(f"办理单位：{actors.legal.unit_name}")).to_be_visible()


@then("自然人看到项目列表，但没有新建项目按钮")
def then_no_new_project(actors: Actors):
    page = landing(actors)
    expect(page.projects).to_be_visible()
    expect(page.new_project_link).to_have_count(0)


@then(phrase('自然人的项目列表中有项目"{name}"'))
def then_project_listed(actors: Actors, name):
    expect(landing(actors).project_row(name)).to_have_count(1)


@then(phrase('人类遗传资源项目状态为"{status}"'))
def then_project_status(actors: Actors, status):
    expect(project_page(actors).status_line(status)).to_be_visible()


@then("人类遗传资源项目页面没有下载按钮")
def then_no_download(actors: Actors):
    page = project_page(actors)
    expect(page.attachments).to_be_visible()
    expect(page.download_button).to_have_count(0)


@then(phrase('项目附件中列出"{first}"和"{second}"'))
def then_attachments_listed(actors: Actors, first, second):
    for name in (first, second):
        expect(project_page(actors).attachment_row(name)).to_have_count(1)


@then("人类遗传资源项目页面出现下载按钮")
def then_download_offered(actors: Actors):
    expect(project_page(actors).download_button).to_be_visible()


@then("下载的合成文件能用Word打开，并包含各附件的内容")
def then_merged_document(hgr: HgrScene):
    paragraphs = docx_files.paragraphs_of(hgr.download_path)
    missing = [text for text in hgr.texts if text not in paragraphs]
    assert hgr.texts and not missing, f"合成文件缺少附件内容：{missing}（文件段落：{paragraphs}）"


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


@then(parsers.re(f'(?P<who>{EMPLOYEES})的项目列表中有["“](?P<first>[^"”]*)["”]和["“](?P<second>[^"”]*)["”]$'))
def then_employee_has(actors: Actors, who, first, second):
    page = landing(actors, who)
    for name in (first, second):
        expect(page.project_row(name)).to_have_count(1)


@then(parsers.re(f'(?P<who>{EMPLOYEES})的项目列表中没有["“](?P<first>[^"”]*)["”]和["“](?P<second>[^"”]*)["”]$'))
def then_employee_lacks(actors: Actors, who, first, second):
    page = landing(actors, who)
    expect(page.projects).to_be_visible()
    for name in (first, second):
        expect(page.project_row(name)).to_have_count(0)
