"""The portal's one clock. Every time rule reads it; the test API can move it forward."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import chinese_calendar

SHANGHAI = ZoneInfo("Asia/Shanghai")


class Clock:
    def __init__(self) -> None:
        self.offset = dt.timedelta(0)

    def now(self) -> dt.datetime:
        """Naive Beijing time plus the offset set through the test API."""
        return dt.datetime.now(SHANGHAI).replace(tzinfo=None) + self.offset

    def today(self) -> dt.date:
        return self.now().date()

    def advance(self, delta: dt.timedelta) -> dt.datetime:
        if delta < dt.timedelta(0):
            raise ValueError("the portal clock only moves forward")
        self.offset += delta
        return self.now()


def is_working_day(day: dt.date) -> bool:
    """Chinese official calendar (调休 included) where known, else Monday to Friday."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date `days` working days after `start` (start itself does not count)."""
    day = start
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day
