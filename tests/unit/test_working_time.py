"""Working days and who is on duty, from office hours, a nation's bank holidays (the
`holidays` package, never a list of ours) and a duty rota."""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest

from backend.councils.schemas import Cover, Nation, OfficeHours, RotaEntry, Weekday
from backend.councils.working_time import (
    add_working_days,
    bank_holiday,
    covers,
    is_working_day,
    is_working_time,
    on_duty,
)

LONDON = ZoneInfo("Europe/London")
WEEKDAYS = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)
OFFICE = OfficeHours(days=WEEKDAYS, opens=dt.time(9), closes=dt.time(17), time_zone="Europe/London")


def london(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=LONDON)


def in_london(at: dt.datetime) -> dt.datetime:
    return at.astimezone(LONDON)


def test_three_working_days_from_a_thursday_skip_the_weekend_and_the_bank_holiday_monday():
    # Monday 25 August 2025 is the late summer bank holiday in England.
    assert bank_holiday(Nation.ENGLAND, dt.date(2025, 8, 25))
    due = add_working_days(OFFICE, Nation.ENGLAND, london(2025, 8, 21, 14, 0), 3)
    assert in_london(due) == london(2025, 8, 27, 14, 0)  # Wednesday
    assert due.tzinfo == dt.UTC


def test_from_a_friday_evening_the_clock_starts_when_the_office_next_opens():
    due = add_working_days(OFFICE, Nation.ENGLAND, london(2025, 8, 22, 19, 30), 3)
    # Tuesday, Wednesday, Thursday: due when the office closes on Thursday.
    assert in_london(due) == london(2025, 8, 28, 17, 0)
    # The same from the Saturday, or the bank holiday itself.
    assert add_working_days(OFFICE, Nation.ENGLAND, london(2025, 8, 23, 11, 0), 3) == due
    assert add_working_days(OFFICE, Nation.ENGLAND, london(2025, 8, 25, 10, 0), 3) == due


def test_before_the_office_opens_the_day_still_counts_in_full():
    due = add_working_days(OFFICE, Nation.ENGLAND, london(2025, 8, 21, 7, 0), 1)
    assert in_london(due) == london(2025, 8, 21, 17, 0)


def test_scotland_works_on_the_english_bank_holiday_and_stops_on_its_own():
    # 25 August is not a Scottish bank holiday; 4 August (summer holiday) is.
    assert bank_holiday(Nation.SCOTLAND, dt.date(2025, 8, 25)) is None
    due = add_working_days(OFFICE, Nation.SCOTLAND, london(2025, 8, 21, 14, 0), 3)
    assert in_london(due) == london(2025, 8, 26, 14, 0)  # Friday, Monday, Tuesday
    early = add_working_days(OFFICE, Nation.SCOTLAND, london(2025, 7, 31, 14, 0), 3)
    assert in_london(early) == london(2025, 8, 6, 14, 0)  # Friday, (not Monday 4th), Tuesday, Wednesday
    england = add_working_days(OFFICE, Nation.ENGLAND, london(2025, 7, 31, 14, 0), 3)
    assert in_london(england) == london(2025, 8, 5, 14, 0)


def test_each_nation_has_its_own_bank_holidays():
    assert bank_holiday(Nation.SCOTLAND, dt.date(2025, 1, 2))  # 2 January
    assert bank_holiday(Nation.ENGLAND, dt.date(2025, 1, 2)) is None
    assert bank_holiday(Nation.NORTHERN_IRELAND, dt.date(2025, 3, 17))  # St Patrick's Day
    assert bank_holiday(Nation.WALES, dt.date(2025, 3, 17)) is None
    assert bank_holiday(Nation.NORTHERN_IRELAND, dt.date(2025, 7, 14))  # Battle of the Boyne (observed)
    assert bank_holiday(Nation.SCOTLAND, dt.date(2025, 12, 1))  # St Andrew's Day (observed)
    christmas = dt.date(2026, 12, 25)
    assert all(bank_holiday(nation, christmas) for nation in Nation)


def test_counting_crosses_christmas_and_new_year():
    due = add_working_days(OFFICE, Nation.ENGLAND, london(2025, 12, 24, 12, 0), 3)
    # Wed 24th (12:00-17:00), Mon 29th, Tue 30th; 3 hours of Wed 31st are left.
    assert in_london(due) == london(2025, 12, 31, 12, 0)


def test_a_count_across_the_clock_change_keeps_local_office_time():
    # British Summer Time ends on Sunday 26 October 2025.
    due = add_working_days(OFFICE, Nation.ENGLAND, london(2025, 10, 24, 10, 0), 1)
    assert in_london(due) == london(2025, 10, 27, 10, 0)
    assert due.utcoffset() == dt.timedelta(0) and due.hour == 10  # GMT again


def test_no_working_days_is_the_start_itself_and_counting_back_is_refused():
    start = london(2025, 8, 23, 11, 0)
    assert add_working_days(OFFICE, Nation.ENGLAND, start, 0) == start
    with pytest.raises(ValueError):
        add_working_days(OFFICE, Nation.ENGLAND, start, -1)
    with pytest.raises(ValueError):
        add_working_days(OFFICE, Nation.ENGLAND, dt.datetime(2025, 8, 23, 11), 1)


def test_working_time_is_office_hours_on_a_working_day():
    assert is_working_time(OFFICE, Nation.ENGLAND, london(2025, 8, 22, 9, 0))
    assert is_working_time(OFFICE, Nation.ENGLAND, london(2025, 8, 22, 16, 59))
    assert not is_working_time(OFFICE, Nation.ENGLAND, london(2025, 8, 22, 17, 0))
    assert not is_working_time(OFFICE, Nation.ENGLAND, london(2025, 8, 23, 12, 0))  # Saturday
    assert not is_working_time(OFFICE, Nation.ENGLAND, london(2025, 8, 25, 12, 0))  # bank holiday
    assert is_working_time(OFFICE, Nation.SCOTLAND, london(2025, 8, 25, 12, 0))
    # 08:30 UTC in summer is 09:30 in London.
    assert is_working_time(OFFICE, Nation.ENGLAND, dt.datetime(2025, 8, 22, 8, 30, tzinfo=dt.UTC))


def test_a_council_that_opens_on_saturdays_counts_them():
    six_days = OfficeHours(
        days=(*WEEKDAYS, Weekday.SAT), opens=dt.time(9), closes=dt.time(13), time_zone="Europe/London"
    )
    assert is_working_day(six_days, Nation.ENGLAND, dt.date(2025, 8, 23))
    due = add_working_days(six_days, Nation.ENGLAND, london(2025, 8, 22, 11, 0), 1)
    assert in_london(due) == london(2025, 8, 23, 11, 0)


# -- who is on duty -----------------------------------------------------------------------


def entry(cover: Cover, days=(), starts=None, ends=None) -> RotaEntry:
    return RotaEntry(social_worker_id=uuid.uuid4(), cover=cover, days=tuple(days), starts=starts, ends=ends)


def test_out_of_hours_is_evenings_nights_weekends_and_bank_holidays():
    night = entry(Cover.OUT_OF_HOURS)
    day = entry(Cover.OFFICE_HOURS)
    for at, out_of_hours in [
        (london(2025, 8, 22, 12, 0), False),
        (london(2025, 8, 22, 19, 0), True),
        (london(2025, 8, 23, 12, 0), True),
        (london(2025, 8, 25, 12, 0), True),
    ]:
        assert covers(night, OFFICE, Nation.ENGLAND, at) is out_of_hours, at
        assert covers(day, OFFICE, Nation.ENGLAND, at) is not out_of_hours, at


def test_a_shift_past_midnight_belongs_to_the_day_it_starts():
    friday_night = entry(Cover.SHIFT, [Weekday.FRI], dt.time(20), dt.time(8))
    assert covers(friday_night, OFFICE, Nation.ENGLAND, london(2025, 8, 22, 21, 0))
    assert covers(friday_night, OFFICE, Nation.ENGLAND, london(2025, 8, 23, 7, 59))
    assert not covers(friday_night, OFFICE, Nation.ENGLAND, london(2025, 8, 23, 8, 0))
    assert not covers(friday_night, OFFICE, Nation.ENGLAND, london(2025, 8, 22, 7, 0))
    weekend_days = entry(Cover.SHIFT, [Weekday.SAT, Weekday.SUN], dt.time(9), dt.time(17))
    assert covers(weekend_days, OFFICE, Nation.ENGLAND, london(2025, 8, 24, 9, 0))
    assert not covers(weekend_days, OFFICE, Nation.ENGLAND, london(2025, 8, 25, 9, 0))


def test_on_duty_is_who_is_set_for_the_time_else_the_whole_rota_never_nobody():
    day, night = entry(Cover.OFFICE_HOURS), entry(Cover.OUT_OF_HOURS)
    weekend = entry(Cover.SHIFT, [Weekday.SAT], dt.time(10), dt.time(16))
    rota = (day, night, weekend)
    assert on_duty(rota, OFFICE, Nation.ENGLAND, london(2025, 8, 22, 12, 0)) == [0]
    assert on_duty(rota, OFFICE, Nation.ENGLAND, london(2025, 8, 23, 12, 0)) == [1, 2]
    # Only a weekend shift on the rota, asked about a Tuesday: everyone on it.
    assert on_duty((weekend,), OFFICE, Nation.ENGLAND, london(2025, 8, 26, 12, 0)) == [0]
    assert on_duty((), OFFICE, Nation.ENGLAND, london(2025, 8, 26, 12, 0)) == []
