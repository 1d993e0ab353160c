"""What a council's settings must look like. Pure: every problem is named by its field
(`thresholds.repeat_episodes`, `rota.1.phone`) so a screen can put the message beside it,
and all of them are found at once."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from backend import phones
from backend.councils.schemas import (
    Cover,
    Escalation,
    Nation,
    Retention,
    SettingsIn,
    Thresholds,
    Weekday,
)
from backend.errors import Invalid
from backend.i18n import N_


@dataclass(frozen=True)
class Range:
    low: int
    high: int
    message: str


MINUTES = Range(1, 60, N_("Choose a number of minutes from 1 to 60."))
HOURS = Range(1, 168, N_("Choose a number of hours from 1 to 168 (a week)."))
DAYS = Range(1, 30, N_("Choose a number of days from 1 to 30."))
TIMES = Range(2, 10, N_("Choose a number of times from 2 to 10."))
WINDOW = Range(7, 365, N_("Choose a number of days from 7 to 365."))
WORKING_DAYS = Range(1, 10, N_("Choose a number of working days from 1 to 10."))

# Retention: long enough for the work, short enough to keep little; never less than the law.
RETENTION_RANGES = {
    "alert_location_hours": Range(1, 720, N_("Choose a number of hours from 1 to 720 (30 days).")),
    "stepped_down_contact_days": Range(1, 365, N_("Choose a number of days from 1 to 365.")),
    "feedback_answers_days": Range(1, 365, N_("Choose a number of days from 1 to 365.")),
    "looked_after_until_age": Range(
        75,
        100,
        N_("The law keeps a looked-after child's record until their 75th birthday: choose 75 to 100."),
    ),
    "other_until_age": Range(18, 75, N_("Choose an age from 18 to 75.")),
}

ESCALATION_RANGES = {"trio_minutes": MINUTES, "carer_minutes": MINUTES, "duty_minutes": MINUTES}
THRESHOLD_RANGES = {
    "strategy_meeting_after_hours": HOURS,
    "senior_manager_after_hours": HOURS,
    "further_meeting_after_days": DAYS,
    "repeat_episodes": TIMES,
    "repeat_window_days": WINDOW,
    "strategy_meeting_within_working_days": WORKING_DAYS,
    "rhi_offer_within_hours": HOURS,
    "rhi_held_within_hours": HOURS,
}

NOT_A_TIME = N_("Write a time like 09:00.")
NO_OFFICE_DAYS = N_("Choose at least one office day.")
CLOSES_TOO_EARLY = N_("The office must close after it opens.")
OFFER_AFTER_HELD = N_("The interview must be offered before the time it must be held by.")
FURTHER_TOO_SOON = N_("The further meeting comes after the first one: choose more days.")
NOT_ON_ROTA = N_("Choose a social worker of this council.")
BAD_PHONE = N_("That doesn't look like a phone number. Try one like 07700 900123.")
NO_SHIFT_DAYS = N_("Choose the days this shift starts on.")
SHIFT_NO_LENGTH = N_("A shift must end at a different time from when it starts.")

_TIME = re.compile(r"(\d{1,2}):(\d{2})")


@dataclass(frozen=True)
class RotaRow:
    social_worker_id: uuid.UUID
    cover: Cover
    days: tuple[Weekday, ...]
    starts: int | None  # minutes after midnight
    ends: int | None
    phone: str  # E.164, or "" when none


@dataclass(frozen=True)
class Clean:
    """Settings that passed every check, in the form they are stored in."""

    escalation: Escalation
    office_days: tuple[Weekday, ...]
    opens: int
    closes: int
    nation: Nation
    thresholds: Thresholds
    rota: tuple[RotaRow, ...]
    retention: Retention | None  # None: unchanged


def minutes_of(text: str) -> int | None:
    """ "09:00" -> 540; None when it is not a 24-hour time."""
    match = _TIME.fullmatch(text.strip())
    if not match:
        return None
    hours, minutes = int(match[1]), int(match[2])
    return hours * 60 + minutes if hours < 24 and minutes < 60 else None


def clock_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def clock_time(minutes: int) -> dt.time:
    return dt.time(minutes // 60, minutes % 60)


def phone_of(raw: str) -> str | None:
    """+44... (E.164), so a call link works; None when it is not a phone number."""
    return phones.e164(raw)


def _ranges(prefix: str, values: object, ranges: dict[str, Range], errors: dict[str, str]) -> None:
    for name, allowed in ranges.items():
        if not allowed.low <= getattr(values, name) <= allowed.high:
            errors[f"{prefix}.{name}"] = allowed.message


def _days(days: list[Weekday]) -> tuple[Weekday, ...]:
    """In week order, each once."""
    return tuple(day for day in Weekday if day in days)


def _rota_row(index: int, entry, may_be_on_rota, errors: dict[str, str]) -> RotaRow | None:
    field = f"rota.{index}"
    before = len(errors)
    if not may_be_on_rota(entry.social_worker_id):
        errors[f"{field}.social_worker_id"] = NOT_ON_ROTA
    phone = ""
    if entry.phone.strip():
        phone = phone_of(entry.phone) or ""
        if not phone:
            errors[f"{field}.phone"] = BAD_PHONE
    days: tuple[Weekday, ...] = ()
    starts: int | None = None
    ends: int | None = None
    if entry.cover == Cover.SHIFT:
        days = _days(entry.days)
        if not days:
            errors[f"{field}.days"] = NO_SHIFT_DAYS
        starts, ends = minutes_of(entry.starts), minutes_of(entry.ends)
        if starts is None:
            errors[f"{field}.starts"] = NOT_A_TIME
        if ends is None:
            errors[f"{field}.ends"] = NOT_A_TIME
        elif starts == ends:
            errors[f"{field}.ends"] = SHIFT_NO_LENGTH
    if len(errors) > before:
        return None
    return RotaRow(entry.social_worker_id, Cover(entry.cover), days, starts, ends, phone)


def clean(body: SettingsIn, may_be_on_rota) -> Clean:
    """Check everything; raise Invalid naming every field that needs fixing.

    `may_be_on_rota(user_id)` says whether that account may be on this council's rota.
    """
    errors: dict[str, str] = {}
    _ranges("escalation", body.escalation, ESCALATION_RANGES, errors)
    _ranges("thresholds", body.thresholds, THRESHOLD_RANGES, errors)
    limits = body.thresholds
    offer_late = limits.rhi_offer_within_hours > limits.rhi_held_within_hours
    if offer_late and "thresholds.rhi_offer_within_hours" not in errors:
        errors["thresholds.rhi_offer_within_hours"] = OFFER_AFTER_HELD
    if (
        "thresholds.further_meeting_after_days" not in errors
        and limits.further_meeting_after_days * 24 <= limits.strategy_meeting_after_hours
    ):
        errors["thresholds.further_meeting_after_days"] = FURTHER_TOO_SOON
    office_days = _days(body.office_hours.days)
    if not office_days:
        errors["office_hours.days"] = NO_OFFICE_DAYS
    opens, closes = minutes_of(body.office_hours.opens), minutes_of(body.office_hours.closes)
    if opens is None:
        errors["office_hours.opens"] = NOT_A_TIME
    if closes is None:
        errors["office_hours.closes"] = NOT_A_TIME
    elif opens is not None and closes <= opens:
        errors["office_hours.closes"] = CLOSES_TOO_EARLY
    rota = [_rota_row(index, entry, may_be_on_rota, errors) for index, entry in enumerate(body.rota)]
    if body.retention is not None:
        _ranges("retention", body.retention, RETENTION_RANGES, errors)
    if errors:
        raise Invalid(errors)
    assert opens is not None and closes is not None  # each None added an error above
    return Clean(
        escalation=body.escalation,
        office_days=office_days,
        opens=opens,
        closes=closes,
        nation=Nation(body.nation),
        thresholds=body.thresholds,
        rota=tuple(row for row in rota if row),
        retention=body.retention,
    )
