"""Fixed periods: a month "2026-11", a quarter "2026-Q4", a year "2026". Figures are only
ever counted over one of these, never over a range someone chose (two ranges differing by
a day would give away the answers of that day)."""

from __future__ import annotations

import datetime as dt


def month_of(at: dt.datetime) -> str:
    return f"{at.year:04d}-{at.month:02d}"


def quarter_of(at: dt.datetime) -> str:
    return f"{at.year:04d}-Q{(at.month - 1) // 3 + 1}"


def quarter_of_month(month: str) -> str:
    return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"


def months_in(period: str) -> list[str]:
    """The months a fixed period is made of; [] for anything else."""
    year, _, part = period.partition("-")
    if not (year.isdigit() and len(year) == 4):
        return []
    if not part:
        return [f"{year}-{m:02d}" for m in range(1, 13)]
    if part.startswith("Q") and part[1:] in ("1", "2", "3", "4"):
        first = (int(part[1:]) - 1) * 3 + 1
        return [f"{year}-{m:02d}" for m in range(first, first + 3)]
    if part.isdigit() and len(part) == 2 and 1 <= int(part) <= 12:
        return [period]
    return []


def previous_quarter(quarter: str) -> str:
    year, q = int(quarter[:4]), int(quarter[-1])
    return f"{year - 1}-Q4" if q == 1 else f"{year}-Q{q - 1}"


def expires_at(month: str) -> dt.datetime:
    """A link issued in a month works to the end of the next one (30 to 61 days): only
    the month is kept, so the expiry cannot say the day it was issued either."""
    year, number = int(month[:4]), int(month[5:7]) + 2
    year, number = year + (number - 1) // 12, (number - 1) % 12 + 1
    return dt.datetime(year, number, 1, tzinfo=dt.UTC)


def bounds(period: str) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a fixed period, in UTC."""
    months = months_in(period)
    start = dt.datetime(int(months[0][:4]), int(months[0][5:7]), 1, tzinfo=dt.UTC)
    last_year, last_month = int(months[-1][:4]), int(months[-1][5:7])
    end = dt.datetime(last_year + last_month // 12, last_month % 12 + 1, 1, tzinfo=dt.UTC)
    return start, end
