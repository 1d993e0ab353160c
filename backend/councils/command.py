"""`homeward council-settings`: the settings screen's settings as `key=value` lines, for a
council whose admins have no screen yet (or for a script).

Keys are the API's field names: `escalation.trio_minutes`, `office_hours.days=mon,tue`,
`office_hours.opens=09:00`, `nation=scotland`, `thresholds.repeat_window_days=30`,
`retention.stepped_down_contact_days=30` (how long is kept what), and
`rota`, the whole duty rota: entries joined by `;`, each `EMAIL/WHEN[/PHONE]`, where WHEN
is `always`, `office_hours`, `out_of_hours`, or a shift `DAYS@HH:MM-HH:MM` (days it
starts on, e.g. `sat,sun@09:00-21:00`; a shift may run past midnight). `rota=` empties it.
A change is checked exactly as the screen's is: all of it is saved, or none.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import msgspec

from backend.accounts import api as accounts
from backend.councils import services
from backend.councils.schemas import (
    Cover,
    Escalation,
    Nation,
    Retention,
    RotaEntryIn,
    SettingsIn,
    Thresholds,
    Weekday,
)
from backend.errors import Invalid
from backend.i18n import N_

NOT_KEY_VALUE = N_("Write it as key=value.")
NO_SUCH_SETTING = N_("There is no such setting.")
NOT_A_NUMBER = N_("Write a whole number.")
NOT_A_NATION = N_("Choose england, wales, scotland or northern_ireland.")
NOT_DAYS = N_("Write days like mon,tue,wed.")
NOT_AN_ENTRY = N_("Write an entry like alex@example.org/out_of_hours/07700 900123.")
NOT_WHEN = N_("Write always, office_hours, out_of_hours, or days and times like sat,sun@09:00-17:00.")
NOT_THEIR_EMAIL = N_("No active social worker of this council has that email.")

NUMBERS = {
    **{f"escalation.{name}": "escalation" for name in Escalation.__struct_fields__},
    **{f"thresholds.{name}": "thresholds" for name in Thresholds.__struct_fields__},
    **{f"retention.{name}": "retention" for name in Retention.__struct_fields__},
}


def _days(text: str) -> list[Weekday]:
    try:
        return [Weekday(day.strip().lower()) for day in text.split(",") if day.strip()]
    except ValueError:
        raise ValueError(NOT_DAYS) from None


def _entry_text(entry: RotaEntryIn, emails: dict[uuid.UUID, str]) -> str:
    when = str(entry.cover)
    if entry.cover == Cover.SHIFT:
        when = f"{','.join(entry.days)}@{entry.starts}-{entry.ends}"
    parts = [emails.get(entry.social_worker_id, str(entry.social_worker_id)), when]
    return "/".join([*parts, entry.phone] if entry.phone else parts)


def lines(settings: SettingsIn, emails: dict[uuid.UUID, str]) -> list[str]:
    """Every setting as `key=value`, in the order the screen shows them."""
    out = [f"escalation.{name}={getattr(settings.escalation, name)}" for name in Escalation.__struct_fields__]
    hours = settings.office_hours
    out += [
        f"office_hours.days={','.join(hours.days)}",
        f"office_hours.opens={hours.opens}",
        f"office_hours.closes={hours.closes}",
        f"nation={settings.nation}",
    ]
    limits = settings.thresholds
    out += [f"thresholds.{name}={getattr(limits, name)}" for name in Thresholds.__struct_fields__]
    out.append("rota=" + ";".join(_entry_text(entry, emails) for entry in settings.rota))
    if settings.retention is not None:
        out += [
            f"retention.{name}={getattr(settings.retention, name)}" for name in Retention.__struct_fields__
        ]
    return out


def _rota_entry(
    index: int, text: str, ids: dict[str, uuid.UUID], errors: dict[str, str]
) -> RotaEntryIn | None:
    field = f"rota.{index}"
    parts = [part.strip() for part in text.split("/")]
    if len(parts) not in (2, 3) or not parts[0]:
        errors[field] = NOT_AN_ENTRY
        return None
    email, when = parts[0].lower(), parts[1]
    if email not in ids:
        errors[f"{field}.social_worker_id"] = NOT_THEIR_EMAIL
        return None
    phone = parts[2] if len(parts) == 3 else ""
    if when in (Cover.ALWAYS, Cover.OFFICE_HOURS, Cover.OUT_OF_HOURS):
        return RotaEntryIn(social_worker_id=ids[email], cover=Cover(when), phone=phone)
    days, _, times = when.partition("@")
    starts, _, ends = times.partition("-")
    try:
        chosen = _days(days)
    except ValueError:
        chosen = []
    if not chosen or not starts or not ends:
        errors[f"{field}.cover"] = NOT_WHEN
        return None
    return RotaEntryIn(
        social_worker_id=ids[email], cover=Cover.SHIFT, phone=phone, days=chosen, starts=starts, ends=ends
    )


def apply(settings: SettingsIn, pairs: list[str], ids: dict[str, uuid.UUID]) -> SettingsIn:
    """`settings` with the `key=value` changes made; `ids` maps the emails of the
    council's social workers to their ids. Raises Invalid naming each bad key."""
    errors: dict[str, str] = {}
    changed: dict[str, dict[str, Any]] = {
        "escalation": {},
        "thresholds": {},
        "retention": {},
        "office_hours": {},
        "top": {},
    }
    for pair in pairs:
        key, equals, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not equals or not key:
            errors[pair] = NOT_KEY_VALUE
        elif key in NUMBERS:
            try:
                changed[NUMBERS[key]][key.partition(".")[2]] = int(value)
            except ValueError:
                errors[key] = NOT_A_NUMBER
        elif key in ("office_hours.opens", "office_hours.closes"):
            changed["office_hours"][key.partition(".")[2]] = value
        elif key == "office_hours.days":
            try:
                changed["office_hours"]["days"] = _days(value)
            except ValueError as problem:
                errors[key] = str(problem)
        elif key == "nation":
            try:
                changed["top"]["nation"] = Nation(value.lower())
            except ValueError:
                errors[key] = NOT_A_NATION
        elif key == "rota":
            entries = [text for text in value.split(";") if text.strip()]
            changed["top"]["rota"] = [_rota_entry(n, text, ids, errors) for n, text in enumerate(entries)]
        else:
            errors[key] = NO_SUCH_SETTING
    if errors:
        raise Invalid(errors)
    replace = msgspec.structs.replace
    return replace(
        settings,
        escalation=replace(settings.escalation, **changed["escalation"]),
        thresholds=replace(settings.thresholds, **changed["thresholds"]),
        office_hours=replace(settings.office_hours, **changed["office_hours"]),
        retention=replace(settings.retention, **changed["retention"]) if settings.retention else None,
        **changed["top"],
    )


async def _emails(council_id: uuid.UUID, settings: SettingsIn) -> dict[uuid.UUID, str]:
    people = await accounts.accounts({entry.social_worker_id for entry in settings.rota})
    return {person.id: person.email or "" for person in people.values()}


async def show(council_id: uuid.UUID) -> list[str]:
    settings = await services.as_input(council_id)
    return lines(settings, await _emails(council_id, settings))


async def change(council_id: uuid.UUID, pairs: list[str], now: dt.datetime) -> list[str]:
    """Make the changes (all or none) and return the settings as they now are."""
    social_workers = await accounts.colleagues(council_id, accounts.Role.SOCIAL_WORKER)
    ids = {person.email.lower(): person.id for person in social_workers if person.email}
    settings = apply(await services.as_input(council_id), pairs, ids)
    await services.replace(council_id, settings, None, now)
    return await show(council_id)
