"""The business part of the Seeder interface: what the business 假如 steps ask for (grants, HGR filing
and projects, back-office approvals, 引智司 filing, 外专 registration). Both backends implement it:
ApiBusiness (support/seeding/api_business.py, the test API) and UiBusiness (ui_business.py, the
portal's own screens). A method a backend cannot do skips the scenario naming the capability."""

from __future__ import annotations

from dataclasses import dataclass

from support.data.personas import Actor

HGR = "人类遗传资源管理"


@dataclass
class Project:
    """A 人类遗传资源 project as a user sees it: its 项目编号, name and the id in its address."""

    id: int
    number: str
    name: str

    def __getitem__(self, key: str):  # steps read projects as mappings (project["number"])
        return getattr(self, key)


class Business:
    """Declarations (and the skip for a backend that lacks them): the backends override every one."""

    def unit_entered(self, legal: Actor, system: str) -> None:
        """The unit's legal account has entered `system` once through 办理入口 (the unit now holds it)."""
        self.unsupported("test-api", f"单位进入过“{system}”")

    def grant(self, legal: Actor, natural: Actor, system: str, roles: list[str], days: int = 365) -> None:
        """The legal account granted the natural person these roles of `system` for `days` days
        (the unit holds the system first: entering it once)."""
        self.unsupported("test-api", f"授权“{system}”")

    def expire_grant(self, legal: Actor, natural: Actor, system: str, roles: list[str]) -> tuple[Actor, Actor]:
        """That grant ended yesterday: no screen sets a past end date, only the portal clock gets there (or
        accounts a QA team provides in that state). Returns the (法人, 自然人) the scenario goes on with."""
        self.unsupported("clock", "已过期的授权")

    def hgr_filed(self, legal: Actor) -> None:
        """The unit has filed (报备) for the HGR online system and the back office approved it."""
        self.unsupported("test-api", "人类遗传资源网上申报系统报备")

    def hgr_project(self, owner: Actor, legal: Actor, name: str, matter: str = "采集审批") -> Project:
        """A project `name` of `owner` (a natural person granted 事项办理员) under the legal's unit."""
        self.unsupported("test-api", "人类遗传资源项目")

    def slow_synthesis(self, legal: Actor, minutes: float) -> None:
        """The unit's documents take `minutes` to merge (a portal condition, not a screen)."""
        self.unsupported("faults", "合成耗时")

    def approve(self, kind: str, legal: Actor | None = None, person: Actor | None = None) -> None:
        """The back office approves the latest pending review of `kind` (hgr_filing, hgr_migration,
        hgr_transfer, outbound_filing, wzj_registration, hgr_backup_entry, unit_rename) of the legal's unit,
        else of the person."""
        self.unsupported("back-office", "后台审核")

    def decide_review(self, title: str, approve: bool, remark: str = "") -> None:
        """The back office decides the pending review its queue shows as `title` ("自然人实名认证：张三",
        "单位法人用户申诉找回密码：某公司"): approves it, or rejects it giving `remark` as the reason."""
        self.unsupported("back-office", f"后台审核“{title}”")

    def outbound_filed(self, natural: Actor) -> None:
        """The natural person asked 引智司 to file them (因公出国（境）培训) and the back office approved."""
        self.unsupported("test-api", "因公出国（境）培训报备")

    def wzj_registered(self, legal: Actor) -> None:
        """The unit registered in 外国专家项目管理信息系统 and its 归口单位 approved."""
        self.unsupported("test-api", "外专系统单位注册")

    def torch_gaps(self, account: Actor, gaps: dict, described: list[tuple[str, str]]) -> Actor:
        """The 火炬中心 account's unit lacks those pieces of information (`gaps`: the test API's
        basic_missing / other_missing / agent_missing / unit_realname; `described`: the steps' (信息, 缺少项)
        so far). Returns the account the scenario goes on with."""
        self.unsupported("test-api", "火炬中心企业账号缺少的信息")

    def bracketed_legal(self) -> Actor:
        """A verified legal account whose unit name has full-width brackets (（北京）)."""
        self.unsupported("test-api", "单位名称中带全角括号的法人单位")

    def entered_backup_number(self, legal: Actor, variant: str, name: str) -> str:
        """A backup number the 人类遗传资源 backup system holds under `name` (the unit's name in
        `variant`), already entered by its staff; returns the number."""
        self.unsupported("test-api", "备份系统中的备份号")

    def pending_backup_number(self, legal: Actor, name: str) -> str:
        """A backup number applied for in the 人类遗传资源 backup system under `name` (the unit's exact name),
        not yet entered by the staff (the back office enters it later: approve("hgr_backup_entry")); returns it."""
        self.unsupported("test-api", "备份系统中尚未录入的备份号")

    def wzj_legacy_records(self, legal: Actor, titles: list[str]) -> Actor:
        """The legal's unit has earlier 外国专家项目 records with those titles (data migrated from the old
        外国专家项目管理信息系统). Returns the legal account the scenario goes on with."""
        self.unsupported("test-api", "单位以前的外国专家项目办理信息")

    def legacy_wzj_account(self, person: Actor) -> Actor:
        """That person's account migrated from 外国专家项目管理信息系统 (WGZJXM_ login name), not verified,
        no ID number on it."""
        self.unsupported("test-api", "外国专家项目管理信息系统迁移的未实名账号")
