"""The route map: one table of named paths; a target file's `paths:` overrides it, unknown names refused."""

from __future__ import annotations

import pytest

from support.gherkin import faq_catalog, faq_text
from support.target import routes
from support.target.staging import TargetConfigError, parse


@pytest.fixture(autouse=True)
def default_routes():
    routes.configure()
    yield
    routes.configure()


def test_paths_by_name_with_parameters():
    assert routes.path("login") == "/login"
    assert routes.path("hgr_project", id=7) == "/systems/hgr/projects/7"
    assert routes.url_glob("logout_landing") == "**/login?reason=logout"
    assert routes.without_query("logout_landing") == "/login"
    assert routes.url_regex("my_info").search("http://127.0.0.1:8080/online/info")


def test_an_override_replaces_one_route_and_configure_resets():
    routes.configure({"login": "/portal/login"})
    assert routes.path("login") == "/portal/login"
    assert routes.path("recovery_reset") == "/recovery/reset"
    routes.configure()
    assert routes.path("login") == "/login"


def test_an_unknown_route_name_is_an_error():
    with pytest.raises(routes.UnknownRoute):
        routes.path("no_such_route")


def test_target_file_paths_are_parsed(tmp_path):
    file = tmp_path / "t.yaml"
    file.write_text(
        "kind: staging\npaths:\n  login: /uc/login\n  logout_landing: /uc/login?logout=1\n", encoding="utf-8"
    )
    assert parse(file)["paths"] == {"login": "/uc/login", "logout_landing": "/uc/login?logout=1"}


def test_target_file_without_paths_keeps_the_defaults(tmp_path):
    file = tmp_path / "t.yaml"
    file.write_text("kind: staging\n", encoding="utf-8")
    assert parse(file)["paths"] == {}


@pytest.mark.parametrize(
    "body, words",
    [
        ("paths:\n  loginn: /x\n", "未知的路由名 ['loginn']"),
        ("paths:\n  login: login\n", "必须是以 / 开头"),
        ("paths: [/login]\n", "paths 应为映射"),
    ],
)
def test_bad_target_file_paths_are_refused_in_chinese(tmp_path, body, words):
    file = tmp_path / "t.yaml"
    file.write_text("kind: staging\n" + body, encoding="utf-8")
    with pytest.raises(TargetConfigError, match=words.replace("[", r"\[").replace("]", r"\]")):
        parse(file)


# The FAQ page read as text in page order (pages/faq_page.py + support/gherkin/faq_text.published_entry).
def _page(*ids: str, tail: str = "") -> str:
    entries = faq_catalog.entries()
    return "常见问题\n" + "\n".join(f"{entries[i]['question']}\n{entries[i]['answer']}" for i in ids) + tail


def test_faq_entry_found_by_question_and_answer_among_entries_sharing_a_question():
    shared = [i for i, e in faq_catalog.entries().items() if e["question"] == "高企认定和中小企评价"]
    assert len(shared) > 1
    text = _page(*shared)
    for faq_id in shared:
        assert faq_text.drift_report(faq_id, faq_text.published_entry(faq_id, text)) is None


def test_faq_answer_with_extra_words_is_drift():
    text = _page("FAQ-1.1.3", "FAQ-1.2.1").replace("进行登录。", "进行登录。或者致电客服。")
    assert "或者致电客服" in text
    published = faq_text.published_entry("FAQ-1.1.3", text)
    assert faq_text.drift_report("FAQ-1.1.3", published) is not None


def test_faq_entry_missing_from_the_page():
    assert faq_text.published_entry("FAQ-1.1.3", _page("FAQ-1.2.1")) is None
