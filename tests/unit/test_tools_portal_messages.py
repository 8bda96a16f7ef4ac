"""Unit tests of tools/portal_messages.py (docs/portal-messages.md from mock_portal/messages/)."""

from pathlib import Path

from tools import portal_messages

TOOLS = Path(__file__).resolve().parents[2] / "tools"


def test_every_string_constant_is_listed_under_its_module(tmp_path):
    messages = tmp_path / "messages"
    messages.mkdir()
    (messages / "auth.py").write_text(
        '"""登录与密码."""\nBAD = "登录名或密码错误"\nLONG = ("请输入"\n        "验证码")\nLIMIT = 5\n'
        'LABELS = {"a": "证件正面", "b": "证件反面"}\n',
        encoding="utf-8",
    )
    text = portal_messages.render(messages)
    section = text.split("## auth：登录与密码.")[1]
    assert "| `BAD` | 登录名或密码错误 |" in section and "| `LONG` | 请输入验证码 |" in section
    assert "证件正面" in section and "证件反面" in section and "LIMIT" not in section


def test_check_fails_on_a_stale_file(tmp_path):
    messages = tmp_path / "messages"
    messages.mkdir()
    (messages / "sms.py").write_text('X = "短信验证码错误"\n', encoding="utf-8")
    output = tmp_path / "portal-messages.md"
    assert portal_messages.main(["--messages", str(messages), "--output", str(output)]) == 0
    assert portal_messages.main(["--messages", str(messages), "--output", str(output), "--check"]) == 0
    (messages / "sms.py").write_text('X = "短信验证码已过期"\n', encoding="utf-8")
    assert portal_messages.main(["--messages", str(messages), "--output", str(output), "--check"]) == 1


def test_the_committed_vocabulary_is_current():
    assert portal_messages.main(["--check"]) == 0
