"""Issue 22: what a reviewer reads first in an Allure result (support/reporting/report_rules.py, the polisher in
support/reporting/allure_results.py) and the FAQ matrix on outline rows (tools/faq_coverage.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from allure_commons import model2
from allure_commons.model2 import Parameter, Status, StatusDetails

from support.reporting import allure_results, redaction, report_rules
from tools import faq_coverage
from tools.faqtext import ScenarioInfo

LOG = (
    "2026-11-30 08:42:00,101 INFO mock_portal GET /login 200\n"
    "2026-11-30 08:42:00,607 ERROR mock_portal incident 04221226 on GET /selftest: SelfTestFailure at selftest.py:22\n"
)
CLICK_TIMEOUT = "playwright._impl._errors.TimeoutError: Locator.click: Timeout 10000ms exceeded."


# ------------------------------------------------------------------ blame --
def test_a_portal_500_before_a_click_timeout_leads_the_message_with_incident_and_log():
    responses = [{"status": 500, "method": "GET", "path": "/selftest", "incident": "04221226", "actor": ""}]
    message = report_rules.blame(CLICK_TIMEOUT, responses, LOG)
    assert message.startswith("门户返回 500（事件编号 04221226）：GET /selftest")
    assert "incident 04221226 on GET /selftest" in message  # the portal log line, quoted
    assert "GET /login 200" not in message  # only the incident's lines when the log names it
    assert message.rstrip().endswith(CLICK_TIMEOUT)  # the original failure is kept, after


def test_the_incident_comes_from_the_log_when_the_page_body_was_gone():
    responses = [{"status": 502, "method": "POST", "path": "/login", "actor": "法人"}]
    message = report_rules.blame("AssertionError: x", responses, LOG)
    assert message.startswith("门户返回 502（事件编号 04221226）") and "（法人）" in message


def test_only_4xx_answers_do_not_take_the_blame_but_are_listed():
    responses = [{"status": 404, "method": "GET", "path": "/nope", "actor": ""}]
    message = report_rules.blame("AssertionError: 期望的提示没有出现", responses, "")
    assert message.startswith("AssertionError") and "- 404 GET /nope" in message
    assert report_rules.blame("AssertionError", [], LOG) is None


def test_the_console_head_names_the_first_5xx_and_nothing_for_4xx_only():
    """The same first line the report leads with heads the pytest failure text
    (support/reporting/gherkin_failures.py)."""
    responses = [
        {"status": 404, "method": "GET", "path": "/nope", "actor": ""},
        {"status": 500, "method": "GET", "path": "/recovery/reset", "incident": "C3CBB3F4", "actor": ""},
        {"status": 503, "method": "GET", "path": "/login", "actor": ""},
    ]
    assert report_rules.portal_error_head(responses) == "门户返回 500（事件编号 C3CBB3F4）：GET /recovery/reset"
    assert report_rules.portal_error_head(responses[:1]) is None
    assert report_rules.portal_error_head([]) is None


def test_incident_of_the_error_page_text():
    assert report_rules.incident_of("系统繁忙，请稍后再试。如需帮助，请提供事件编号：A44CE4D7") == "A44CE4D7"
    assert report_rules.incident_of("没有编号") is None


class FakeItem:
    def __init__(self, browser, responses=(), log="", allowed=None):
        import pytest

        self.callspec = type("C", (), {"params": {"browser_name": browser}})()
        self.stash = pytest.Stash()
        self.stash[report_rules.PORTAL_RESPONSES] = list(responses)
        self.stash[report_rules.PORTAL_LOG] = log
        self.stash[report_rules.STEP_TEXT_PARAMETERS] = allowed or {}


def result(status=Status.BROKEN, message=CLICK_TIMEOUT, version="156.0.1"):
    step = model2.TestStepResult(
        name="当 我以自然人身份用该账号的密码登录",
        parameters=[
            Parameter(name="kind", value="'自然人'"),
            Parameter(name="actor", value="Actor(kind='natural', login_name='zr1', password='Ke9f8e7d#42')"),
        ],
    )
    return model2.TestResult(
        name="自然人用正确的密码登录成功",
        fullName="platform/login.feature:自然人用正确的密码登录成功",
        status=status,
        statusDetails=StatusDetails(message=message, trace="…"),
        parameters=[
            Parameter(name="browser_name", value="'chromium'"),
            Parameter(name="浏览器", value=f"'chromium {version}'"),
            Parameter(name="用户类型", value="自然人"),
        ],
        steps=[step],
    )


def test_a_broken_result_with_a_portal_500_becomes_a_failed_product_defect():
    item = FakeItem("chromium", [{"status": 500, "method": "GET", "path": "/x", "incident": "04221226"}], LOG)
    tr = result()
    allure_results.polish(tr, item)
    assert tr.status == Status.FAILED
    assert tr.statusDetails.message.startswith("门户返回 500（事件编号 04221226）")
    category = (Path(__file__).resolve().parents[2] / "allurerc.mjs").read_text(encoding="utf-8")
    assert "message: /^门户返回 5\\d\\d/" in category  # the report's category matches this message


def test_a_plain_assertion_failure_keeps_its_message_and_status():
    tr = result(status=Status.FAILED, message="AssertionError: 期望")
    allure_results.polish(tr, FakeItem("firefox"))
    assert tr.status == Status.FAILED and tr.statusDetails.message == "AssertionError: 期望"


# ------------------------------------------------------- browser, history --
def test_the_browser_is_in_the_name_and_parameters_and_its_version_is_excluded():
    tr = result()
    allure_results.polish(tr, FakeItem("chromium"))
    assert tr.name == "自然人用正确的密码登录成功 [chromium]"
    params = {p.name: p for p in tr.parameters}
    assert "browser_name" not in params and params["浏览器"].value == "chromium"
    assert params["浏览器版本"].value == "156.0.1" and params["浏览器版本"].excluded


def test_history_keys_survive_a_browser_update_but_tell_browsers_apart():
    keys = {}
    for browser, version in (("chromium", "156.0.1"), ("chromium", "157.0.2"), ("firefox", "140.5")):
        tr = result(version=version)
        allure_results.polish(tr, FakeItem(browser))
        keys[(browser, version)] = (tr.testCaseId, tr.historyId)
    assert keys[("chromium", "156.0.1")] == keys[("chromium", "157.0.2")]
    assert keys[("chromium", "156.0.1")] != keys[("firefox", "140.5")]


def test_a_plain_markup_copy_is_named_once_and_kept_apart_from_its_original_in_history():
    original, copy = result(), result()
    original.parameters.append(Parameter(name="portal_markup", value="None"))
    copy.parameters += [Parameter(name="portal_markup", value="'plain'"), Parameter(name="页面写法", value="'plain'")]
    for tr in (original, copy):
        allure_results.polish(tr, FakeItem("chromium"))
        assert "portal_markup" not in {p.name for p in tr.parameters}
    assert {p.name: p.value for p in copy.parameters}["页面写法"] == "plain"
    untouched = result()
    allure_results.polish(untouched, FakeItem("chromium"))
    assert original.historyId == untouched.historyId  # the original's history goes on as before
    assert copy.historyId != original.historyId and copy.testCaseId == original.testCaseId


def test_history_keys_tell_outline_rows_apart():
    a = report_rules.history_keys("f:s", "chromium", [{"name": "用户类型", "value": "自然人"}])
    b = report_rules.history_keys("f:s", "chromium", [{"name": "用户类型", "value": "法人"}])
    assert a[0] == b[0] and a[1] != b[1]


def test_with_browser_is_idempotent():
    assert report_rules.with_browser("场景 [firefox]", "firefox") == "场景 [firefox]"
    assert report_rules.with_browser("场景", None) == "场景"


# ------------------------------------------------------- step parameters --
def test_step_parameters_keep_only_what_the_step_text_gives():
    tr = result()
    allure_results.polish(tr, FakeItem("chromium", allowed={"当 我以自然人身份用该账号的密码登录": {"kind"}}))
    assert [p.name for p in tr.steps[0].parameters] == ["kind"]


class Step:
    def __init__(self, type_: str, name: str) -> None:
        self.type, self.name = type_, name


def test_the_step_text_gives_the_names_of_the_definition_pytest_bdd_chose():
    from steps import login

    assert allure_results.text_arguments(
        Step("when", "我以法人身份用该账号的密码登录"), login.when_i_log_in_with_password
    ) == {"kind"}
    assert allure_results.text_arguments(Step("when", "我打开登录页"), login.when_i_open_login) == set()
    # Another keyword's or another definition's step gives nothing of this one.
    assert (
        allure_results.text_arguments(Step("then", "我以法人身份用该账号的密码登录"), login.when_i_log_in_with_password)
        == set()
    )
    assert allure_results.text_arguments(Step("when", "我打开登录页"), login.when_i_log_in_with_password) == set()


# ------------------------------------------------------------- FAQ matrix --
def outline() -> ScenarioInfo:
    return ScenarioInfo(
        path="features/platform/login.feature",
        line=8,
        name="<用户类型>用正确的密码登录成功",
        feature_name="登录",
        tags={"FAQ-1.1.2"},
    )


def allure_result(name, browser, status, row, stop=1, full_name=None):
    return {
        "name": f"{name} [{browser}]",
        "status": status,
        "stop": stop,
        "fullName": full_name or f"platform/login.feature:{name}",
        "labels": [{"name": "tag", "value": "FAQ-1.1.2"}],
        "parameters": [
            {"name": "浏览器", "value": browser},
            {"name": "浏览器版本", "value": "1.0", "excluded": True},
            {"name": "用户类型", "value": row},
        ],
    }


def test_outline_rows_are_matched_by_their_result_not_shown_as_not_run():
    records = faq_coverage.latest_results(
        [
            allure_result("自然人用正确的密码登录成功", "chromium", "passed", "自然人"),
            allure_result("法人用正确的密码登录成功", "chromium", "failed", "法人"),
            allure_result("自然人用正确的密码登录成功", "firefox", "passed", "自然人"),
            allure_result("法人用正确的密码登录成功", "firefox", "passed", "法人"),
        ]
    )
    statuses = faq_coverage.scenario_statuses("FAQ-1.1.2", outline(), records)
    assert faq_coverage.status_text(statuses) == "chromium: failed 1, passed 1, firefox: passed×2"


def test_a_result_of_another_feature_with_the_same_name_does_not_match():
    records = faq_coverage.latest_results(
        [
            allure_result(
                "自然人用正确的密码登录成功",
                "chromium",
                "passed",
                "自然人",
                full_name="hgr/other.feature:自然人用正确的密码登录成功",
            )
        ]
    )
    assert (
        faq_coverage.status_text(faq_coverage.scenario_statuses("FAQ-1.1.2", outline(), records)) == "未运行 (not run)"
    )


def test_the_newest_run_of_a_row_wins():
    records = faq_coverage.latest_results(
        [
            allure_result("法人用正确的密码登录成功", "chromium", "failed", "法人", stop=1),
            allure_result("法人用正确的密码登录成功", "chromium", "passed", "法人", stop=2),
        ]
    )
    assert (
        faq_coverage.status_text(faq_coverage.scenario_statuses("FAQ-1.1.2", outline(), records)) == "chromium: passed"
    )


def test_the_matrix_attachment_is_a_csv_table_with_every_row():
    rows = faq_coverage.matrix_rows(
        [{"id": "FAQ-1.1.2", "title": "登录名或密码错误"}], {"FAQ-1.1.2": [outline()]}, [], ["一个问题"]
    )
    table = faq_coverage.to_csv(rows)
    assert table.splitlines() == [
        "FAQ,标题,场景,位置,最近结果",
        "FAQ-1.1.2,登录名或密码错误,<用户类型>用正确的密码登录成功,features/platform/login.feature:8,未运行 (not run)",
        "问题,一个问题,,,",
    ]


@pytest.fixture(autouse=True)
def _own_secrets(monkeypatch):
    """What these tests register is theirs alone (the run's registry is back after each)."""
    redaction.isolated(monkeypatch)
