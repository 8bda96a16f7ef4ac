"""The portal under test: the embedded mock (full control plane) or a staging URL
(capabilities declared in a --target-config file)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from support.target.testapi import TestApi

ALL_CAPABILITIES = frozenset(
    {"test-api", "clock", "back-office", "faults", "sms", "sms-text", "captcha", "captcha-log"}
)
CAPABILITY_REASONS = {
    "test-api": "需要测试控制接口（mock-only）",
    "clock": "需要控制门户时钟（clock）",
    "back-office": "需要后台审核账号（back-office）",
    "faults": "需要故障注入配置（faults）",
    "sms": "需要读取短信验证码（sms）",
    "captcha": "需要获取图形验证码（captcha）",
    # Each captcha the portal issues, read for this browser (captcha.mode: command): a fixed code cannot
    # show that a refreshed or used captcha stops working.
    "captcha-log": "需要读取门户为本浏览器发放的每个图形验证码（captcha-log：captcha.mode 为 command）",
    # The whole text of the latest SMS to a phone (sms.text_command), not only its code.
    "sms-text": "需要读取短信全文（sms-text：sms.text_command）",
}


# Where the portal's calendar lives (its "today" in 预计…前 promises, grant end dates): a target file may
# name another with `timezone:`.
PORTAL_TIMEZONE = "Asia/Shanghai"


@dataclass
class Target:
    base_url: str
    kind: str = "mock"  # "mock" or "staging"
    api: TestApi | None = None
    capabilities: frozenset[str] = ALL_CAPABILITIES
    config: dict = field(default_factory=dict)
    log_path: Path | None = None
    # Accounts this run made through the portal's screens (login name → Actor), for signing in later.
    accounts: dict = field(default_factory=dict)

    def require(self, *capabilities: str) -> None:
        """Skip the scenario, naming the capability, when this target lacks it."""
        for cap in capabilities:
            if cap not in self.capabilities:
                pytest.skip(CAPABILITY_REASONS.get(cap, f"需要能力 {cap}"))

    def today(self) -> dt.date:
        """The portal's today: its clock on the mock; on staging the date where the portal is (target file
        `timezone:`, default Asia/Shanghai), not this machine's: from 16:00 UTC they differ by a day."""
        if self.api is not None:
            return self.api.today()
        return dt.datetime.now(ZoneInfo(self.config.get("timezone", PORTAL_TIMEZONE))).date()

    @property
    def control(self) -> TestApi:
        self.require("test-api")
        assert self.api is not None
        return self.api
