"""A council's settings: read (made with the defaults the first time a council's are
asked for), checked and replaced; who is on duty. Knows nothing of HTTP."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NoReturn

from backend.accounts import api as accounts
from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.audit.services import Action
from backend.councils import defaults, guards, rules, sql, words, working_time
from backend.councils.schemas import (
    AlertStep,
    Cover,
    DutyPerson,
    Escalation,
    Nation,
    OfficeHours,
    OfficeHoursIn,
    OfficeHoursOut,
    Person,
    Retention,
    RotaEntry,
    RotaEntryIn,
    RotaEntryOut,
    Settings,
    SettingsIn,
    SettingsView,
    Thresholds,
    Weekday,
)
from backend.councils.tables import CouncilSettings, DutyRota
from backend.db import Sql, write_transaction
from backend.errors import Forbidden
from backend.i18n import N_
from backend.sealed import seal, unseal

REFUSED = N_("Only the council's administrators keep its settings.")

GUIDANCE = Thresholds(
    strategy_meeting_after_hours=defaults.STRATEGY_MEETING_AFTER_HOURS,
    senior_manager_after_hours=defaults.SENIOR_MANAGER_AFTER_HOURS,
    further_meeting_after_days=defaults.FURTHER_MEETING_AFTER_DAYS,
    repeat_episodes=defaults.REPEAT_EPISODES,
    repeat_window_days=defaults.REPEAT_WINDOW_DAYS,
    strategy_meeting_within_working_days=defaults.STRATEGY_MEETING_WITHIN_WORKING_DAYS,
    rhi_offer_within_hours=defaults.RHI_OFFER_WITHIN_HOURS,
    rhi_held_within_hours=defaults.RHI_HELD_WITHIN_HOURS,
)
DEFAULT_RETENTION = Retention(
    alert_location_hours=defaults.ALERT_LOCATION_HOURS,
    stepped_down_contact_days=defaults.STEPPED_DOWN_CONTACT_DAYS,
    feedback_answers_days=defaults.FEEDBACK_ANSWERS_DAYS,
    looked_after_until_age=defaults.LOOKED_AFTER_UNTIL_AGE,
    other_until_age=defaults.OTHER_UNTIL_AGE,
)
DEFAULT_ESCALATION = Escalation(
    trio_minutes=defaults.ESCALATION_MINUTES,
    carer_minutes=defaults.ESCALATION_MINUTES,
    duty_minutes=defaults.ESCALATION_MINUTES,
)


# -- reading ---------------------------------------------------------------------------------


def _days(text: str) -> tuple[Weekday, ...]:
    return tuple(Weekday(day) for day in text.split(",") if day)


def _settings(row: dict, rota: list[tuple[RotaEntry, str]]) -> Settings:
    return Settings(
        council_id=row["council"],
        escalation=Escalation(
            trio_minutes=row["trio_minutes"],
            carer_minutes=row["carer_minutes"],
            duty_minutes=row["duty_minutes"],
        ),
        office_hours=OfficeHours(
            days=_days(row["office_days"]),
            opens=rules.clock_time(row["opens_at"]),
            closes=rules.clock_time(row["closes_at"]),
            time_zone=defaults.TIME_ZONE,
        ),
        nation=Nation(row["nation"]),
        thresholds=Thresholds(**{name: row[name] for name in Thresholds.__struct_fields__}),
        rota=tuple(entry for entry, _ in rota),
        retention=Retention(**{name: row[name] for name in Retention.__struct_fields__}),
    )


async def _settings_row(council_id: uuid.UUID, statement: Sql = sql.SETTINGS) -> dict:
    """The council's row (the columns `statement` reads), made with the defaults if it
    has none yet."""
    row = await statement.first(council=council_id)
    if row is None:
        await _make_settings(council_id)
        row = await statement.first(council=council_id)
    assert row is not None  # there already, or inserted just above
    return row


async def _make_settings(council_id: uuid.UUID) -> None:
    """The council's row with the defaults (its first read)."""
    async with write_transaction():
        # Two first reads at once: the second one's insert does nothing.
        await CouncilSettings.insert(CouncilSettings(council=council_id)).on_conflict(
            target=CouncilSettings.council, action="DO NOTHING"
        )


async def _rota(council_id: uuid.UUID) -> list[tuple[RotaEntry, str]]:
    """The rota in order, each entry with its phone number ("" when none)."""
    rows = await sql.ROTA.rows(council=council_id)
    return [
        (
            RotaEntry(
                social_worker_id=row["social_worker"],
                cover=Cover(row["cover"]),
                days=_days(row["days"]),
                starts=None if row["starts_at"] is None else rules.clock_time(row["starts_at"]),
                ends=None if row["ends_at"] is None else rules.clock_time(row["ends_at"]),
            ),
            unseal(row["phone"]) if row["phone"] else "",
        )
        for row in rows
    ]


_Read = tuple[Settings, list[tuple[RotaEntry, str]]]
_KEPT: ContextVar[dict[uuid.UUID, _Read] | None] = ContextVar("councils_kept", default=None)


@contextmanager
def read_once() -> Iterator[None]:
    """Inside the block, each council's settings and rota are read from the database the
    first time they are asked for and that answer is given again until the block ends:
    one decision (an alert's next step asks for the office hours, the rota and who is on
    duty) takes one view of them. Outside any block every call reads them afresh, so a
    council's change counts from the next decision on."""
    token = _KEPT.set({})
    try:
        yield
    finally:
        _KEPT.reset(token)


async def _read(council_id: uuid.UUID) -> _Read:
    kept = _KEPT.get()
    if kept is not None and council_id in kept:
        return kept[council_id]
    rota = await _rota(council_id)
    found = (_settings(await _settings_row(council_id), rota), rota)
    if kept is not None:
        kept[council_id] = found
    return found


async def current(council_id: uuid.UUID) -> Settings:
    return (await _read(council_id))[0]


def _on_duty(
    settings: Settings, rota: list[tuple[RotaEntry, str]], people: dict, at: dt.datetime
) -> list[DutyPerson]:
    valid = [
        (entry, phone)
        for entry, phone in rota
        if guards.may_be_on_rota(people.get(entry.social_worker_id), settings.council_id)
    ]
    chosen = working_time.on_duty(
        tuple(entry for entry, _ in valid), settings.office_hours, settings.nation, at
    )
    duty: dict[uuid.UUID, DutyPerson] = {}
    for index in chosen:
        entry, phone = valid[index]
        if entry.social_worker_id not in duty:
            account = people[entry.social_worker_id]
            duty[account.id] = DutyPerson(id=account.id, name=account.display_name, phone=phone)
    return list(duty.values())


async def on_duty(council_id: uuid.UUID, at: dt.datetime) -> list[DutyPerson]:
    """Who is on duty at `at`: the active social workers of the council on its rota for
    that time; when nobody is set for that time, everyone on the rota."""
    settings, rota = await _read(council_id)
    people = await accounts.accounts({entry.social_worker_id for entry, _ in rota})
    return _on_duty(settings, rota, people, at)


async def escalation_minutes(council_id: uuid.UUID | None, level: int) -> int:
    """How long an alert waits at `level` (alerts' numbering) before the next."""
    step = AlertStep(level)
    kept = _KEPT.get()
    if council_id is None:
        escalation = DEFAULT_ESCALATION
    elif kept is not None and council_id in kept:
        escalation = kept[council_id][0].escalation
    else:
        # Only the three minutes (every tap asks): not the whole settings and the rota.
        row = await _settings_row(council_id, sql.ESCALATION)
        escalation = Escalation(
            trio_minutes=row["trio_minutes"],
            carer_minutes=row["carer_minutes"],
            duty_minutes=row["duty_minutes"],
        )
    return {
        AlertStep.TRIO: escalation.trio_minutes,
        AlertStep.CARER: escalation.carer_minutes,
        AlertStep.DUTY: escalation.duty_minutes,
    }[step]


# -- the settings screen -----------------------------------------------------------------------


async def _refuse(actor: Actor, attempt: str, now: dt.datetime) -> NoReturn:
    """The same answer for everyone who may not: a social worker, a carer and a young
    person all learn nothing more than that they are refused; the attempt is audited."""
    async with write_transaction():
        await audit.record(actor, Action.REFUSED, attempt, None, at=now)
    raise Forbidden(REFUSED)


def _entry_out(entry: RotaEntry, phone: str, people: dict, show_phone: bool) -> RotaEntryOut:
    account = people.get(entry.social_worker_id)
    return RotaEntryOut(
        social_worker_id=entry.social_worker_id,
        name=account.display_name if account else "",
        cover=entry.cover,
        days=list(entry.days),
        starts=entry.starts.strftime("%H:%M") if entry.starts else "",
        ends=entry.ends.strftime("%H:%M") if entry.ends else "",
        phone=phone if show_phone else None,
    )


async def _view(actor: Actor, now: dt.datetime) -> SettingsView:
    council_id = actor.council_id
    assert council_id is not None  # callers refuse anyone of no council first
    row = await _settings_row(council_id)
    rota = await _rota(council_id)
    settings = _settings(row, rota)
    people = await accounts.accounts({entry.social_worker_id for entry, _ in rota})
    choices = []
    if guards.may_change_settings(actor.role):
        choices = [
            Person(a.id, a.display_name)
            for a in await accounts.colleagues(council_id, accounts.Role.SOCIAL_WORKER)
        ]
    hours = settings.office_hours
    show_phones = guards.may_see_rota_phones(actor.role)
    return SettingsView(
        escalation=settings.escalation,
        office_hours=OfficeHoursOut(
            days=list(hours.days),
            opens=hours.opens.strftime("%H:%M"),
            closes=hours.closes.strftime("%H:%M"),
            time_zone=hours.time_zone,
        ),
        nation=settings.nation,
        thresholds=settings.thresholds,
        rota=[_entry_out(entry, phone, people, show_phones) for entry, phone in rota],
        on_duty_now=[Person(p.id, p.name) for p in _on_duty(settings, rota, people, now)],
        choices=choices,
        guidance=GUIDANCE,
        default_escalation=DEFAULT_ESCALATION,
        retention=settings.retention,
        default_retention=DEFAULT_RETENTION,
        changed_at=row["changed_at"],
        can=guards.can(actor.role),
    )


async def view(actor: Actor, now: dt.datetime) -> SettingsView:
    if actor.council_id is None or not guards.may_read_settings(actor.role):
        await _refuse(actor, words.OPEN_SETTINGS, now)
    return await _view(actor, now)


async def change(actor: Actor, body: SettingsIn, now: dt.datetime) -> SettingsView:
    if actor.council_id is None or not guards.may_change_settings(actor.role):
        await _refuse(actor, words.CHANGE_SETTINGS, now)
    await replace(actor.council_id, body, actor, now)
    return await _view(actor, now)


# -- changing ----------------------------------------------------------------------------------


async def replace(council_id: uuid.UUID, body: SettingsIn, by: Actor | None, now: dt.datetime) -> None:
    """Check every part, then store all of it, or nothing. `by` None: the command line."""
    people = await accounts.accounts({entry.social_worker_id for entry in body.rota})
    clean = rules.clean(body, lambda user_id: guards.may_be_on_rota(people.get(user_id), council_id))
    await _settings_row(council_id)
    async with write_transaction():
        await CouncilSettings.update(
            {
                CouncilSettings.trio_minutes: clean.escalation.trio_minutes,
                CouncilSettings.carer_minutes: clean.escalation.carer_minutes,
                CouncilSettings.duty_minutes: clean.escalation.duty_minutes,
                CouncilSettings.office_days: ",".join(clean.office_days),
                CouncilSettings.opens_at: clean.opens,
                CouncilSettings.closes_at: clean.closes,
                CouncilSettings.nation: clean.nation.value,
                CouncilSettings.changed_at: now,
                **{
                    getattr(CouncilSettings, name): getattr(clean.thresholds, name)
                    for name in Thresholds.__struct_fields__
                },
                **{
                    getattr(CouncilSettings, name): getattr(clean.retention, name)
                    for name in (Retention.__struct_fields__ if clean.retention else ())
                },
            }
        ).where(CouncilSettings.council == council_id)
        await DutyRota.delete().where(DutyRota.council == council_id)
        if clean.rota:
            await DutyRota.insert(
                *[
                    DutyRota(
                        council=council_id,
                        social_worker=row.social_worker_id,
                        position=position,
                        cover=row.cover.value,
                        days=",".join(row.days),
                        starts_at=row.starts,
                        ends_at=row.ends,
                        phone=seal(row.phone) if row.phone else None,
                    )
                    for position, row in enumerate(clean.rota)
                ]
            )
        await audit.record(by, Action.CHANGE, words.SETTINGS_CHANGED, None, at=now)


async def as_input(council_id: uuid.UUID) -> SettingsIn:
    """The current settings as a change would send them (for the command line)."""
    rota = await _rota(council_id)
    settings = _settings(await _settings_row(council_id), rota)
    hours = settings.office_hours
    return SettingsIn(
        escalation=settings.escalation,
        office_hours=OfficeHoursIn(
            days=list(hours.days), opens=hours.opens.strftime("%H:%M"), closes=hours.closes.strftime("%H:%M")
        ),
        nation=settings.nation,
        thresholds=settings.thresholds,
        retention=settings.retention,
        rota=[
            RotaEntryIn(
                social_worker_id=entry.social_worker_id,
                cover=entry.cover,
                phone=phone,
                days=list(entry.days),
                starts=entry.starts.strftime("%H:%M") if entry.starts else "",
                ends=entry.ends.strftime("%H:%M") if entry.ends else "",
            )
            for entry, phone in rota
        ],
    )


async def retention_by_council() -> dict[uuid.UUID, Retention]:
    """Every council's retention settings (the defaults for a council that has never
    had its settings read: it has no row yet)."""
    councils = await accounts.council_ids()
    rows = (
        {
            row["council"]: row
            for row in await CouncilSettings.select().where(CouncilSettings.council.is_in(councils))
        }
        if councils
        else {}
    )
    return {
        council_id: Retention(**{name: rows[council_id][name] for name in Retention.__struct_fields__})
        if council_id in rows
        else DEFAULT_RETENTION
        for council_id in councils
    }
