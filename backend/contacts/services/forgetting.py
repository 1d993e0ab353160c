"""Forgetting trusted contacts: their personal details are erased, the row stays.

Used for a contact's "forget me" request and by the retention job (a set number of days
after a contact stepped down or was removed). What stays is a placeholder name, so the
young person's plan, their alerts and "who has looked at my information" still read
sensibly ("a person who stepped down was asked"), and the ids other tables point at.
"""

from __future__ import annotations

import datetime as dt
import uuid

from backend import hooks
from backend.audit import services as audit
from backend.audit.services import Action
from backend.clock import now as clock_now
from backend.contacts import guards, words
from backend.contacts.schemas import ContactDetails, ContactState
from backend.contacts.services.records import tell_plan
from backend.contacts.tables import TrustedContact
from backend.db import write_transaction
from backend.plans import api as plans
from backend.push import api as push
from backend.sealed import forget_unsealed, seal_json

# Kept in place of a forgotten person's name (in English where it is copied; the
# contacts screens show it translated).
FORGOTTEN_NAME = words.FORGOTTEN_NAME


def forgotten_details() -> ContactDetails:
    return ContactDetails(name=FORGOTTEN_NAME)


async def forget_contacts(
    contact_ids: list[uuid.UUID], *, at: dt.datetime | None = None, audited: bool = True
) -> int:
    """Erase these trusted contacts' personal details: name, how they know the young
        person, phone, email, what they would do, their notifications, their invite and
        sign-in links; and the copies of them in plans and alerts. A contact still one of
        the people is ended (stepped down) first. Ids that are unknown or already forgotten
        are skipped. Audited as a count (no names; `audited` False: the caller audits it, as
    the retention job does). Returns how many were forgotten."""
    when = at or clock_now()
    wanted = list(dict.fromkeys(contact_ids))
    if not wanted:
        return 0
    async with write_transaction():
        rows = await TrustedContact.select(
            TrustedContact.id,
            TrustedContact.young_person,
            TrustedContact.state,
            TrustedContact.stepped_down_at,
        ).where(TrustedContact.id.is_in(wanted) & TrustedContact.forgotten_at.is_null())
        if not rows:
            return 0
        sealed = seal_json(forgotten_details())
        forgotten = []
        for row in rows:
            live = row["state"] in guards.LIVE
            # Checked again as it is written: forgotten once, however many ask at once.
            done = (
                await TrustedContact.update(
                    {
                        TrustedContact.details: sealed,
                        TrustedContact.state: ContactState.STEPPED_DOWN if live else row["state"],
                        TrustedContact.stepped_down_at: when if live else row["stepped_down_at"],
                        TrustedContact.invite_code_hash: None,
                        TrustedContact.invite_expires_at: None,
                        TrustedContact.token_hash: None,
                        TrustedContact.csrf_token: None,
                        TrustedContact.forgotten_at: when,
                    }
                )
                .where((TrustedContact.id == row["id"]) & TrustedContact.forgotten_at.is_null())
                .returning(TrustedContact.id)
            )
            if done:
                forgotten.append(row)
                await push.remove_all(contact_id=row["id"])
        rows = forgotten
        if not rows:
            return 0
        ids = [row["id"] for row in rows]
        for young_person_id in dict.fromkeys(row["young_person"] for row in rows):
            mine = [row["id"] for row in rows if row["young_person"] == young_person_id]
            await plans.forget_trio_people(young_person_id, mine, FORGOTTEN_NAME)
            await tell_plan(young_person_id)
        await hooks.emit(hooks.Topic.CONTACTS_FORGOTTEN, hooks.ContactsForgotten(tuple(ids), FORGOTTEN_NAME))
        if audited:
            await audit.record(None, Action.CHANGE, words.FORGOTTEN, params={"contacts": len(ids)}, at=when)
    forget_unsealed()
    return len(ids)


def _due(stepped_down_before: dt.datetime, council_id: uuid.UUID):
    # The young person's council, joined by name (their table is young_people's).
    return (
        TrustedContact.state.is_in([ContactState.STEPPED_DOWN, ContactState.REMOVED])
        & TrustedContact.stepped_down_at.is_not_null()
        & (TrustedContact.stepped_down_at <= stepped_down_before)
        & TrustedContact.forgotten_at.is_null()
        & (getattr(TrustedContact.young_person._, "council") == council_id)  # noqa: B009
    )


async def forgettable(
    council_id: uuid.UUID, stepped_down_before: dt.datetime, *, limit: int
) -> list[uuid.UUID]:
    """Up to `limit` of the council's trusted contacts who stepped down (or were
    removed) at or before `stepped_down_before` and are not forgotten yet."""
    rows = (
        await TrustedContact.select(TrustedContact.id)
        .where(_due(stepped_down_before, council_id))
        .order_by(TrustedContact.stepped_down_at)
        .limit(limit)
    )
    return [row["id"] for row in rows]


async def forgettable_count(council_id: uuid.UUID, stepped_down_before: dt.datetime) -> int:
    return await TrustedContact.count().where(_due(stepped_down_before, council_id))
