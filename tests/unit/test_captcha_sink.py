"""The captcha log (`serve --captcha-outbox FILE`), its reader (tools/captcha_sink_read.py) and the
target file's `captcha: {mode: command}`: what a staging target offers so that refresh and single use
can be tested without the test API."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mock_portal.settings import Settings
from support.target import staging
from support.target.portal import Target
from tests.unit.conftest import TOKEN, Portal
from tools import captcha_sink_read

ROOT = Path(__file__).resolve().parents[2]
READER = ROOT / "tools" / "captcha_sink_read.py"


def _portal(tmp_path, outbox, **extra) -> Portal:
    return Portal(
        Settings(db_path=tmp_path / "p.db", test_api=True, test_api_token=TOKEN, captcha_outbox=outbox, **extra)
    )


def _lines(outbox: Path) -> list[dict]:
    return [json.loads(line) for line in outbox.read_text(encoding="utf-8").splitlines()]


def _key(portal: Portal) -> str:
    return hashlib.sha256(portal.client.cookies.get("MOSTSESSION").encode()).hexdigest()


def test_every_captcha_issued_is_logged_under_the_hash_of_its_session_cookie(tmp_path):
    outbox = tmp_path / "log" / "captcha.jsonl"
    p = _portal(tmp_path, outbox)
    p.client.get("/login")
    first = p.captcha()
    p.client.get("/captcha.png?new=1&t=1")
    second = p.captcha()
    p.client.get("/captcha.png?v=abc")  # the page's own image: shows the current answer, issues none
    lines = _lines(outbox)
    assert [line["answer"] for line in lines] == [first, second]
    assert {line["session"] for line in lines} == {_key(p)}
    assert p.client.cookies.get("MOSTSESSION") not in outbox.read_text()  # no usable session id in the log
    assert all(line["time"] for line in lines)
    assert captcha_sink_read.latest_answer(outbox, _key(p)) == second


def test_a_failed_login_issues_a_new_logged_captcha(tmp_path):
    outbox = tmp_path / "captcha.jsonl"
    p = _portal(tmp_path, outbox)
    p.seed_natural("zr_cap")
    p.login("zr_cap", "Wrong#12345")
    assert captcha_sink_read.latest_answer(outbox, _key(p)) == p.captcha()
    assert len(_lines(outbox)) == 2


def test_without_the_flag_nothing_is_logged(tmp_path):
    p = Portal(Settings(db_path=tmp_path / "p.db", test_api=True, test_api_token=TOKEN))
    p.client.get("/login")
    assert not list(tmp_path.glob("*.jsonl"))


def test_reader_prints_the_latest_answer_of_that_session_only(tmp_path):
    outbox = tmp_path / "o.jsonl"
    mine, other = "a" * 64, "b" * 64
    outbox.write_text(
        "".join(
            json.dumps({"session": s, "answer": a, "time": "2026-11-30T10:00:00"}) + "\n"
            for s, a in [(mine, "AB34"), (other, "XY56"), (mine, "CD78"), (other, "QQ99")]
        )
        + '{"session": "'
        + mine
        + '", "ans',  # a line being written
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, str(READER), str(outbox), mine], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip().splitlines()[-1] == "CD78"
    missing = subprocess.run([sys.executable, str(READER), str(outbox), "c" * 64], capture_output=True, text=True)
    assert missing.returncode == 1 and missing.stdout == "" and "没有" in missing.stderr
    assert captcha_sink_read.main([str(outbox), "not-a-hash"]) == 2
    assert captcha_sink_read.main([str(tmp_path / "none.jsonl"), mine]) == 1


# -- the target file ------------------------------------------------------------------------------


def _write(tmp_path, text: str) -> Path:
    path = tmp_path / "target.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_command_mode_needs_the_key_placeholder_and_the_cookie_name(tmp_path):
    good = staging.parse(
        _write(tmp_path, 'captcha: {mode: command, command: "read {key}", session_cookie: JSESSIONID}\n')
    )
    assert {"captcha", "captcha-log"} <= good["capabilities"]
    fixed = staging.parse(_write(tmp_path, "captcha: {mode: fixed, env: CAP}\n"))
    assert "captcha" in fixed["capabilities"] and "captcha-log" not in fixed["capabilities"]
    for bad in (
        'captcha: {mode: command, command: "read", session_cookie: S}\n',
        'captcha: {mode: command, command: "read {key}"}\n',
        "captcha: {mode: ocr}\n",
    ):
        with pytest.raises(staging.TargetConfigError):
            staging.parse(_write(tmp_path, bad))


def test_sms_text_command_and_a_test_api_give_the_text_capabilities(tmp_path):
    codes = staging.parse(_write(tmp_path, 'sms: {mode: command, command: "r {phone}"}\n'))
    assert "sms" in codes["capabilities"] and "sms-text" not in codes["capabilities"]
    texts = staging.parse(
        _write(tmp_path, 'sms: {mode: command, command: "r {phone}", text_command: "r {phone} --text"}\n')
    )
    assert "sms-text" in texts["capabilities"]
    mock = staging.parse(_write(tmp_path, "kind: mock\ncapabilities: [test-api]\n"))
    assert {"captcha-log", "sms-text"} <= mock["capabilities"]


class _Context:
    def __init__(self, cookies):
        self._cookies = cookies

    def cookies(self, url):
        return self._cookies


def test_captcha_code_reads_this_browsers_answer_through_the_command(tmp_path):
    outbox = tmp_path / "o.jsonl"
    key = hashlib.sha256(b"sess-1").hexdigest()
    outbox.write_text(json.dumps({"session": key, "answer": "K7P9", "time": "t"}) + "\n", encoding="utf-8")
    config = staging.parse(
        _write(
            tmp_path,
            f'captcha: {{mode: command, command: "{sys.executable} {READER} {outbox} {{key}}", '
            "session_cookie: MOSTSESSION}\n",
        )
    )
    target = Target("http://127.0.0.1:1", "staging", None, config["capabilities"], config)
    assert staging.captcha_code(target, _Context([{"name": "MOSTSESSION", "value": "sess-1"}])) == "K7P9"
    with pytest.raises(pytest.fail.Exception, match="MOSTSESSION"):
        staging.captcha_code(target, _Context([{"name": "OTHER", "value": "sess-1"}]))


def test_sms_text_is_the_whole_latest_text(tmp_path):
    outbox = tmp_path / "sms.jsonl"
    outbox.write_text(
        "".join(
            json.dumps({"phone": "13900001234", "text": t, "time": "t"}, ensure_ascii=False) + "\n"
            for t in ("您的验证码为123456", "您的申诉未通过审核，原因：材料不清晰。")
        ),
        encoding="utf-8",
    )
    reader = f"{sys.executable} {ROOT / 'tools' / 'sms_sink_read.py'} {outbox} {{phone}}"
    config = staging.parse(
        _write(tmp_path, f'sms: {{mode: command, command: "{reader}", text_command: "{reader} --text"}}\n')
    )
    target = Target("http://127.0.0.1:1", "staging", None, config["capabilities"], config)
    assert staging.sms_text(target, "13900001234") == "您的申诉未通过审核，原因：材料不清晰。"
    assert staging.sms_code(target, "13900001234") == "123456"
