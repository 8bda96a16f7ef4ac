"""Business seeding through the portal's own screens, as a QA team would prepare data on staging:
the 法人 enters a system once and grants on 用户授权管理, a 自然人 creates an HGR project on its
screens, a unit files (报备) on the HGR refusal page, and the back-office reviewer named in the target
file (``reviewer: {username, password_env}``) approves in /admin. Each actor acts in a browser context
of its own (never the scenario's). Mixed into UiSeeder, which provides ``new_context()`` (the
scenario's context factory, so failure evidence covers these contexts too) and ``sign_in(ctx, actor)``.

States no screen reaches (a grant that ended yesterday, a slow merge) keep the Business defaults:
they skip, naming the capability (clock, faults)."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest
from playwright.sync_api import Page, expect

from pages.admin_pages import AdminLoginPage, AdminQueuePage, AdminReviewPage
from pages.authorization_page import AuthorizationPage
from pages.foreign_experts_page import ForeignExpertsPage
from pages.frame import action
from pages.hgr_project import HgrNewProjectPage
from pages.hgr_system import HgrLandingPage
from pages.outbound_training_page import OutboundTrainingPage
from pages.services_page import ServicesPage
from support.data.personas import Actor
from support.reporting import redaction
from support.seeding.business import HGR, Business, Project
from support.target import staging
from support.target.portal import CAPABILITY_REASONS

# The 类型 column of the back office's queue, as the reviewer reads it.
REVIEW_TYPES = {
    "hgr_filing": "人类遗传资源网上申报系统报备",
    "hgr_migration": "人类遗传资源项目迁移（单位名称变更）",
    "hgr_transfer": "人类遗传资源项目移送（员工离职）",
    "outbound_filing": "因公出国（境）培训报备",
    "wzj_registration": "外国专家项目管理信息系统单位注册",
    "hgr_backup_entry": "人类遗传资源备份号录入",
    "unit_rename": "单位名称变更",
}
DEFAULT_GRANT_DAYS = 365  # what 授权截止日期 offers by default: today + one year
COMPETENT_UNIT = "北京市科学技术委员会"
WZJ_RECORDS_UNIT = "有以前的外国专家项目办理信息的已实名法人单位"


def expired_grant_description(system: str, roles: list[str]) -> str:
    """The target file's key of the units whose grant of `roles` in `system` has ended."""
    return f"授权已过期的法人单位（{system}的{'、'.join(roles)}）"


PROJECT_NUMBER = re.compile(r"项目编号[：:]\s*(\S+)")
PROJECT_URL = re.compile(r"/projects/(\d+)")


def queue_heading(page: Page):
    """待审核事项, the back office's queue (at whatever heading level the portal uses)."""
    return page.get_by_role("heading", name="待审核事项", exact=True)


class UiBusiness(Business):
    _ui_pages: dict

    # -- browsers of the actors ------------------------------------------------------------
    def page_of(self, actor: Actor) -> Page:
        """That actor's own signed-in page (one context per actor, opened on first use)."""
        pages = self.__dict__.setdefault("_ui_pages", {})
        if actor.login_name not in pages:
            ctx = self.new_context()
            self.sign_in(ctx, actor)
            pages[actor.login_name] = ctx.new_page()
        return pages[actor.login_name]

    def reviewer_page(self) -> Page:
        pages = self.__dict__.setdefault("_ui_pages", {})
        if "__reviewer__" not in pages:
            spec = self.target.config.get("reviewer") or {}
            password = os.environ.get(spec.get("password_env", ""), "")
            if not spec.get("username") or not password:
                pytest.skip(CAPABILITY_REASONS["back-office"] + "：目标配置的 reviewer（username、password_env）")
            redaction.register(password)  # typed into the back office's login: never in a trace or report
            page = self.new_context().new_page()
            login = AdminLoginPage(page)
            login.open()
            login.log_in(spec["username"], password)
            queue_heading(page).wait_for()
            pages["__reviewer__"] = page
        return pages["__reviewer__"]

    # -- the 法人's screens ----------------------------------------------------------------
    def unit_entered(self, legal: Actor, system: str) -> None:
        page = self.page_of(legal)
        services = ServicesPage(page)
        services.open()
        with page.expect_navigation():
            services.enter(system)

    def grant(self, legal: Actor, natural: Actor, system: str, roles: list[str], days: int = 365) -> None:
        self.unit_entered(legal, system)
        page = self.page_of(legal)
        screen = AuthorizationPage(page)
        screen.open()
        screen.query(natural.name, natural.id_number or "")
        screen.choose(natural.name)
        for role in roles:
            screen.tick(system, role)
        if days != DEFAULT_GRANT_DAYS:  # the form offers today + one year: count from the portal's today
            offered = dt.date.fromisoformat(screen.end_date.input_value())
            today = offered - dt.timedelta(days=DEFAULT_GRANT_DAYS)
            screen.set_end_date((today + dt.timedelta(days=days)).isoformat())
        with page.expect_navigation():
            screen.submit()
        screen.grant_row(natural.name, system).first.wait_for()

    def hgr_filed(self, legal: Actor) -> None:
        self.unit_entered(legal, HGR)
        page = self.page_of(legal)
        with page.expect_navigation():
            HgrLandingPage(page).request_filing()
        self.approve("hgr_filing", legal=legal)

    # -- the 自然人's screens ----------------------------------------------------------------
    def hgr_project(self, owner: Actor, legal: Actor, name: str, matter: str = "采集审批") -> Project:
        page = self.page_of(owner)
        services = ServicesPage(page)
        services.open()
        with page.expect_navigation():
            services.enter(HGR)
        HgrLandingPage(page).start_new_project()
        HgrNewProjectPage(page).create(name, matter, owner.name)
        page.wait_for_url(PROJECT_URL)
        number = PROJECT_NUMBER.search(page.get_by_text(PROJECT_NUMBER).first.inner_text()).group(1)
        return Project(int(PROJECT_URL.search(page.url).group(1)), number, name)

    def outbound_filed(self, natural: Actor) -> None:
        page = self.page_of(natural)
        screen = OutboundTrainingPage(page)
        screen.open()
        with page.expect_navigation():
            screen.request_filing()
        self.approve("outbound_filing", person=natural)

    def wzj_registered(self, legal: Actor) -> None:
        self.__dict__.setdefault("_wzj_registered", set()).add(legal.login_name)
        page = self.page_of(legal)
        screen = ForeignExpertsPage(page)
        screen.open()
        with page.expect_navigation():
            screen.register(COMPETENT_UNIT, legal.name or "联系人", legal.phone or "13800138000")
        self.approve("wzj_registration", legal=legal)

    # -- pre-provisioned accounts -----------------------------------------------------------
    def torch_gaps(self, account: Actor, gaps: dict, described: list[tuple[str, str]]) -> Actor:
        """No screen empties a migrated Torch unit's information (the forms require every field): the
        target file lists accounts in that state, "<账号描述>（<信息>缺少<缺少项>[；…]）", one pool each
        (tools/staging_migrated_accounts.py); the scenario goes on with one of those."""
        base = self.__dict__.get("_descriptions", {}).get(account.login_name)
        if base is None:
            self.unsupported("test-api", "火炬中心企业账号缺少的信息")
        wanted = f"{base}（{'；'.join(f'{piece}缺少{fields}' for piece, fields in described)}）"
        other = staging.actor(self.target, wanted, needs="test-api")
        self.__dict__["_descriptions"][other.login_name] = base
        return other

    def bracketed_legal(self) -> Actor:
        """The backup system is not the portal: its records come with the unit from the operators, so the
        unit too is a pre-provisioned account ("单位名称中带全角括号的已实名法人单位", a pool)."""
        return staging.actor(self.target, "单位名称中带全角括号的已实名法人单位", needs="test-api")

    def entered_backup_number(self, legal: Actor, variant: str, name: str) -> str:
        spec = staging.account_spec(self.target, legal.login_name) or {}
        number = (spec.get("backup_numbers") or {}).get(variant)
        if not number:
            self.unsupported(
                "test-api", f"备份系统中以{variant}的单位名称登记的备份号（目标配置中该单位的 backup_numbers）"
            )
        return number

    def expire_grant(self, legal: Actor, natural: Actor, system: str, roles: list[str]) -> tuple[Actor, Actor]:
        """No screen sets a past end date and a staging clock does not move: the target file lists units whose
        法人 granted a person those roles with an end date that has passed ("授权已过期的法人单位（<系统>的<角色>）",
        a pool; `grantee`: that person's account). The scenario goes on with that 法人 and that person."""
        key = expired_grant_description(system, roles)
        new_legal = staging.actor(self.target, key, needs="clock")
        grantee = (staging.account_spec(self.target, new_legal.login_name) or {}).get("grantee")
        if not grantee:
            self.unsupported("clock", f"目标配置中“{key}”的 grantee（被授权的自然人账号）")
        natural = staging.actor_of_spec(f"{key} 的 grantee", grantee)
        self.target.accounts[natural.login_name] = natural  # so that it can log in (staging.ui_sign_in)
        return new_legal, natural

    def pending_backup_number(self, legal: Actor, name: str) -> str:
        """Applications in the backup system are not the portal's: the operators give, with the bracketed
        unit, a number applied for under its exact name and not yet entered (`pending_backup_number`); the
        reviewer enters it in the back office (approve("hgr_backup_entry"))."""
        spec = staging.account_spec(self.target, legal.login_name) or {}
        if spec.get("unit_name") != name or not spec.get("pending_backup_number"):
            self.unsupported(
                "test-api", "备份系统中以该单位名称申请、尚未录入的备份号（目标配置中该单位的 pending_backup_number）"
            )
        return spec["pending_backup_number"]

    def wzj_legacy_records(self, legal: Actor, titles: list[str]) -> Actor:
        """A unit's earlier 外专 records are migrated data, no screen makes them: the target file lists units
        that have them ("有以前的外国专家项目办理信息的已实名法人单位", a pool; `wzj_records`: the titles). The
        scenario goes on with such a unit's 法人; what this scenario already did for its unit through the
        screens (the 外专 registration with the 归口单位's approval) is done again for the new one."""
        new = staging.actor(self.target, WZJ_RECORDS_UNIT, needs="test-api")
        records = (staging.account_spec(self.target, new.login_name) or {}).get("wzj_records") or []
        missing = [t for t in titles if t not in records]
        if missing:
            self.unsupported(
                "test-api", f"以前的外国专家项目办理信息“{'”“'.join(missing)}”（目标配置中该单位的 wzj_records）"
            )
        if legal.login_name in self.__dict__.get("_wzj_registered", set()):
            self.wzj_registered(new)
        return new

    def legacy_wzj_account(self, person: Actor) -> Actor:
        """Migrated accounts come from the operators: the target file's pool "尚未实名的外国专家项目管理信息系统
        迁移账号" (the portal checks the ID number against other accounts, not the name)."""
        return staging.actor(self.target, "尚未实名的外国专家项目管理信息系统迁移账号", needs="test-api")

    # -- the back office -------------------------------------------------------------------
    def approve(self, kind: str, legal: Actor | None = None, person: Actor | None = None) -> None:
        """Find the pending review by its 类型 and the applicant (the person's login name, else the
        unit's name, both in the 申请 column), open it and approve it."""
        page = self.reviewer_page()
        queue = AdminQueuePage(page)
        queue.open()
        who = person.login_name if person is not None else legal.unit_name
        # by the whole 类型 cell: 单位名称变更 is also part of 人类遗传资源项目迁移（单位名称变更）
        kind_cell = page.get_by_role("cell", name=REVIEW_TYPES[kind], exact=True)
        row = page.get_by_role("row").filter(has=kind_cell).filter(has_text=who).last
        action(row, "审核", exact=False).first.click()  # its name may say what it reviews
        AdminReviewPage(page).approve("同意")
        queue_heading(page).wait_for()

    def decide_review(self, title: str, approve: bool, remark: str = "") -> None:
        """The reviewer named in the target file opens the review `title` in 待审核事项 and approves or
        rejects it; done when the queue says so ("<title>：已审核通过" / "<title>：已驳回")."""
        page = self.reviewer_page()
        queue = AdminQueuePage(page)
        queue.open()
        queue.open_review(title)
        review = AdminReviewPage(page)
        if approve:
            review.approve(remark)
        else:
            review.reject(remark)
        expect(queue.message(f"{title}：{'已审核通过' if approve else '已驳回'}")).to_be_visible()
