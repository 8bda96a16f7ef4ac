"""The identity registry (身份核验库) behind 自动实名认证, for the 假如 steps that say what it holds
("身份核验库中登记了该账号本人的身份信息", "…的号码，但登记在另一个姓名下").

- ``ApiRegistry`` (mock): writes the entry the scenario needs through the test API, for the account as it is.
- ``UiRegistry`` (staging): a real registry cannot be written. The target file lists the test identities
  its stub holds (``identity_registry:``, provided in the demo by tools/staging_registry.py); the
  scenario claims one and the account is brought to it through the portal's own screens: a person's
  name is changed on 我的信息 before the scenario (the automatic check cannot pass there yet: the number
  is the scenario's to enter), a unit's registered name and credit code are what the scenario's
  "我确认法人单位基本信息并保存" enters.

Person methods return the ID number the scenario enters; unit methods return the 法人单位基本信息 fields
the scenario enters before saving ({} when the unit already is the one meant)."""

from __future__ import annotations

import random
import secrets

from playwright.sync_api import expect

from pages.admin_pages import AdminQueuePage
from pages.my_info_pages import MyInfoPage
from support.data import factories, identity
from support.data.personas import Actor
from support.target import staging

_rng = random.Random(secrets.randbits(64))
PERSON_TABS = {"natural": "自然人用户信息", "agent": "主代办人信息"}


class ApiRegistry:
    def registry_person(self, account: Actor, subject: str) -> str:
        """The registry holds a new number under the account's own name (自然人, or the 主代办人's)."""
        number = identity.new_id_number(_rng)
        self.target.control.post("/identity/registry", {"kind": "person", "number": number, "name": account.name})
        return number

    def registry_person_elsewhere(self, account: Actor) -> str:
        """The registry holds a new number under a name other than the account's."""
        number = identity.new_id_number(_rng)
        other = factories.Person().name
        while other == account.name:
            other = factories.Person().name
        self.target.control.post("/identity/registry", {"kind": "person", "number": number, "name": other})
        return number

    def registry_unit(self, account: Actor) -> dict:
        """The registry holds the account's unit as it is (credit code + name)."""
        self.target.control.post(
            "/identity/registry", {"kind": "unit", "number": account.credit_code, "name": account.unit_name}
        )
        return {}

    def registry_unit_elsewhere(self, account: Actor) -> dict:
        """The registry holds the unit's credit code under another unit name."""
        other = factories.LegalUnit().unit_name
        self.target.control.post("/identity/registry", {"kind": "unit", "number": account.credit_code, "name": other})
        return {}

    def no_appeal(self, account: Actor, title: str) -> None:
        assert self.target.control.reviews(account_id=account.id) == [], "单位名称不匹配时不应生成申诉"


class UiRegistry:
    def registry_person(self, account: Actor, subject: str) -> str:
        name, number = staging.registry_person(self.target)
        if account.name != name:
            self._rename(account, subject, name)
        return number

    def registry_person_elsewhere(self, account: Actor) -> str:
        _name, number = staging.registry_person(self.target, avoid_name=account.name)
        return number

    def registry_unit(self, account: Actor) -> dict:
        unit_name, credit_code = staging.registry_unit(self.target)
        return {"单位名称": unit_name, "统一社会信用代码": credit_code}

    def registry_unit_elsewhere(self, account: Actor) -> dict:
        unit_name, credit_code = staging.registry_unit(self.target)
        if unit_name == account.unit_name:
            self.unsupported("test-api", "身份核验库中登记在另一个单位名称下的信用代码")
        return {"统一社会信用代码": credit_code}

    def _rename(self, account: Actor, subject: str, name: str) -> None:
        """The person's 姓名 on 我的信息 becomes the registered one (the ID number stays the scenario's)."""
        page = self.page_of(account)
        my_info = MyInfoPage(page)
        my_info.open(PERSON_TABS[subject])
        my_info.fill({"姓名": name})
        my_info.save()
        expect(page.get_by_text("保存成功").first).to_be_visible()
        account.name = name

    # -- 申诉找回密码: an appeal that must not have been made ------------------------------------
    def no_appeal(self, account: Actor, title: str) -> None:
        """后台审核's queue, as the reviewer sees it, holds no appeal under that title."""
        page = self.reviewer_page()
        queue = AdminQueuePage(page)
        queue.open()
        expect(queue.heading).to_be_visible()
        expect(queue.table.get_by_role("row").filter(has_text=title)).to_have_count(0)
