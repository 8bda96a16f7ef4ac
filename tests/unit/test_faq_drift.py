"""The drift check's fingerprint is the catalog's, and a drifted entry is named with what to review."""

from __future__ import annotations

from support.gherkin import faq_catalog, faq_text
from tools import faqtext


def test_fingerprint_matches_the_catalog_tool_for_every_entry():
    for faq_id, entry in faq_catalog.entries().items():
        published = entry["question"] + "\n" + entry["answer"].replace("\n", "\n  ")
        assert faq_text.fingerprint(published) == faqtext.fingerprint(entry["question"], entry["answer"])
        assert faq_text.drift_report(faq_id, published) is None


def test_full_width_forms_do_not_count_as_drift():
    entry = faq_catalog.entries()["FAQ-1.1.3"]
    assert faq_text.drift_report("FAQ-1.1.3", entry["question"] + "\u3000" + entry["answer"]) is None


def test_a_changed_answer_is_reported_with_its_id_title_and_scenarios():
    entry = faq_catalog.entries()["FAQ-1.1.3"]
    report = faq_text.drift_report("FAQ-1.1.3", entry["question"] + entry["answer"].replace("谷歌", "火狐"))
    assert "FAQ-1.1.3" in report and "验证码错误" in report
    assert "features/platform/captcha.feature" in report
    assert "-" in report and "+" in report
