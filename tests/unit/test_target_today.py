"""The portal's today on staging is the date where the portal is, not this machine's: at 16:13 UTC on a
Monday the portal in Beijing is already on Tuesday, and its 预计…前 promise counts from Tuesday."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from support.target import staging as staging_config
from support.target.portal import Target


def staging(config: dict) -> Target:
    return Target("http://127.0.0.1:1", "staging", None, frozenset(), config)


def test_staging_today_is_the_date_in_beijing_by_default():
    assert staging({}).today() == dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()


def test_a_target_file_names_another_timezone():
    # Kiribati (UTC+14) is 25 hours ahead of Niue (UTC-11): never on the same date, whatever this machine's
    # clock says, so the two targets' todays differ only if the setting is read.
    east, west = staging({"timezone": "Pacific/Kiritimati"}), staging({"timezone": "Pacific/Niue"})
    assert east.today() == dt.datetime.now(ZoneInfo("Pacific/Kiritimati")).date()
    assert east.today() > west.today()


def test_the_target_file_timezone_is_read_and_checked(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("kind: staging\ntimezone: Pacific/Niue\n", encoding="utf-8")
    assert staging_config.parse(good)["timezone"] == "Pacific/Niue"
    default = tmp_path / "default.yaml"
    default.write_text("kind: staging\n", encoding="utf-8")
    assert staging_config.parse(default)["timezone"] == "Asia/Shanghai"
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: staging\ntimezone: Beijing\n", encoding="utf-8")
    with pytest.raises(staging_config.TargetConfigError, match="timezone 不是已知的时区名"):
        staging_config.parse(bad)
