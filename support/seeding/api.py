"""ApiSeeder: the fast path on the mock, through the test control plane (/__test__)."""

from __future__ import annotations

from support.data import personas
from support.data.personas import Actor
from support.seeding import Seeder
from support.seeding.api_business import ApiBusiness
from support.seeding.registry import ApiRegistry


class ApiSeeder(ApiBusiness, ApiRegistry, Seeder):
    backend = "api"

    @property
    def api(self):
        return self.target.control

    def account(self, description: str) -> Actor:
        return personas.by_description(description, self.api)

    def natural(self, verified: bool = True) -> Actor:
        return personas.seed_natural(self.api) if verified else personas.seed_natural(self.api, realname_status="none")

    def legal(self, verified: bool = True) -> Actor:
        return personas.seed_legal(self.api) if verified else personas.seed_legal(self.api, realname_status="none")

    def sign_in(self, context, actor: Actor) -> None:
        """Session injection: the browser starts logged in, without the login page."""
        session = self.api.open_session(actor.login_name)
        context.add_cookies([{"name": session["cookie"], "value": session["session_id"], "url": self.target.base_url}])
