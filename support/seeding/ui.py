"""UiSeeder: accounts made only through what a real portal offers, as a QA team prepares staging.

- 自然人 / 法人: self-registration on 用户注册 with the SMS code read through the target file's
  ``sms: command`` (support/target/staging.sms_code), then 用户登录 with the target's fixed captcha.
- 实名认证: when the portal's automatic identity check does not pass (test identities are not in a
  real registry), the account uploads its documents from 我的信息 (上传自然人信息 / 上传法人信息 /
  上传主代办人信息) and the back-office reviewer named in the target file (``reviewer:``) approves them
  in 后台审核 — the portal's own manual path.
- States no screen reaches (an expired password, a migrated account …): an account the target file
  lists under that description (support/target/staging.actor: one account, or a pool claimed one per scenario),
  else a skip that names the capability the state needs.

Each account acts in a browser context of its own (the scenario's `new_context` factory, so failure
evidence covers it), never the scenario's; identities come from support/data/factories (unique per call)."""

from __future__ import annotations

from playwright.sync_api import expect

from pages.admin_pages import AdminQueuePage, AdminReviewPage
from pages.login_page import LoginPage
from pages.my_info_pages import MyInfoPage
from pages.registration_page import RegistrationPage
from support.data import documents, factories
from support.data.personas import Actor, RenamedUnitActor, legal_actor
from support.seeding import Seeder
from support.seeding.registry import UiRegistry
from support.seeding.ui_business import UiBusiness
from support.target import staging

# What the account's 实名认证 needs, as the portal's 我的信息 names it: tab, upload action, upload slot,
# and the review's title in the back office's queue ("<subject>：<name>").
REALNAME = {
    "natural": ("自然人用户信息", "上传自然人信息", "身份证件扫描件", "自然人实名认证"),
    "legal": ("法人单位基本信息", "上传法人信息", "营业执照（统一社会信用代码证书）扫描件", "法人实名认证"),
    "agent": ("主代办人信息", "上传主代办人信息", "主代办人身份证件扫描件", "主代办人实名认证"),
}
PASSED = "已通过"
MAINLAND = "中华人民共和国大陆地区"
# Descriptions UiSeeder makes itself; any other comes from the target file's accounts, or skips.
MADE_HERE = {
    "自然人账号": ("natural", True),
    "已实名的自然人账号": ("natural", True),
    "未实名的自然人账号": ("natural", False),
    "法人账号": ("legal", True),
    "已实名的法人账号": ("legal", True),
    "待实名的自然人账号": ("natural", False),
}
# A 法人 account whose 实名认证 has not passed, its 法定代表人信息 filled (法人单位基本信息 saves only with it).
LEGAL_TO_VERIFY = "待实名的法人账号"
# A unit renamed after it registered: the new name is the registration authority's (市场监管), the
# portal keeps the registered one, so a registered and verified 法人 plus a new name is that account.
RENAMED_UNIT = "单位名称已变更的法人账号"
# Made here too, through the business screens: a 自然人 that asked 引智司 to file it (因公出国（境）培训 →
# 申请报备) and the back office approved.
FILED_OUTBOUND = "已向引智司报备的自然人账号"
# A state only the portal's clock or data fixes reach: the capability a skip names.
NEEDS = {"密码已过期的自然人账号": "clock", "密码已过期的法人账号": "clock"}


class UiSeeder(UiBusiness, UiRegistry, Seeder):
    backend = "ui"

    def __init__(self, target, new_context) -> None:
        super().__init__(target)
        self._new_context = new_context

    def new_context(self, **overrides):
        return self._new_context()(**overrides)

    # -- accounts ----------------------------------------------------------------------------
    def account(self, description: str) -> Actor:
        key = staging.description_key(description)
        if key in MADE_HERE and not staging.has_account(self.target, key):
            kind, verified = MADE_HERE[key]
            return self.natural(verified) if kind == "natural" else self.legal(verified)
        if key == LEGAL_TO_VERIFY and not staging.has_account(self.target, key):
            return self.legal_to_verify()
        if key == RENAMED_UNIT and not staging.has_account(self.target, key):
            return self.renamed_unit()
        if key == FILED_OUTBOUND and not staging.has_account(self.target, key):
            actor = self.natural()
            self.outbound_filed(actor)
            return actor
        actor = staging.actor(self.target, description, needs=NEEDS.get(key, "test-api"))
        self.__dict__.setdefault("_descriptions", {})[actor.login_name] = key  # torch_gaps reads it
        return actor

    def natural(self, verified: bool = True) -> Actor:
        person = factories.Person()
        page = self.new_context().new_page()
        form = RegistrationPage(page)
        form.open("自然人")
        form.fill_person(person.login_name, person.name, person.id_number, person.phone)
        self._register(form, person.password, person.phone)
        actor = self.remember(
            Actor("natural", person.login_name, person.password, person.name, person.phone, id_number=person.id_number)
        )
        if verified:
            self._log_in(page, actor)
            self._verify(page, actor, "natural", person.name)
        return actor

    def legal(self, verified: bool = True) -> Actor:
        unit = factories.LegalUnit()
        page = self.new_context().new_page()
        form = RegistrationPage(page)
        form.open("法人")
        form.fill_unit(unit.unit_name, unit.credit_code, unit.agent_name, unit.phone, unit.login_name)
        self._register(form, unit.password, unit.phone)
        actor = self.remember(legal_actor(unit))
        if verified:
            self._log_in(page, actor)
            self._verify(page, actor, "legal", unit.unit_name)
            self._verify(page, actor, "agent", unit.agent_name, fill={"证件号码": unit.agent_id_number})
        return actor

    def legal_to_verify(self) -> Actor:
        """Registered, not verified (the automatic check does not know a new unit), with the
        法定代表人信息 a user gives on 法人单位基本信息."""
        actor = self.legal(verified=False)
        page = self.new_context().new_page()
        self._log_in(page, actor)
        my_info = MyInfoPage(page)
        my_info.open("法人单位基本信息")
        my_info.fill({"法定代表人姓名": factories.Person().name})
        my_info.rep_type.select_option(MAINLAND)
        my_info.save()
        expect(page.get_by_text("保存成功").first).to_be_visible()
        return actor

    def renamed_unit(self) -> Actor:
        actor = self.legal()
        return RenamedUnitActor(**vars(actor), new_unit_name=factories.LegalUnit().unit_name)

    def verify_natural(self, actor: Actor) -> None:
        """实名认证 of a natural account made unverified earlier (natural(False)), as natural() does it."""
        page = self.new_context().new_page()
        self._log_in(page, actor)
        self._verify(page, actor, "natural", actor.name)

    def sign_in(self, context, actor: Actor) -> None:
        """Through 用户登录 with the account's password and the target's captcha (fixed, or read from its log)."""
        page = context.new_page()
        self._log_in(page, actor)
        page.close()

    def remember(self, actor: Actor) -> Actor:
        """Later sign-ins by login name (support/run/fixtures.sign_in) find the password here."""
        self.target.accounts[actor.login_name] = actor
        return actor

    # -- the portal's screens ----------------------------------------------------------------
    def _register(self, form: RegistrationPage, password: str, phone: str) -> None:
        form.request_code()
        expect(form.page.get_by_text("验证码已发送").first).to_be_visible()
        form.submit(password, staging.sms_code(self.target, phone))
        expect(form.page.get_by_text("注册成功").first).to_be_visible()

    def _log_in(self, page, actor: Actor) -> None:
        LoginPage(page).sign_in(
            actor.kind_label, actor.login_name, actor.password, lambda: staging.captcha_code(self.target, page.context)
        )

    def _verify(self, page, actor: Actor, subject: str, name: str, fill: dict | None = None) -> None:
        """实名认证 of one subject: the automatic check first; when it fails, documents and a review."""
        tab, upload, slot, title = REALNAME[subject]
        my_info = MyInfoPage(page)
        my_info.open(tab)
        if fill:
            my_info.fill(fill)
            my_info.save()
            expect(my_info.realname_line).not_to_contain_text("未认证")
        if PASSED in (my_info.realname_line.text_content() or ""):
            return
        my_info.upload_documents(upload, slot, [documents.png_file("证件扫描件.png")])
        expect(page.get_by_text("审核中").first).to_be_visible()
        self._approve(f"{title}：{name}")
        my_info.open(tab)
        expect(my_info.realname_line).to_contain_text(PASSED)

    def _approve(self, title: str) -> None:
        """The reviewer named in the target file approves the review in 后台审核."""
        page = self.reviewer_page()
        queue = AdminQueuePage(page)
        queue.open()
        queue.open_review(title)
        AdminReviewPage(page).approve("材料齐全，同意")
        expect(queue.heading).to_be_visible()  # back on the queue: the decision is recorded
