"""The suite's own reckoning of Chinese working days (an independent oracle for promised dates)."""

from __future__ import annotations

import datetime as dt

import chinese_calendar


def is_working_day(day: dt.date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:  # beyond the calendar's known years
        return day.weekday() < 5


def add_working_days(start: dt.date, days: int) -> dt.date:
    day, left = start, days
    while left > 0:
        day += dt.timedelta(days=1)
        left -= is_working_day(day)
    return day


def chinese_date(day: dt.date) -> str:
    """2026年12月1日 (no leading zeros), as the portal writes dates."""
    return f"{day.year}年{day.month}月{day.day}日"
