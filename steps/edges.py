"""Steps of the edge scenarios that mutation testing asked for (issue 19, docs/mutation.md): the
promise at its edge — an identity that exists but is someone else's, a value just past a rule's limit."""
import random
import secrets

from pytest_bdd import given

from support import factories, identity
from support.parsing import phrase

_rng = random.Random(secrets.randbits(64))


@given(phrase("身份核验库中登记了{who}的号码，但登记在另一个{what}下"), target_fixture="identity_number")
def given_registry_knows_the_number_under_another_name(api, account, who, what):
    """The number is real, the name is not this person's (or this unit's): 实名 must fail."""
    if who == "该单位":
        api.post("/identity/registry", {"kind": "unit", "number": account.credit_code,
                                        "name": factories.LegalUnit().unit_name})
        return None
    number = identity.new_id_number(_rng)
    other = factories.Person().name
    while other == account.name:
        other = factories.Person().name
    api.post("/identity/registry", {"kind": "person", "number": number, "name": other})
    return number
