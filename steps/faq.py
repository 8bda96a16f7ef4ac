"""常见问题 (FAQ drift): the portal publishes every catalogued FAQ entry unchanged."""
from playwright.sync_api import expect
from pytest_bdd import then, when
import pytest

from pages.faq_page import FaqPage
from support import faq_text
from support.parsing import phrase


@pytest.fixture
def faq_page(page) -> FaqPage:
    return FaqPage(page)


@when("我查看门户的常见问题")
def when_i_read_the_faq(faq_page: FaqPage):
    faq_page.open_from_consult()


@then(phrase('常见问题"{faq_id}"与FAQ目录一致'))
def then_faq_entry_unchanged(faq_page: FaqPage, faq_id):
    entry = faq_text.catalogued(faq_id)
    expect(faq_page.heading).to_be_visible()
    expect(faq_page.entry(faq_id), f"常见问题页面没有发布 {faq_id}「{entry['title']}」").to_be_visible()
    expect(faq_page.question(faq_id)).to_have_text(entry["question"].strip())
    drift = faq_text.drift_report(faq_id, faq_page.published_text(faq_id))
    assert drift is None, drift
