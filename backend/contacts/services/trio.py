"""The young person's side: seeing, adding, changing, inviting and removing their
people (the young person chooses; their social worker can help), and the copy of the
agreed plan with the trio as it is now that phones keep offline."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

import msgspec

from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.audit.services import Action
from backend.config import get_settings
from backend.contacts import guards, words
from backend.contacts.rules import clean_details
from backend.contacts.schemas import ContactDetails, ContactOut, ContactState, OfflineCopy
from backend.contacts.services.records import (
    details_of,
    end,
    one_of,
    refresh_plan,
    row_of,
    rows_and_notifications_of,
    rows_of,
)
from backend.contacts.tables import TrustedContact
from backend.db import write_transaction
from backend.errors import Conflict
from backend.i18n import N_
from backend.invites.schemas import InviteOut
from backend.plans import api as plans
from backend.plans.schemas import Part
from backend.push import api as push
from backend.qr import qr_data_url
from backend.sealed import seal_json
from backend.security import digest, new_code
from backend.young_people import api as young_people

MAX_TRIO = 3
TRIO_FULL = N_("You can have up to 3 people. Remove one to add someone new.")
SAID_YES_ALREADY = N_("This person has already said yes.")
FORGOTTEN = N_("This person's details were erased. Add them again as someone new.")


def _out(row: dict, notifications: bool, relation: str | None) -> ContactOut:
    details = details_of(row)
    state = ContactState(row["state"])
    return ContactOut(
        id=row["id"],
        name=details.name,
        how_they_know_me=details.how_they_know_me,
        phone=details.phone,
        email=details.email,
        what_they_will_do=details.what_they_will_do,
        state=state,
        notifications=notifications,
        invite_expires_at=row["invite_expires_at"] if state == ContactState.INVITED else None,
        can=guards.can(relation, state, forgotten=row["forgotten_at"] is not None),
    )


async def _trio(
    young_person_id: uuid.UUID, relation: str | None, with_stepped_down: bool = False
) -> list[ContactOut]:
    states = (*guards.LIVE, ContactState.STEPPED_DOWN) if with_stepped_down else guards.LIVE
    rows, subscribed = await rows_and_notifications_of(young_person_id, states)
    return [_out(row, row["id"] in subscribed, relation) for row in rows]


async def list_for(actor: Actor, young_person_id: uuid.UUID) -> list[ContactOut]:
    relation = await young_people.require(actor, young_person_id, guards.may_see_people, words.SEE)
    people = await visible_trio(relation, young_person_id)
    await audit.record(actor, Action.READ, words.LOOKED, young_person_id)
    return people


async def visible_trio(relation: str | None, young_person_id: uuid.UUID) -> list[ContactOut]:
    """The trio as `relation` may see it: none for a carer the young person keeps them from."""
    if not await plans.may_see_live(relation, young_person_id, Part.TRIO):
        return []
    return await _trio(young_person_id, relation, with_stepped_down=True)


async def offline_copy(
    actor: Actor, young_person_id: uuid.UUID, now: dt.datetime, if_none_match: str | None
) -> tuple[str, bytes | None]:
    """(ETag, body) of the agreed plan and the trio for a phone to keep; body is None when
    the phone's copy is current (a revalidation reads nothing, so it is not audited)."""
    relation = await young_people.require(
        actor, young_person_id, guards.may_keep_plan_copy, words.KEEP_PLAN_COPY
    )
    plan = await plans.offline_copy(relation, young_person_id, now)
    people = await visible_trio(relation, young_person_id)
    body = msgspec.json.encode(OfflineCopy(agreed=plan.agreed, trio=people, review_due_at=plan.review_due_at))
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if if_none_match == etag:
        return etag, None
    await audit.record(actor, Action.READ, words.PLAN_COPY_SAVED, young_person_id)
    return etag, body


async def add(
    actor: Actor, young_person_id: uuid.UUID, details: ContactDetails, now: dt.datetime
) -> ContactOut:
    relation = await young_people.require(actor, young_person_id, guards.may_choose_people, words.ADD)
    clean = clean_details(details)
    contact_id = uuid.uuid4()
    async with write_transaction():
        live = await rows_of(young_person_id)
        if len(live) >= MAX_TRIO:
            raise Conflict(TRIO_FULL)
        await TrustedContact.insert(
            TrustedContact(
                id=contact_id,
                young_person=young_person_id,
                details=seal_json(msgspec.to_builtins(clean)),
                created_by=actor.user_id,
                created_at=now,
                position=len(live),
            )
        )
        await audit.record(actor, Action.CHANGE, words.ADDED, young_person_id, {"name": clean.name}, at=now)
        await refresh_plan(young_person_id, now, actor)
    row = await row_of(contact_id)
    assert row is not None  # inserted just above
    return _out(row, False, relation)


async def update(
    actor: Actor, young_person_id: uuid.UUID, contact_id: uuid.UUID, details: ContactDetails, now: dt.datetime
) -> ContactOut:
    relation = await young_people.require(actor, young_person_id, guards.may_choose_people, words.CHANGE)
    clean = clean_details(details)
    async with write_transaction():
        await one_of(young_person_id, contact_id)
        await TrustedContact.update(details=seal_json(msgspec.to_builtins(clean))).where(
            TrustedContact.id == contact_id
        )
        await audit.record(actor, Action.CHANGE, words.CHANGED, young_person_id, {"name": clean.name}, at=now)
        await refresh_plan(young_person_id, now, actor)
    row = await row_of(contact_id)
    assert row is not None  # one_of() found it above, and contacts are never deleted
    return _out(row, await push.has_any(contact_id=contact_id), relation)


async def remove(actor: Actor, young_person_id: uuid.UUID, contact_id: uuid.UUID, now: dt.datetime) -> None:
    await young_people.require(actor, young_person_id, guards.may_choose_people, words.REMOVE)
    async with write_transaction():
        row = await one_of(young_person_id, contact_id, (*guards.LIVE, ContactState.STEPPED_DOWN))
        await end(contact_id, ContactState.REMOVED, now)
        name = details_of(row).name
        await audit.record(actor, Action.CHANGE, words.REMOVED, young_person_id, {"name": name}, at=now)
        await refresh_plan(young_person_id, now, actor)


def contact_invite_url(code: str) -> str:
    # The code rides in the fragment: browsers never send it to a server or a Referer.
    return f"{get_settings().base_url.rstrip('/')}/#/contact/{code}"


async def invite(
    actor: Actor, young_person_id: uuid.UUID, contact_id: uuid.UUID, now: dt.datetime
) -> InviteOut:
    """A single-use link (and QR code) for the contact's own phone; a new one replaces
    the old."""
    await young_people.require(actor, young_person_id, guards.may_choose_people, words.INVITE)
    code = new_code()
    expires_at = now + dt.timedelta(hours=get_settings().invite_ttl_hours)
    async with write_transaction():
        row = await one_of(young_person_id, contact_id, (*guards.LIVE, ContactState.STEPPED_DOWN))
        if row["forgotten_at"] is not None:
            raise Conflict(FORGOTTEN)
        if not guards.may_invite(row["state"]):
            raise Conflict(SAID_YES_ALREADY)
        if row["state"] == ContactState.STEPPED_DOWN and len(await rows_of(young_person_id)) >= MAX_TRIO:
            raise Conflict(TRIO_FULL)
        await TrustedContact.update(
            state=ContactState.INVITED,
            invite_code_hash=digest(code),
            invite_expires_at=expires_at,
            stepped_down_at=None,
        ).where(TrustedContact.id == contact_id)
        name = details_of(row).name
        await audit.record(actor, Action.CHANGE, words.INVITED, young_person_id, {"name": name}, at=now)
        # Back in the trio, or invited again: where they stand is told to the plan (the
        # plan's copy of who they are names them already, unless they stepped down
        # before the plan kept people who stepped down).
        await refresh_plan(young_person_id, now, actor)
    url = contact_invite_url(code)
    return InviteOut(code=code, url=url, qr_svg=qr_data_url(url), expires_at=expires_at)
