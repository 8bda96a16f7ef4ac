"""常见问题 (FAQ drift): the portal publishes every catalogued FAQ entry unchanged."""

from playwright.sync_api import expect
from pytest_bdd import then, when

from pages.faq_page import FaqPage
from support.gherkin import faq_text
from support.gherkin.parsing import phrase


@when("我查看门户的常见问题")
def when_i_read_the_faq(faq_page: FaqPage):
    faq_page.open_from_consult()


@then(phrase('常见问题"{faq_id:FAQ编号}"与FAQ目录一致'))
def then_faq_entry_unchanged(faq_page: FaqPage, faq_id):
    entry = faq_text.catalogued(faq_id)
    expect(faq_page.heading).to_be_visible()
    expect(
        faq_page.question(entry["question"].strip()).first, f"常见问题页面没有发布 {faq_id}「{entry['title']}」的问题"
    ).to_be_visible()
    published = faq_text.published_entry(faq_id, faq_page.content_text(), faq_page.heading_texts())
    assert published is not None, f"常见问题页面没有发布 {faq_id}「{entry['title']}」"
    drift = faq_text.drift_report(faq_id, published)
    assert drift is None, drift
