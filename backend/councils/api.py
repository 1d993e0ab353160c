"""What other domains may ask of a council's settings: typed and read-only.

Alerts ask how long to wait at each step and who is on duty; episodes and interviews
ask for the thresholds and for deadlines in working days. A council's settings are
made with the guidance's defaults the first time they are asked for.
"""

from __future__ import annotations

import datetime as dt
import uuid

from backend.councils import services, working_time
from backend.councils.schemas import (
    AlertStep,
    Cover,
    DutyPerson,
    Escalation,
    Nation,
    OfficeHours,
    Retention,
    RotaEntry,
    Settings,
    Thresholds,
    Weekday,
)

__all__ = [
    "AlertStep",
    "Cover",
    "DutyPerson",
    "Escalation",
    "Nation",
    "OfficeHours",
    "Retention",
    "RotaEntry",
    "Settings",
    "Thresholds",
    "Weekday",
    "add_working_days",
    "escalation_minutes",
    "is_working_time",
    "on_duty",
    "read_once",
    "retention_by_council",
    "settings",
]


read_once = services.read_once
"""`with councils.read_once():` one decision reads each council's settings once."""


async def settings(council_id: uuid.UUID) -> Settings:
    """Everything but the rota's phone numbers (see `on_duty`)."""
    return await services.current(council_id)


async def escalation_minutes(council_id: uuid.UUID | None, level: int | AlertStep) -> int:
    """Minutes an alert waits at `level` (0 the young person's people, 1 their carer,
    2 the social worker on duty) before going to the next. No council: the defaults."""
    return await services.escalation_minutes(council_id, level)


async def on_duty(council_id: uuid.UUID, at: dt.datetime) -> list[DutyPerson]:
    """The social workers on duty at `at` (active, of this council), with the phone
    they are on duty with. When the rota names nobody for that time, everyone on it;
    an empty list only when nobody (still able to be) is on the rota at all."""
    return await services.on_duty(council_id, at)


async def add_working_days(council_id: uuid.UUID, start: dt.datetime, n: int) -> dt.datetime:
    """`n` working days after `start` (an aware moment), counted in the council's office
    hours and skipping weekends and its nation's bank holidays; in UTC."""
    council = await services.current(council_id)
    return working_time.add_working_days(council.office_hours, council.nation, start, n)


async def is_working_time(council_id: uuid.UUID, at: dt.datetime) -> bool:
    """Is `at` in the council's office hours on a working day?"""
    council = await services.current(council_id)
    return working_time.is_working_time(council.office_hours, council.nation, at)


async def retention_by_council() -> dict[uuid.UUID, Retention]:
    """Each council's retention settings (backend/retention): how long is kept what."""
    return await services.retention_by_council()
