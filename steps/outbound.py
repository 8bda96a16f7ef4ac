"""因公出国（境）培训 (FAQ-4.x): natural accounts only; 报备 with 引智司 before entering."""

from playwright.sync_api import expect
from pytest_bdd import then, when

from pages.outbound_training_page import OutboundTrainingPage
from support.data.personas import Actor, persona, seed_natural
from support.gherkin.parsing import phrase

FILING = "outbound_filing"


def _approve_filing(api, account_id: int) -> None:
    pending = [r for r in api.reviews(kind=FILING, account_id=account_id) if r["status"] == "pending"]
    assert pending, "应当有一条待审核的报备申请"
    api.decide(pending[-1]["id"], True)


@persona("已向引智司报备的自然人账号")
def _filed_natural(api) -> Actor:
    actor = seed_natural(api)
    api.file_outbound_request(actor.login_name)
    _approve_filing(api, actor.id)
    return actor


@when("我申请向引智司报备")
def when_request_filing(outbound_page: OutboundTrainingPage):
    outbound_page.request_filing()


@when("引智司在后台审核通过我的报备申请")
def when_filing_approved(seeder, account):
    seeder.approve(FILING, person=account)


@then(phrase('页面列出引智司联系方式"{email}"、"{business}"、"{tech}"'))
def then_contacts_listed(outbound_page: OutboundTrainingPage, email, business, tech):
    expect(outbound_page.contact_items(email)).to_have_text([email, business, tech])


@then("我没有进入因公出国（境）培训系统")
def then_not_in_system(outbound_page: OutboundTrainingPage):
    expect(outbound_page.any_heading()).to_be_visible()  # a page is shown, another one
    expect(outbound_page.system_heading()).to_have_count(0)
