"""人类遗传资源管理系统 (FAQ-2.1–2.7, 2.9): the scene, helpers and seeds. Actors come from
steps/actors.py (法人, 自然人; for FAQ-2.7 also 离职员工, 在职员工). The project flow with real .docx
files is in steps/hgr_projects.py; filing, rename, transfer and backup numbers in steps/hgr_records.py."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from pytest_bdd import given, when

from pages.hgr_project import HgrProjectPage
from pages.hgr_system import HgrLandingPage
from support.data.actors import Actors
from support.gherkin.parsing import param_type, phrase
from support.run.fixtures import sign_in
from support.seeding.business import Project

SYSTEM = "人类遗传资源管理"
EMPLOYEES = "离职员工|在职员工"
param_type("员工", lambda: EMPLOYEES.split("|"), origin="steps/hgr.py 的 EMPLOYEES")


@dataclass
class HgrScene:
    projects: dict[str, Project] = field(default_factory=dict)  # name -> project (id, number, name)
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


# -- seeds (through the seeder: the test API on the mock, the portal's screens on staging) ----------
@given("该单位已开通人类遗传资源网上申报系统")
def given_filed(actors: Actors, seeder):
    seeder.hgr_filed(actors.legal)


@given(phrase('法人已授权该自然人"{system:人遗系统}"的"{role:授权角色}"角色，有效期{days:整数}天'))
def given_granted_for_days(actors: Actors, seeder, system, role, days):
    assert system == SYSTEM, f"本步骤只用于“{SYSTEM}”"
    seeder.grant(actors.legal, actors.natural, SYSTEM, [role], int(days))


@given(phrase('该自然人在该单位名下有一个人类遗传资源项目"{name}"'))
def given_project(actors: Actors, seeder, hgr: HgrScene, name):
    hgr.projects[name] = seeder.hgr_project(actors.natural, actors.legal, name)


@given(phrase('该单位有离职员工和在职员工两个自然人账号，均已授权"{role:授权角色}"'))
def given_two_employees(actors: Actors, seeder, role):
    for who in ("离职员工", "在职员工"):
        person = actors.add(who, seeder.natural())
        seeder.grant(actors.legal, person, SYSTEM, [role])


@given(phrase('离职员工名下有人类遗传资源项目"{first}"和"{second}"'))
def given_departed_projects(actors: Actors, seeder, hgr: HgrScene, first, second):
    for name in (first, second):
        hgr.projects[name] = seeder.hgr_project(actors.actor("离职员工"), actors.legal, name)


@given("有一个已实名的法人单位，单位名称中带全角括号")
def given_unit_with_brackets(actors: Actors, seeder):
    actors.add("法人", seeder.bracketed_legal())


VARIANTS = {  # the unit's name as the backup system may hold it
    "半角括号": lambda n: n.replace("（", "(").replace("）", ")"),
    "多一个空格": lambda n: n.replace("生物科技", "生物 科技"),
    "末尾多一个空格": lambda n: n + " ",
    "有限责任公司": lambda n: n.replace("有限公司", "有限责任公司"),
}


param_type("名称变体", lambda: VARIANTS, origin="steps/hgr.py 的 VARIANTS")


@given(phrase("备份系统中以{variant:名称变体}的单位名称登记了一个已录入的备份号"))
def given_backup_variant(actors: Actors, seeder, hgr: HgrScene, variant):
    name = VARIANTS[variant](actors.legal.unit_name)
    assert name != actors.legal.unit_name
    hgr.backup = {"number": seeder.entered_backup_number(actors.legal, variant, name)}


@given("备份系统中以与平台完全一致的单位名称申请了一个备份号，尚未录入")
def given_backup_pending(actors: Actors, seeder, hgr: HgrScene):
    hgr.backup = {"number": seeder.pending_backup_number(actors.legal, actors.legal.unit_name)}


@when(phrase("平台时间过去{days:数}天"))
def when_days_pass(actors: Actors, target, days):
    """Sessions end after 30 idle minutes: every actor already in a browser logs in again."""
    target.require("clock")
    target.control.advance_clock(days=float(days))
    for who, page in actors.pages.items():
        sign_in(page.context, target, actors.actor(who).login_name)
