"""Fixed periods for the figures: a calendar month, quarter or year, in the council's
time zone. Pure functions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


MONTHS = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}
TREND_LENGTH = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 8, PeriodKind.YEAR: 5}
"""How many periods, up to the chosen one, a trend shows."""


@dataclass(frozen=True, order=True)
class Period:
    kind: PeriodKind
    first_day: dt.date

    @property
    def next_first_day(self) -> dt.date:
        return add_months(self.first_day, MONTHS[self.kind])

    def bounds(self, zone: str) -> tuple[dt.datetime, dt.datetime]:
        """[start, end) as aware datetimes (local midnight in the council's zone)."""
        tz = ZoneInfo(zone)
        start = dt.datetime.combine(self.first_day, dt.time(), tzinfo=tz)
        end = dt.datetime.combine(self.next_first_day, dt.time(), tzinfo=tz)
        return start, end

    def previous(self) -> Period:
        return Period(self.kind, add_months(self.first_day, -MONTHS[self.kind]))

    def next(self) -> Period:
        return Period(self.kind, self.next_first_day)

    def contains(self, day: dt.date) -> bool:
        return self.first_day <= day < self.next_first_day


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + (day.month - 1) + months
    return dt.date(index // 12, index % 12 + 1, 1)


def containing(kind: PeriodKind, day: dt.date) -> Period:
    """The period of this kind that the day falls in."""
    if kind == PeriodKind.MONTH:
        return Period(kind, dt.date(day.year, day.month, 1))
    if kind == PeriodKind.QUARTER:
        return Period(kind, dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1))
    return Period(kind, dt.date(day.year, 1, 1))


def trend(period: Period) -> list[Period]:
    """The periods a trend shows, oldest first, ending with this one."""
    periods = [period]
    while len(periods) < TREND_LENGTH[period.kind]:
        periods.append(periods[-1].previous())
    return periods[::-1]
