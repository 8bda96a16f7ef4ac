"""后台审核 through its UI: a reviewer logs in, opens an appeal, sees its documents, decides."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import expect
from pytest_bdd import given, then, when

from pages.admin_pages import BackOffice
from support.data import factories
from support.gherkin.message_checks import expect_message
from support.gherkin.parsing import phrase


@dataclass
class Reviewer:
    username: str
    password: str


@given("后台有一个审核员账号", target_fixture="reviewer")
def given_reviewer(request, target):
    """The mock: a new reviewer through the test API. Staging: one of the reviewer accounts the QA team
    provides (target file `accounts: 后台审核员账号`, a pool: a scenario may lock the one it claims)."""
    if target.api is None:
        from support.target import staging

        claimed = staging.actor(target, "后台审核员账号")
        return Reviewer(claimed.login_name, claimed.password)
    reviewer = Reviewer(factories.unique("sh"), factories.new_password())
    request.getfixturevalue("api").seed_reviewer(reviewer.username, reviewer.password)
    return reviewer


@when(phrase("{days:整数}个工作日后审核员登录后台并打开该申诉"))
def when_reviewer_opens_appeal(back_office: BackOffice, reviewer: Reviewer, target, appeal, days):
    """The mock's clock moves N working days first. A staging portal's clock cannot be moved and need not be:
    what these scenarios check (the documents listed, the decision, the SMS) does not depend on the day
    (mock_portal/services/reviews.decide); a scenario that checks a date against the promise carries
    @needs-clock."""
    if target.api is not None:
        target.api.advance_clock(working_days=int(days))
    back_office.login.open()
    back_office.login.log_in(reviewer.username, reviewer.password)
    back_office.queue.open_review(appeal.title)


@then(phrase('后台审核页列出申诉材料"{first}"和"{second}"'))
def then_documents_listed(back_office: BackOffice, first, second):
    expect(back_office.review.document(first)).to_be_visible()
    expect(back_office.review.document(second)).to_be_visible()


@when("审核员审核通过该申诉")
def when_reviewer_approves(back_office: BackOffice):
    back_office.review.approve("材料齐全，同意找回")


@then(phrase('后台提示该申诉"{text}"'))
def then_back_office_notice(back_office: BackOffice, appeal, text):
    expect_message(back_office.queue.page, f"{appeal.title}：{text}", "后台提示")
