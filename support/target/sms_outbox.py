"""Reading the mock SMS gateway's outbox (test API): the latest message, its code, its credentials
(credentials_in also reads a text got elsewhere: the `sms_text` fixture on staging)."""

from __future__ import annotations

import re

from support.reporting import redaction

CODE = re.compile(r"验证码为(\d{6})")
CREDENTIALS = re.compile(r"登录名：(?P<login>[^，]+)，新密码：(?P<password>[^，]+)，")


def latest_sms(api, phone: str) -> str:
    messages = api.sms(phone)
    assert messages, f"手机号 {phone} 没有收到短信"
    return messages[-1]["text"]


def latest_code(api, phone: str) -> str:
    found = CODE.search(latest_sms(api, phone))
    assert found, f"手机号 {phone} 最近的短信不含验证码"
    redaction.register(found.group(1))
    return found.group(1)


def latest_credentials(api, phone: str) -> tuple[str, str]:
    return credentials_in(latest_sms(api, phone), phone)


def credentials_in(text: str, phone: str) -> tuple[str, str]:
    """The login name and new password an approved appeal's SMS carries (the password is redacted)."""
    found = CREDENTIALS.search(text)
    assert found, f"手机号 {phone} 最近的短信不含登录名和新密码"
    redaction.register(found["password"])
    return found["login"], found["password"]
