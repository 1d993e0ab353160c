"""Working days and who is on duty: pure arithmetic on a council's office hours, its
nation's bank holidays and its duty rota. No database.

Bank holidays come from the maintained `holidays` package (the UK's subdivisions), never
from a list kept here. A working day is one of the council's office days that is not a
bank holiday; working time is its office hours on a working day.

"n working days from a moment" counts working time, not dates: the clock runs only in
office hours, n times the length of an office day. From Thursday 14:00 (office hours
09:00-17:00), 3 working days end at 14:00 on the third working day after; from a Friday
evening or a weekend the clock starts when the office next opens, so they end when it
closes on the third working day.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo

import holidays

from backend.councils.schemas import Cover, Nation, OfficeHours, RotaEntry, Weekday

SUBDIVISION = {
    Nation.ENGLAND: "ENG",
    Nation.WALES: "WLS",
    Nation.SCOTLAND: "SCT",
    Nation.NORTHERN_IRELAND: "NIR",
}
# Office days are chosen from the week, so a year of days always holds some: this only
# stops a loop that something else broke.
_MOST_DAYS = 3 * 366


@cache
def _bank_holidays(nation: Nation) -> holidays.HolidayBase:
    # Years are filled in as they are asked about.
    return holidays.country_holidays("GB", subdiv=SUBDIVISION[Nation(nation)])


def bank_holiday(nation: Nation, day: dt.date) -> str | None:
    """The bank holiday's name, or None."""
    return _bank_holidays(nation).get(day)


def is_working_day(hours: OfficeHours, nation: Nation, day: dt.date) -> bool:
    return list(Weekday)[day.weekday()] in hours.days and bank_holiday(nation, day) is None


def _aware(at: dt.datetime) -> dt.datetime:
    if at.tzinfo is None:
        raise ValueError("a moment needs a time zone")
    return at


def local(hours: OfficeHours, at: dt.datetime) -> dt.datetime:
    return _aware(at).astimezone(ZoneInfo(hours.time_zone))


def is_working_time(hours: OfficeHours, nation: Nation, at: dt.datetime) -> bool:
    here = local(hours, at)
    return is_working_day(hours, nation, here.date()) and hours.opens <= here.time() < hours.closes


def _office_day(hours: OfficeHours, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """When the office opens and closes on `day`, in UTC (so a clock change between
    two moments is counted)."""
    zone = ZoneInfo(hours.time_zone)
    opens = dt.datetime.combine(day, hours.opens, tzinfo=zone).astimezone(dt.UTC)
    closes = dt.datetime.combine(day, hours.closes, tzinfo=zone).astimezone(dt.UTC)
    return opens, closes


def add_working_days(hours: OfficeHours, nation: Nation, start: dt.datetime, n: int) -> dt.datetime:
    """The moment `n` working days of office time after `start` (UTC)."""
    if n < 0:
        raise ValueError("count working days forwards")
    start = _aware(start).astimezone(dt.UTC)
    nominal = dt.datetime.combine(dt.date.min, hours.closes) - dt.datetime.combine(dt.date.min, hours.opens)
    remaining = nominal * n
    if not remaining:
        return start
    day = local(hours, start).date()
    for _ in range(_MOST_DAYS + 14 * n):
        if is_working_day(hours, nation, day):
            opens, closes = _office_day(hours, day)
            begin = max(opens, start)
            if begin < closes:
                if remaining <= closes - begin:
                    return begin + remaining
                remaining -= closes - begin
        day += dt.timedelta(days=1)
    raise ValueError("no working days to count")


def _on_shift(entry: RotaEntry, here: dt.datetime) -> bool:
    if entry.starts is None or entry.ends is None:
        return False
    today = list(Weekday)[here.weekday()]
    yesterday = list(Weekday)[(here.weekday() - 1) % 7]
    now = here.time()
    if entry.starts < entry.ends:
        return today in entry.days and entry.starts <= now < entry.ends
    # Past midnight: a shift belongs to the day it starts on.
    return (today in entry.days and now >= entry.starts) or (yesterday in entry.days and now < entry.ends)


def covers(entry: RotaEntry, hours: OfficeHours, nation: Nation, at: dt.datetime) -> bool:
    """Is this rota entry on duty at `at`?"""
    if entry.cover == Cover.ALWAYS:
        return True
    if entry.cover == Cover.OFFICE_HOURS:
        return is_working_time(hours, nation, at)
    if entry.cover == Cover.OUT_OF_HOURS:
        return not is_working_time(hours, nation, at)
    return _on_shift(entry, local(hours, at))


def on_duty(rota: tuple[RotaEntry, ...], hours: OfficeHours, nation: Nation, at: dt.datetime) -> list[int]:
    """The places in `rota` of the entries on duty at `at`; when none is, every place:
    a council that has named anyone is never left with nobody."""
    now = [index for index, entry in enumerate(rota) if covers(entry, hours, nation, at)]
    return now or list(range(len(rota)))
