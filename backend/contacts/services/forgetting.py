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
from backend.sealed import seal_json

# Kept in place of a forgotten person's name (in English where it is copied; the
# contacts screens show it translated).
FORGOTTEN_NAME = words.FORGOTTEN_NAME


def forgotten_details() -> ContactDetails:
    return ContactDetails(name=FORGOTTEN_NAME)


async def forget_contacts(contact_ids: list[uuid.UUID], *, at: dt.datetime | None = None) -> int:
    """Erase these trusted contacts' personal details: name, how they know the young
    person, phone, email, what they would do, their notifications, their invite and
    sign-in links; and the copies of them in plans and alerts. A contact still one of
    the people is ended (stepped down) first. Ids that are unknown or already forgotten
    are skipped. Audited as a count (no names). Returns how many were forgotten."""
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
        for row in rows:
            live = row["state"] in guards.LIVE
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
            ).where(TrustedContact.id == row["id"])
            await push.remove_all(contact_id=row["id"])
        ids = [row["id"] for row in rows]
        for young_person_id in dict.fromkeys(row["young_person"] for row in rows):
            mine = [row["id"] for row in rows if row["young_person"] == young_person_id]
            await plans.forget_trio_people(young_person_id, mine, FORGOTTEN_NAME)
            await tell_plan(young_person_id)
        await hooks.emit(hooks.Topic.CONTACTS_FORGOTTEN, hooks.ContactsForgotten(tuple(ids), FORGOTTEN_NAME))
        await audit.record(None, Action.CHANGE, words.FORGOTTEN, params={"contacts": len(ids)}, at=when)
    return len(ids)
