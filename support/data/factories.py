"""Unique, realistic test identities (Faker zh_CN + checksummed numbers), one per call.

Every scenario seeds its own data through these, so scenarios never share an account and can
run in any order and in parallel."""

from __future__ import annotations

import random
import secrets
import uuid
from dataclasses import dataclass, field

from faker import Faker

from support.data import identity
from support.reporting import redaction

_fake = Faker("zh_CN")
_rng = random.Random(secrets.randbits(64))


def unique(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def new_phone() -> str:
    return "1" + _rng.choice("3589") + f"{_rng.randrange(0, 10**9):09d}"


def new_password() -> str:
    """Meets the portal's default (等保) policy: 8–64 characters, three character classes."""
    return f"Ke{secrets.token_hex(3)}#{_rng.randrange(10, 99)}"


@dataclass(repr=False)
class Person:
    login_name: str = field(default_factory=lambda: unique("zr"))
    password: str = field(default_factory=new_password)
    name: str = field(default_factory=_fake.name)
    id_number: str = field(default_factory=lambda: identity.new_id_number(_rng))
    phone: str = field(default_factory=new_phone)

    def __post_init__(self) -> None:
        redaction.register(self.password, self.id_number, self.phone)

    def __repr__(self) -> str:  # no password, ID number or phone in reports and tracebacks
        return f"Person({self.login_name})"


@dataclass(repr=False)
class LegalUnit:
    login_name: str = field(default_factory=lambda: unique("fr"))
    password: str = field(default_factory=new_password)
    unit_name: str = field(
        default_factory=lambda: f"{_fake.city_name()}{_fake.word()}{uuid.uuid4().hex[:6]}科技有限公司"
    )
    credit_code: str = field(default_factory=lambda: identity.new_credit_code(_rng))
    agent_name: str = field(default_factory=_fake.name)
    agent_id_number: str = field(default_factory=lambda: identity.new_id_number(_rng))
    phone: str = field(default_factory=new_phone)

    def __post_init__(self) -> None:
        redaction.register(self.password, self.agent_id_number, self.phone)

    def __repr__(self) -> str:
        return f"LegalUnit({self.login_name})"


def natural_spec(person: Person, **overrides) -> dict:
    """The test-API seed request for a natural-person account."""
    spec = {
        "kind": "natural",
        "login_name": person.login_name,
        "password": person.password,
        "name": person.name,
        "id_number": person.id_number,
        "phone": person.phone,
        "realname_status": "passed",
    }
    spec.update(overrides)
    return spec


def legal_spec(unit: LegalUnit, **overrides) -> dict:
    """The test-API seed request for a legal account with its unit."""
    spec = {
        "kind": "legal",
        "login_name": unit.login_name,
        "password": unit.password,
        "name": unit.agent_name,
        "phone": unit.phone,
        "realname_status": "passed",
        "profile": {"agent_id_number": unit.agent_id_number},
        "unit": {"name": unit.unit_name, "credit_code": unit.credit_code, "realname_status": "passed"},
    }
    spec.update(overrides)
    return spec
