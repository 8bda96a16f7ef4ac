"""A 人类遗传资源 project: 新建项目 form, Word attachments, 提交管理员, synthesis status and 下载."""

from playwright.sync_api import Download, Locator, Page

from pages.frame import action, field
from pages.tables import table_with
from support.target.routes import path


class HgrNewProjectPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.name = field(page, "项目名称")
        self.matter = field(page, "申报事项")
        self.leader = field(page, "负责人")
        self.save_button = action(page, "保存项目", exact=False)

    def open(self) -> None:
        self.page.goto(path("hgr_new_project"))

    def create(self, name: str, matter: str, leader: str) -> None:
        self.name.fill(name)
        self.matter.select_option(label=matter)
        self.leader.fill(leader)
        self.save_button.click()


class HgrProjectPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.attachment = field(page, "附件（Word文档）")
        self.upload_button = action(page, "上传附件", exact=False)
        self.submit_button = action(page, "提交管理员", exact=False)
        self.download_button = action(page, "下载")
        self.attachments = page.get_by_role("table", name="项目附件").or_(table_with(page, "文件名")).first

    def open(self, project_id: int) -> None:
        """The project by its id, straight from the address bar (not through the project list)."""
        self.page.goto(path("hgr_project", id=project_id))

    def number_line(self, number: str) -> Locator:
        """ "项目编号：<number>" as the project page shows it."""
        return self.page.get_by_text(f"项目编号：{number}", exact=True)

    def status_line(self, status: str) -> Locator:
        return self.page.get_by_text(f"项目状态：{status}", exact=True)

    def attachment_row(self, filename: str) -> Locator:
        return self.attachments.get_by_role("row").filter(has_text=filename)

    def upload(self, file_payload: dict) -> None:
        """file_payload: {"name", "mimeType", "buffer"} (support/data/docx_files.as_upload). Returns once the
        resulting page has loaded: the next action must not hit the page being replaced."""
        self.attachment.set_input_files(file_payload)
        with self.page.expect_navigation():
            self.upload_button.click()

    def submit_to_admin(self) -> None:
        with self.page.expect_navigation():
            self.submit_button.click()

    def download(self) -> Download:
        with self.page.expect_download() as info:
            self.download_button.click()
        return info.value
