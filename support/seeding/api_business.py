"""Business seeding through the mock's test control plane (/__test__): the fast path, the same
calls the steps made before the Seeder existed. Mixed into ApiSeeder (``self.target.control``)."""

from __future__ import annotations

import uuid

from support.data import factories
from support.data.actors import seed_grant, seed_unit_permission
from support.data.personas import Actor, seed_legal, seed_natural
from support.seeding.business import Business, Project


class ApiBusiness(Business):
    @property
    def _api(self):
        return self.target.control

    def unit_entered(self, legal: Actor, system: str) -> None:
        seed_unit_permission(self._api, legal.unit_id, system)

    def grant(self, legal: Actor, natural: Actor, system: str, roles: list[str], days: int = 365) -> None:
        seed_unit_permission(self._api, legal.unit_id, system)
        seed_grant(self._api, legal.unit_id, natural.login_name, system, roles, valid_days=days)

    def expire_grant(self, legal: Actor, natural: Actor, system: str, roles: list[str]) -> tuple[Actor, Actor]:
        seed_grant(self._api, legal.unit_id, natural.login_name, system, roles, valid_days=-1)
        return legal, natural

    def hgr_filed(self, legal: Actor) -> None:
        self._api.post(f"/hgr/units/{legal.unit_id}/filed")

    def hgr_project(self, owner: Actor, legal: Actor, name: str, matter: str = "采集审批") -> Project:
        row = self._api.post(
            "/hgr/projects", {"login_name": owner.login_name, "unit_id": legal.unit_id, "name": name, "matter": matter}
        )
        return Project(row["id"], row["number"], row["name"])

    def slow_synthesis(self, legal: Actor, minutes: float) -> None:
        self._api.post(f"/hgr/units/{legal.unit_id}/synthesis", {"seconds": float(minutes) * 60})

    def approve(self, kind: str, legal: Actor | None = None, person: Actor | None = None) -> None:
        where = {"unit_id": legal.unit_id} if legal is not None else {"account_id": person.id}
        pending = [r for r in self._api.reviews(kind=kind, **where) if r["status"] == "pending"]
        assert pending, f"没有待审核的{kind}申请"
        self._api.decide(pending[-1]["id"], True)

    def outbound_filed(self, natural: Actor) -> None:
        self._api.post("/business/outbound_filing_requests", {"login_name": natural.login_name})
        self.approve("outbound_filing", person=natural)

    def wzj_registered(self, legal: Actor) -> None:
        self._api.post("/business/wzj_registrations", {"unit_id": legal.unit_id})

    def torch_gaps(self, account: Actor, gaps: dict, described: list[tuple[str, str]]) -> Actor:
        self._api.post("/business/unit_info", {"unit_id": account.unit_id, **gaps})
        return account

    def bracketed_legal(self) -> Actor:
        unit = factories.LegalUnit(unit_name=f"华遗{uuid.uuid4().hex[:6]}（北京）生物科技有限公司")
        return seed_legal(self._api, unit)

    def entered_backup_number(self, legal: Actor, variant: str, name: str) -> str:
        number = factories.unique("BF")
        self._api.post("/hgr/backup-records", {"unit_name": name, "number": number, "entered": True})
        return number

    def pending_backup_number(self, legal: Actor, name: str) -> str:
        number = factories.unique("BF")
        self._api.post("/hgr/backup-records", {"unit_name": name, "number": number})
        return number

    def wzj_legacy_records(self, legal: Actor, titles: list[str]) -> Actor:
        self._api.post("/business/legacy_records", {"unit_id": legal.unit_id, "titles": titles})
        return legal

    def legacy_wzj_account(self, person: Actor) -> Actor:
        legacy = factories.Person(login_name="WGZJXM_" + factories.unique("wz"))
        legacy.name = person.name
        return seed_natural(self._api, legacy, id_number=None, realname_status="none")
