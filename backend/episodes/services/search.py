"""The shared checklist of places to look: the carer, the social worker and the young
person's trusted people claim a place ("I'll check the park") and tick it when they
have looked, and each sees the others' claims when their screen next asks (it polls).

A trusted contact has no account: their own sign-in (contacts.api.Contact) ties them to
one young person, and they see the places only, only while an episode is open and the
young person shares their places with their people.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from piccolo.columns import Column

from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.audit.services import Action, Who, who
from backend.clock import as_utc
from backend.contacts import api as contacts
from backend.contacts.api import Contact
from backend.db import write_transaction
from backend.episodes import guards, words
from backend.episodes.schemas import ContactSearch, PlaceOut, TickIn
from backend.episodes.services.records import add_event, episode_for, open_row, row_of
from backend.episodes.services.view import place_out, places
from backend.episodes.tables import SearchPlace
from backend.errors import Conflict, NotFound
from backend.plans import api as plans
from backend.plans.schemas import Audience, Part
from backend.sealed import seal, unseal_json
from backend.young_people import api as young_people


async def _for_account(
    actor: Actor, episode_id: uuid.UUID, attempt: str = words.TRY_CHANGE
) -> dict[str, Any]:
    row, relation = await episode_for(actor, episode_id, guards.may_read, attempt)
    if not await plans.may_see_live(relation, row["young_person"], Part.PLACES):
        raise NotFound(words.PLACE_NOT_FOUND)
    return row


async def _contact_may_search(contact: Contact, episode_id: uuid.UUID) -> dict[str, Any] | None:
    """The episode, if it is one of the contact's own young person's and they share their
    places with their people; None once it is over (their screen may still be asking: it
    is not a refusal). Anything else is refused as an episode that does not exist."""
    row = await row_of(episode_id)
    if row is not None and row["young_person"] == contact.young_person_id:
        if not guards.is_open(row["state"]):
            return None
        if guards.contact_may_search(await _shared_with_contacts(contact.young_person_id), row["state"]):
            return row
    await contacts.refuse(contact, words.TRY_OPEN, row["young_person"] if row else None)
    raise NotFound(words.NOT_FOUND)


async def _shared_with_contacts(young_person_id: uuid.UUID) -> bool:
    sharing = await plans.sharing(young_person_id)
    return Audience.TRUSTED_CONTACTS in sharing.places


async def list_places(actor: Actor, episode_id: uuid.UUID) -> list[PlaceOut]:
    """The checklist alone, for the screen to poll every few seconds. Not audited again:
    opening the episode recorded the read, and a poll would write hundreds an hour."""
    await _for_account(actor, episode_id, words.TRY_OPEN)
    return await places(episode_id, actor.user_id)


async def contact_search(contact: Contact) -> list[ContactSearch]:
    """The open episode of the contact's young person, as a checklist (none when
    nobody is missing or the young person keeps their places from their people)."""
    row = await open_row(contact.young_person_id)
    if row is None or not await _shared_with_contacts(contact.young_person_id):
        return []
    record = await young_people.record(contact.young_person_id)
    await audit.record(contact.who, Action.READ, words.SEARCH_OPENED, contact.young_person_id)
    return [
        ContactSearch(
            id=row["id"],
            young_person_name=record.preferred_name if record else "",
            started_at=as_utc(row["started_at"]),
            places=await places(row["id"], contact.id),
        )
    ]


async def contact_places(contact: Contact, episode_id: uuid.UUID) -> list[PlaceOut]:
    """The contact's poll (their page's first read, contact_search, is audited); empty
    once the episode is over."""
    if await _contact_may_search(contact, episode_id) is None:
        return []
    return await places(episode_id, contact.id)


# -- claim, let go, tick ------------------------------------------------------------------------

# Column values for SearchPlace.update (Piccolo's own type for them).
Values = dict[Column | str, Any]
Change = Callable[[Who, dict[str, Any], bool, dt.datetime], tuple[Values, str]]


def _holder(row: dict[str, Any]) -> uuid.UUID | None:
    return row["claimed_by_user"] or row["claimed_by_contact"]


def _claiming(person: Who, row: dict[str, Any], is_contact: bool, now: dt.datetime) -> tuple[Values, str]:
    if _holder(row) not in (None, person.id):
        raise Conflict(words.ALREADY_CLAIMED)
    return {
        "claimed_by_user": None if is_contact else person.id,
        "claimed_by_contact": person.id if is_contact else None,
        "claimed_by_name": seal(person.name[:120]),
        "claimed_at": now,
    }, words.PLACE_CLAIMED


def _letting_go(person: Who, row: dict[str, Any], _is_contact: bool, _now: dt.datetime) -> tuple[Values, str]:
    if _holder(row) not in (None, person.id):
        raise Conflict(words.ALREADY_CLAIMED)
    values: Values = {
        "claimed_by_user": None,
        "claimed_by_contact": None,
        "claimed_by_name": None,
        "claimed_at": None,
    }
    return values, words.PLACE_UNCLAIMED


def _ticking(data: TickIn) -> Change:
    def change(person: Who, _row: dict[str, Any], _is_contact: bool, now: dt.datetime) -> tuple[Values, str]:
        if not data.checked:
            return {"checked_at": None, "checked_by_name": None, "note": None}, words.PLACE_UNCHECKED
        note = seal(data.note) if data.note else None
        return {
            "checked_at": now,
            "checked_by_name": seal(person.name[:120]),
            "note": note,
        }, words.PLACE_CHECKED

    return change


async def claim(
    by: Actor | Contact, episode_id: uuid.UUID, place_id: uuid.UUID, now: dt.datetime
) -> PlaceOut:
    """Say "I'll check this place". Someone else's claim is not taken over."""
    return await _change(by, episode_id, place_id, now, _claiming)


async def unclaim(
    by: Actor | Contact, episode_id: uuid.UUID, place_id: uuid.UUID, now: dt.datetime
) -> PlaceOut:
    """Let go of a place they said they would check (only their own claim)."""
    return await _change(by, episode_id, place_id, now, _letting_go)


async def tick(
    by: Actor | Contact, episode_id: uuid.UUID, place_id: uuid.UUID, data: TickIn, now: dt.datetime
) -> PlaceOut:
    """Looked there, with what they found (or, unticked, it needs looking at again)."""
    return await _change(by, episode_id, place_id, now, _ticking(data))


async def _change(
    by: Actor | Contact, episode_id: uuid.UUID, place_id: uuid.UUID, now: dt.datetime, how: Change
) -> PlaceOut:
    is_contact = isinstance(by, Contact)
    if isinstance(by, Contact):
        episode = await _contact_may_search(by, episode_id)
        person = by.who
    else:
        episode = await _for_account(by, episode_id)
        person = who(by)
    if episode is None or not guards.is_open(episode["state"]):
        raise Conflict(words.SEARCH_OVER)
    async with write_transaction():
        await young_people.hold(episode["young_person"])
        row = (
            await SearchPlace.select()
            .where((SearchPlace.id == place_id) & (SearchPlace.episode == episode_id))
            .first()
        )
        if row is None:
            raise NotFound(words.PLACE_NOT_FOUND)
        values, code = how(person, row, is_contact, now)
        await SearchPlace.update({**values, "updated_at": now}).where(SearchPlace.id == place_id)
        params = {"place": unseal_json(row["place"]).get("name", "")}
        await add_event(episode_id, code, person, now, params)
        await audit.record(person, Action.CHANGE, code, episode["young_person"], params, now)
        changed = await SearchPlace.select().where(SearchPlace.id == place_id).first()
    assert changed is not None, "the place was read and changed in this same transaction"
    return place_out(changed, person.id)
