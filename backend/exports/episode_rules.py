"""What a recorded missing episode must look like, so the SSDA903 return is valid.

Pure checks for the episodes domain to call before it saves an episode. Each returns
field -> plain-English message (empty when all is well), ready for
`backend.errors.Invalid`. They mirror the DfE rules that the Missing table is checked
against: 586 (starts after the date of birth), 567 (ends after it starts) and 574 (no
new episode while one is open, no overlaps); and nothing is recorded before it happened.
Times are compared exactly; the date of birth is compared with the day it was in England.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from backend.exports.ssda903 import ENGLAND, local_date
from backend.i18n import N_, Message

# A phone's clock can run a little ahead of the server's: "now" on the phone is not the
# future.
CLOCK_GRACE = dt.timedelta(minutes=2)

Period = tuple[dt.datetime, dt.datetime | None]

# The messages, translated where they are shown (backend/locale/ar/LC_MESSAGES/messages.po).
FUTURE_START = N_("The time they went missing can't be in the future.")
NOT_AFTER_BIRTH = N_("This is not after their date of birth ({born}). Check the date.")
END_NOT_AFTER_START = N_("The time they came back can't be before the time they went missing.")
FUTURE_END = N_("The time they came back can't be in the future.")
STILL_OPEN = N_("They are still recorded as missing since {since}. Record that they came back first.")
AGAIN_BEFORE_END = N_("They went missing again on {since}, so this time must end before then.")
ALREADY_MISSING = N_("They were already missing then ({start} to {end}). Check the time.")
OVERLAPS = N_("This overlaps another time they were missing ({start} to {end}). Check the times.")


def check_start(
    started_at: dt.datetime, *, date_of_birth: dt.date, now: dt.datetime, field: str = "started_at"
) -> dict[str, str]:
    _aware(started_at, now)
    if started_at > now + CLOCK_GRACE:
        return {field: FUTURE_START}
    # The DfE refuses a start on the birthday itself too (rule 586: start <= DOB). Compared
    # in UTC first: a time in year 1 has no English local date to turn into.
    born = dt.datetime.combine(date_of_birth, dt.time(), tzinfo=dt.UTC)
    if started_at < born or local_date(started_at) <= date_of_birth:
        return {field: Message(NOT_AFTER_BIRTH, born=_day(date_of_birth))}
    return {}


def check_end(
    started_at: dt.datetime, ended_at: dt.datetime | None, *, now: dt.datetime, field: str = "ended_at"
) -> dict[str, str]:
    if ended_at is None:
        return {}
    _aware(started_at, ended_at, now)
    # The same minute is fine: a screen gives times to the minute, and the DfE's rule 567
    # compares days.
    if ended_at < started_at:
        return {field: END_NOT_AFTER_START}
    if ended_at > now + CLOCK_GRACE:
        return {field: FUTURE_END}
    return {}


def check_overlap(
    started_at: dt.datetime,
    ended_at: dt.datetime | None,
    others: Iterable[Period],
    *,
    start_field: str = "started_at",
    end_field: str = "ended_at",
) -> dict[str, str]:
    """`others` are the young person's other episodes (from home or care: nobody is
    missing twice at once), without the one being edited. Touching is fine: one can
    start the minute another ended."""
    _aware(started_at, ended_at)
    for other_start, other_end in sorted(others, key=lambda period: period[0]):
        _aware(other_start, other_end)
        if not _overlaps((started_at, ended_at), (other_start, other_end)):
            continue
        if other_end is None:
            if started_at >= other_start:
                return {start_field: Message(STILL_OPEN, since=_when(other_start))}
            return {end_field: Message(AGAIN_BEFORE_END, since=_when(other_start))}
        if other_start <= started_at:
            return {start_field: Message(ALREADY_MISSING, start=_when(other_start), end=_when(other_end))}
        return {
            end_field if ended_at is not None else start_field: Message(
                OVERLAPS, start=_when(other_start), end=_when(other_end)
            )
        }
    return {}


def check_episode(
    started_at: dt.datetime,
    ended_at: dt.datetime | None,
    *,
    date_of_birth: dt.date,
    others: Iterable[Period],
    now: dt.datetime,
    start_field: str = "started_at",
    end_field: str = "ended_at",
) -> dict[str, str]:
    """Every check at once: one message per field, the most basic first."""
    errors = check_start(started_at, date_of_birth=date_of_birth, now=now, field=start_field)
    for field, message in check_end(started_at, ended_at, now=now, field=end_field).items():
        errors.setdefault(field, message)
    if not errors:
        errors = check_overlap(started_at, ended_at, others, start_field=start_field, end_field=end_field)
    return errors


def _overlaps(one: Period, other: Period) -> bool:
    """An open period (end None) runs on for ever."""
    return (other[1] is None or one[0] < other[1]) and (one[1] is None or other[0] < one[1])


def _aware(*moments: dt.datetime | None) -> None:
    if any(moment is not None and moment.tzinfo is None for moment in moments):
        raise ValueError("episode times must be timezone-aware")


def _when(moment: dt.datetime) -> str:
    local = moment.astimezone(ENGLAND)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
