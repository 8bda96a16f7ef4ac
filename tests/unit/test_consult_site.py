"""办事咨询 / 常见问题 publishing, site furniture pages and the 关怀版 switch."""

from __future__ import annotations

import pytest

from tools import export_faq


def test_faq_data_is_exported_from_the_catalog():
    assert export_faq.main(["--check"]) == 0


def test_faq_page_publishes_every_entry_under_its_id(portal):
    page = portal.client.get("/consult/faq")
    assert page.status_code == 200
    for faq_id in ("FAQ-1.1.1", "FAQ-1.10.4", "FAQ-6.1"):
        assert f'<article id="{faq_id}"' in page.text
    assert page.text.count('class="faq-entry"') == 50


@pytest.mark.parametrize(
    "path,heading",
    [
        ("/consult", "办事咨询"),
        ("/results", "结果公示"),
        ("/about", "平台介绍"),
        ("/about/most", "中华人民共和国科学技术部"),
        ("/sitemap", "网站地图"),
        ("/privacy", "隐私声明"),
    ],
)
def test_site_pages(portal, path, heading):
    page = portal.client.get(path)
    assert page.status_code == 200 and f"<h1>{heading}</h1>" in page.text
    assert "网站标识码" in page.text and "关怀版" in page.text


def test_unknown_about_page_is_404(portal):
    assert portal.client.get("/about/nope").status_code == 404


def test_care_switch_toggles_and_never_redirects_off_site(portal):
    first = portal.post_form("/care", {"next": "/privacy"}, form_page="/privacy", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/privacy"
    assert '<body class="care">' in portal.client.get("/privacy").text
    off = portal.post_form("/care", {"next": "//evil.example"}, form_page="/privacy", follow_redirects=False)
    assert off.headers["location"] == "/"
    assert "<body>" in portal.client.get("/privacy").text


def test_care_switch_needs_csrf(portal):
    assert portal.client.post("/care", data={"next": "/"}).status_code == 403
