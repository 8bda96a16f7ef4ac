"""人类遗传资源管理系统 projects (FAQ-2.2, 2.4): 新建项目, Word attachments (support/data/docx_files.py),
提交管理员, the synthesis status and the downloaded merged document opened with python-docx."""

from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.hgr_project import HgrNewProjectPage
from steps.hgr import HgrScene, landing, project_page
from support.data import docx_files
from support.data.actors import Actors
from support.gherkin.parsing import phrase


@given(phrase("该单位的文件较多，合成需要{minutes:数}分钟"))
def given_slow_synthesis(actors: Actors, seeder, minutes):
    seeder.slow_synthesis(actors.legal, float(minutes))


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


@then("自然人看到人类遗传资源管理的各申报事项和本单位的项目列表")
def then_sees_matters_and_list(actors: Actors):
    page = landing(actors)
    for matter in (
        "国际合作科学研究审批",
        "材料出境审批",
        "保密审批",
        "采集审批",
        "国际合作临床试验备案",
        "信息备案及备份",
        "申报登记",
    ):
        expect(page.matter(matter)).to_be_visible()
    expect(page.projects).to_be_visible()
    expect(page.acting_unit(actors.legal.unit_name)).to_be_visible()


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
