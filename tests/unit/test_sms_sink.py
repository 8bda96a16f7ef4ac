"""The SMS sink (`serve --sms-outbox FILE`) and its reader (tools/sms_sink_read.py): what a staging
target file's `sms: command` runs."""

import json
import subprocess
import sys
import warnings
from pathlib import Path

from mock_portal.app import create_app
from mock_portal.settings import Settings
from tests.unit.conftest import CSRF_RE
from tools import sms_sink_read

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
READER = ROOT / "tools" / "sms_sink_read.py"


def _register_code(client: TestClient, phone: str):
    token = CSRF_RE.search(client.get("/register/natural").text).group(1)
    return client.post("/register/natural", data={"csrf_token": token, "action": "send_code", "phone": phone})


def test_portal_appends_every_sms_sent_to_the_outbox(tmp_path):
    outbox = tmp_path / "gateway" / "outbox.jsonl"
    client = TestClient(create_app(Settings(db_path=tmp_path / "p.db", sms_outbox=outbox)))
    assert _register_code(client, "13900001234").status_code == 200
    assert _register_code(client, "13900005678").status_code == 200
    lines = [json.loads(line) for line in outbox.read_text(encoding="utf-8").splitlines()]
    assert [m["phone"] for m in lines] == ["13900001234", "13900005678"]
    assert all(sms_sink_read.code_in(m["text"]) and m["time"] for m in lines)


def test_refused_request_writes_nothing(tmp_path):
    outbox = tmp_path / "outbox.jsonl"
    client = TestClient(create_app(Settings(db_path=tmp_path / "p.db", sms_outbox=outbox)))
    assert _register_code(client, "12").status_code == 422
    assert not outbox.exists() or outbox.read_text() == ""


def test_without_the_flag_no_outbox_is_written(tmp_path):
    client = TestClient(create_app(Settings(db_path=tmp_path / "p.db")))
    _register_code(client, "13900001234")
    assert not list(tmp_path.glob("*.jsonl"))


def _write(path: Path, *messages):
    path.write_text(
        "".join(
            json.dumps({"phone": p, "text": t, "time": "2026-11-27T10:00:00"}, ensure_ascii=False) + "\n"
            for p, t in messages
        ),
        encoding="utf-8",
    )


def test_reader_prints_the_latest_code_of_that_phone_as_its_last_line(tmp_path):
    outbox = tmp_path / "o.jsonl"
    _write(
        outbox,
        ("13900001234", "【科技部】您的验证码为111111，10分钟内有效。"),
        ("13900005678", "【科技部】您的验证码为222222，10分钟内有效。"),
        ("13900001234", "【科技部】您的验证码为333333，10分钟内有效。"),
        ("13900001234", "【科技部】您的自然人实名认证已通过。"),
    )
    done = subprocess.run([sys.executable, str(READER), str(outbox), "13900001234"], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.strip().splitlines()[-1] == "333333"


def test_reader_fails_without_printing_when_no_code_reached_the_phone(tmp_path):
    outbox = tmp_path / "o.jsonl"
    _write(outbox, ("13900005678", "您的验证码为222222"), ("13900001234", "登录名：zr1，新密码：Ke123456#12，"))
    done = subprocess.run([sys.executable, str(READER), str(outbox), "13900001234"], capture_output=True, text=True)
    assert done.returncode == 1 and done.stdout == ""
    assert "没有" in done.stderr
    assert sms_sink_read.main([str(tmp_path / "missing.jsonl"), "13900001234"]) == 1


def test_reader_skips_a_partly_written_line(tmp_path):
    outbox = tmp_path / "o.jsonl"
    _write(outbox, ("13900001234", "您的验证码为444444"))
    with open(outbox, "a", encoding="utf-8") as fh:
        fh.write('{"phone": "13900001234", "te')
    assert sms_sink_read.latest_code(outbox, "13900001234") == "444444"


def test_reader_with_text_prints_the_whole_latest_sms_of_that_phone(tmp_path):
    outbox = tmp_path / "o.jsonl"
    _write(
        outbox,
        ("13900001234", "【科技部】您的验证码为111111，10分钟内有效。"),
        ("13900001234", "【科技部】您的实名认证未通过，原因：证件照片不清晰。"),
        ("13900005678", "【科技部】您的验证码为222222，10分钟内有效。"),
    )
    argv = [sys.executable, str(READER), str(outbox), "13900001234", "--text"]
    done = subprocess.run(argv, capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.rstrip("\n") == "【科技部】您的实名认证未通过，原因：证件照片不清晰。"
    assert sms_sink_read.main([str(outbox), "13900009999", "--text"]) == 1
