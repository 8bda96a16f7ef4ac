"""Working days by the Chinese official calendar: weekends, public holidays and 调休 workdays."""

import datetime as dt

from mock_portal.clock import add_working_days, is_working_day
from mock_portal.models.reviews import Review
from mock_portal.services import reviews


def test_two_working_days_from_friday_skip_the_weekend():
    assert add_working_days(dt.date(2026, 11, 27), 2) == dt.date(2026, 12, 1)


def test_national_day_holiday_is_skipped():
    # 2026 国庆: 10月1日–7日 off; Wednesday 30 September + 1 working day lands after the holiday.
    assert not is_working_day(dt.date(2026, 10, 1))
    assert not is_working_day(dt.date(2026, 10, 5))
    assert add_working_days(dt.date(2026, 9, 30), 1) == dt.date(2026, 10, 8)
    assert add_working_days(dt.date(2026, 9, 30), 2) == dt.date(2026, 10, 9)


def test_a_makeup_saturday_counts_as_a_working_day():
    # 2026-10-10 is a 调休 Saturday (working day) after National Day.
    assert is_working_day(dt.date(2026, 10, 10))
    assert add_working_days(dt.date(2026, 10, 9), 1) == dt.date(2026, 10, 10)


def test_promise_text_shows_the_due_date_without_leading_zeros():
    review = Review(due_date=dt.date(2026, 12, 1))
    text = reviews.promise_text(review)
    assert "审核中" in text and "1-2个工作日" in text and "预计2026年12月1日前" in text
