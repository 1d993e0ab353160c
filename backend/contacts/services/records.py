"""A young person's trusted people as they are kept (details sealed), and what other
domains get of them (contacts.api). Nothing here checks access: callers do."""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from backend.accounts.actor import Actor
from backend.audit.services import Who
from backend.contacts import guards, sql, words
from backend.contacts.schemas import ContactDetails, ContactState, TrustedPerson
from backend.contacts.tables import TrustedContact
from backend.errors import NotFound
from backend.i18n import N_, translate
from backend.plans import api as plans
from backend.plans.schemas import TrioPerson
from backend.push import api as push
from backend.sealed import unseal_json
from backend.young_people import api as young_people

NOT_ONE_OF_THEM = N_("That person is not one of the trusted people.")


def details_of(row: dict) -> ContactDetails:
    if row.get("forgotten_at"):
        return ContactDetails(name=translate(words.FORGOTTEN_NAME))
    return msgspec.convert(unseal_json(row["details"]), ContactDetails)


async def rows_of(young_person_id: uuid.UUID, states=guards.LIVE) -> list[dict]:
    """The young person's contacts in these states, in their order (every column)."""
    return (await rows_and_notifications_of(young_person_id, states))[0]


async def rows_and_notifications_of(
    young_person_id: uuid.UUID, states=guards.LIVE
) -> tuple[list[dict], set[uuid.UUID]]:
    """(`rows_of`, which of them have notifications on), in one round trip."""
    wanted = {ContactState(state).value for state in states}
    rows, notified = [], set()
    for row in await sql.CONTACTS_OF.rows(young_person=young_person_id):
        on = row.pop("notified")
        if row["state"] in wanted:
            rows.append(row)
            if on:
                notified.add(row["id"])
    return rows, notified


async def row_of(contact_id: uuid.UUID) -> dict | None:
    return await TrustedContact.select().where(TrustedContact.id == contact_id).first()


async def one_of(young_person_id: uuid.UUID, contact_id: uuid.UUID, states=guards.LIVE) -> dict:
    row = (
        await TrustedContact.select()
        .where(
            (TrustedContact.id == contact_id)
            & (TrustedContact.young_person == young_person_id)
            & TrustedContact.state.is_in(list(states))
        )
        .first()
    )
    if row is None:
        raise NotFound(NOT_ONE_OF_THEM)
    return row


async def end(contact_id: uuid.UUID, state: ContactState, now: dt.datetime) -> None:
    """Stop a contact being reachable: no sign-in, no invite, no notifications."""
    # The token's hash stays (it can no longer sign in: only active contacts can), so a
    # later request with the old cookie is known, refused and audited.
    await TrustedContact.update(
        state=state,
        csrf_token=None,
        invite_code_hash=None,
        stepped_down_at=now,
    ).where(TrustedContact.id == contact_id)
    await push.remove_all(contact_id=contact_id)


def _since(row: dict) -> dt.datetime:
    if row["state"] in (ContactState.STEPPED_DOWN, ContactState.REMOVED) and row["stepped_down_at"]:
        return row["stepped_down_at"]
    if row["state"] == ContactState.ACTIVE and row["accepted_at"]:
        return row["accepted_at"]
    return row["created_at"]


async def tell_plan(young_person_id: uuid.UUID) -> None:
    """Where each person stands now, for the plan to show beside every version (not
    signed: stepping down is no new version)."""
    rows = await TrustedContact.select().where(TrustedContact.young_person == young_person_id)
    await plans.set_trio_states(young_person_id, {row["id"]: (row["state"], _since(row)) for row in rows})


def _trio_person(row: dict) -> TrioPerson:
    details = details_of(row)
    return TrioPerson(
        id=str(row["id"]),
        # A forgotten person's placeholder as forgetting wrote it into the plan (untranslated).
        name=words.FORGOTTEN_NAME if row["forgotten_at"] else details.name,
        how_they_know_me=details.how_they_know_me,
        phone=details.phone,
        email=details.email,
        what_they_will_do=details.what_they_will_do,
    )


async def refresh_plan(young_person_id: uuid.UUID, now: dt.datetime, by: Actor | Who) -> None:
    """The plan's trio section is a copy of who the people are (a person who stepped
    down stays, marked so by where they stand, until the young person removes them), so
    versions keep who it was; where they stand is told to the plan apart."""
    await tell_plan(young_person_id)
    people = [
        _trio_person(row) for row in await rows_of(young_person_id, (*guards.LIVE, ContactState.STEPPED_DOWN))
    ]
    await plans.refresh_trio(young_person_id, people, now, by)


async def young_person_name(young_person_id: uuid.UUID, now: dt.datetime) -> str:
    found = await young_people.record(young_person_id)
    return found.preferred_name if found else ""


async def ids_in_council(council_id: uuid.UUID | None) -> list[uuid.UUID]:
    """The ids of every trusted contact of the council's young people."""
    young = await young_people.in_council(council_id)
    if not young:
        return []
    rows = await TrustedContact.select(TrustedContact.id).where(TrustedContact.young_person.is_in(young))
    return [row["id"] for row in rows]


def _person(row: dict) -> TrustedPerson:
    details = details_of(row)
    return TrustedPerson(
        id=row["id"],
        young_person_id=row["young_person"],
        name=details.name,
        phone=details.phone,
        email=details.email,
        state=ContactState(row["state"]),
        language=row["language"],
    )


async def reachable(young_person_id: uuid.UUID) -> list[TrustedPerson]:
    """The young person's people who said yes and are still theirs, in their order."""
    return [_person(row) for row in await rows_of(young_person_id, (ContactState.ACTIVE,))]


async def person(contact_id: uuid.UUID) -> TrustedPerson | None:
    row = await row_of(contact_id)
    return _person(row) if row else None
