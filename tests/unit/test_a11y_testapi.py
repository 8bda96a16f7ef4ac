"""The test API lists page templates, and test-API portals name the template of each page."""


def test_templates_lists_pages_not_fragments(portal):
    names = portal.api("GET", "/templates")
    assert "auth/login.html" in names and "consult/faq.html" in names
    assert "base.html" not in names and not any(n.split("/")[-1].startswith("_") for n in names)


def test_pages_carry_their_template_name(portal):
    assert portal.client.get("/login").headers["x-portal-template"] == "auth/login.html"


def test_templates_needs_the_token(portal):
    assert portal.client.get("/__test__/templates").status_code in (401, 403, 404)
