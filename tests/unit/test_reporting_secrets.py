"""Issue 22: no seeded secret in Allure results, attachments or Playwright traces (support/reporting/redaction.py,
the result polisher in support/reporting/allure_results.py, the Actor's repr). The trace test types a password in a
real browser, so it proves what Playwright records and that the archive no longer holds it."""

from __future__ import annotations

import json
import zipfile

import attr
import pytest
from allure_commons import model2
from allure_commons.model2 import Parameter, StatusDetails

from support.data import factories
from support.data.personas import Actor
from support.reporting import allure_results, redaction

PASSWORD = "Ke9f8e7d#42"
ID_NUMBER = "11010519491231002X"


@pytest.fixture(autouse=True)
def _clean_registry(monkeypatch):
    redaction.isolated(monkeypatch)


def test_an_actor_prints_no_password_phone_or_id_number_and_registers_them():
    actor = Actor("natural", "zr_repr", PASSWORD, "张三", "13800138000", id_number=ID_NUMBER)
    shown = repr(actor) + str(actor)
    assert "zr_repr" in shown
    for secret in (PASSWORD, "13800138000", ID_NUMBER):
        assert secret not in shown
        assert secret in redaction.known()


def test_factory_people_print_no_secrets():
    person, unit = factories.Person(), factories.LegalUnit()
    assert person.password not in repr(person) and person.id_number not in repr(person)
    assert unit.password not in repr(unit) and unit.agent_id_number not in repr(unit)
    assert {person.password, unit.password} <= redaction.known()


@pytest.mark.parametrize("spelling", [PASSWORD, "Ke9f8e7d%2342", json.dumps(PASSWORD)[1:-1]])
def test_every_spelling_of_a_secret_is_masked(spelling):
    redaction.register(PASSWORD)
    text = f"password={spelling}&next=/home"
    assert PASSWORD not in redaction.redact_text(text) and "%2342" not in redaction.redact_text(text)
    assert redaction.MASK in redaction.redact_text(text)


def test_a_short_code_inside_a_longer_number_is_left_alone():
    redaction.register("604231")
    assert redaction.redact_text('{"wallTime":17960604231000}') == '{"wallTime":17960604231000}'
    assert redaction.redact_text("验证码为604231，") == f"验证码为{redaction.MASK}，"


def test_the_polisher_masks_secrets_anywhere_in_a_result():
    redaction.register(PASSWORD)
    step = model2.TestStepResult(name=f"当 我输入密码 {PASSWORD}", parameters=[Parameter(name="text", value=PASSWORD)])
    tr = model2.TestResult(
        name="场景", statusDetails=StatusDetails(message=f"expected {PASSWORD}", trace=PASSWORD), steps=[step]
    )
    allure_results.polish(tr, None)
    assert PASSWORD not in json.dumps(attr.asdict(tr), ensure_ascii=False)


def test_the_results_scan_names_the_leaking_file_and_zip_member(tmp_path):
    (tmp_path / "a-result.json").write_text(json.dumps({"name": "ok"}), encoding="utf-8")
    (tmp_path / "b-attachment.txt").write_text(f"log: {PASSWORD}", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "c-attachment.zip", "w") as archive:
        archive.writestr("trace.trace", json.dumps({"params": {"value": PASSWORD}}))
        archive.writestr("resources/x.html", "<p>nothing</p>")
    assert redaction.leaks(tmp_path, {PASSWORD}) == ["b-attachment.txt", "c-attachment.zip!trace.trace"]


def test_a_real_trace_records_the_typed_password_and_the_archive_no_longer_holds_it(browser, tmp_path):
    """Playwright records fill() values in the action log, the DOM snapshot and the POST body."""
    redaction.register(PASSWORD)
    context = browser.new_context()
    context.route(
        "https://portal.invalid/**",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            body='<form method="post" action="/login"><label>密码<input type="password" name="password"></label>'
            "<button>登录</button></form>",
        ),
    )
    context.tracing.start(screenshots=True, snapshots=True)
    page = context.new_page()
    page.goto("https://portal.invalid/login")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/login")
    trace = tmp_path / "trace.zip"
    context.tracing.stop(path=str(trace))
    context.close()
    before = redaction.leaks(tmp_path, {PASSWORD})
    assert "trace.zip!trace.trace" in before  # what Playwright writes without the suite's help
    assert redaction.redact_zip(trace) >= 1
    assert redaction.leaks(tmp_path, {PASSWORD}) == []
    with zipfile.ZipFile(trace) as archive:  # still a trace: actions and snapshots are there
        assert '"method":"fill"' in archive.read("trace.trace").decode("utf-8")


def test_repeated_screencast_frames_are_dropped_with_their_events(tmp_path):
    trace = tmp_path / "t.zip"
    frames = [("f1.jpeg", b"A"), ("f2.jpeg", b"A"), ("f3.jpeg", b"B"), ("f4.jpeg", b"B")]
    events = "".join(
        json.dumps({"type": "screencast-frame", "pageId": "p", "file": f"screencast/{n}"}, separators=(",", ":")) + "\n"
        for n, _ in frames
    )
    with zipfile.ZipFile(trace, "w") as archive:
        archive.writestr("trace.trace", events)
        for name, data in frames:
            archive.writestr(f"screencast/{name}", data)
    redaction.redact_zip(trace)
    with zipfile.ZipFile(trace) as archive:
        assert sorted(archive.namelist()) == ["screencast/f1.jpeg", "screencast/f3.jpeg", "trace.trace"]
        assert archive.read("trace.trace").decode().count("screencast-frame") == 2


def test_an_isolated_registry_gives_the_runs_secrets_back():
    """A unit test's own registry must not take the run's secrets away: scenarios of the same worker that
    ran before it registered theirs, and their traces are redacted at the end of the run."""
    redaction.register("run-secret-123456")  # (the autouse fixture's registry stands for the run's here)
    inner = pytest.MonkeyPatch()
    redaction.isolated(inner)
    assert "run-secret-123456" not in redaction.known()
    redaction.register("test-secret-654321")
    inner.undo()
    assert redaction.known() == {"run-secret-123456"}
    assert redaction.redact_text("pw=run-secret-123456") == f"pw={redaction.MASK}"
