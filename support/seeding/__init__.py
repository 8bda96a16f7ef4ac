"""Seeding: how the 假如 steps make their data, behind one interface with two backends.

- ``ApiSeeder`` (support/seeding/api.py): the fast path on the mock, through the test control plane
  (``/__test__``; today's recipes in support/data/personas.py and support/data/actors.py).
- ``UiSeeder`` (support/seeding/ui.py): only what a real portal offers. It drives the portal's own
  screens with Playwright in browser contexts of its own (never the scenario's), reusing the page
  objects in pages/: self-registration, 实名认证 with the SMS code read through the target file's
  ``sms: command``, login with the target's fixed captcha, the 法人's authorization screens,
  project screens, approvals by the back-office reviewer named in the target file.

The ``seeder`` fixture (support/run/fixtures.py) picks the backend from the target: a test API →
ApiSeeder, else UiSeeder. Steps ask for ``seeder`` and never for ``api`` when they only make data:

    @given("有一个已实名的自然人")
    def _(actors, seeder): actors.add("自然人", seeder.natural())

Adding a method (e.g. a business given):
1. Declare it on ``Seeder`` below with its docstring; the base implementation calls
   ``self.unsupported("<capability>", …)`` so a backend that cannot do it skips, naming the capability.
2. Implement it in each backend that can. Business seeding lives in mixins so accounts and business
   can be written side by side: ``ApiBusiness`` in support/seeding/api_business.py and ``UiBusiness`` in
   support/seeding/ui_business.py (both listed first in the backends' bases, so they override Seeder).
3. A state no portal screen can reach (an expired password, a grant that ended yesterday) is not
   faked on staging: UiSeeder looks for an account the target file lists under that description
   (``accounts:``), else skips with ``@needs-clock`` / ``@needs-faults`` reasons (support/target/portal.py).
"""

from __future__ import annotations

import pytest

from support.data.personas import Actor
from support.target.portal import CAPABILITY_REASONS, Target


class Seeder:
    """What a 假如 step may ask for. Every method returns data the scenario then uses (Actor …)."""

    backend = "base"

    def __init__(self, target: Target) -> None:
        self.target = target

    def unsupported(self, capability: str, what: str = "") -> None:
        """Skip the scenario: this backend cannot make `what` without `capability`."""
        reason = CAPABILITY_REASONS.get(capability, f"需要能力 {capability}")
        pytest.skip(f"{reason}：{what}" if what else reason)

    # -- accounts (owned by the accounts/staging engineer) ----------------------------------
    def account(self, description: str) -> Actor:
        """An account by the description scenarios use ("一个密码已过期的法人账号", see support/data/personas.py)."""
        raise NotImplementedError

    def natural(self, verified: bool = True) -> Actor:
        """A natural-person (自然人) account, 实名认证 passed unless verified=False."""
        raise NotImplementedError

    def legal(self, verified: bool = True) -> Actor:
        """A legal (法人) account with its unit, 实名认证 passed unless verified=False."""
        raise NotImplementedError

    def sign_in(self, context, actor: Actor) -> None:
        """Log `context` (a browser context) in as `actor`."""
        raise NotImplementedError

    # -- business (owned by the business-seeding engineer: api_business.py / ui_business.py) --
