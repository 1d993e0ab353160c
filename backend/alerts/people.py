"""Everything the alert path reads from other domains, in one place.

Who is at each level, how to reach them (push subscriptions, email), their language,
the young person's record and the caller's tie to it. Each function is written against
what exists today; each says which public API it becomes, so moving
to `contacts.api`, `push.api`, `accounts.api`, `young_people.api` and `plans.api` is a
change of this module only.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from backend.accounts.actor import Actor
from backend.accounts.tables import User
from backend.alerts.schemas import Level, RecipientRole
from backend.alerts.tables import EscalationSettings
from backend.audit.services import Who
from backend.contacts import services as contacts
from backend.contacts.tables import PushSubscription, TrustedContact
from backend.i18n import DEFAULT
from backend.plans import services as plans
from backend.security import decrypt
from backend.young_people import services as young_people
from backend.young_people.tables import Placement, YoungPerson


@dataclass(frozen=True)
class YoungPersonRecord:
    id: uuid.UUID
    council_id: uuid.UUID | None
    preferred_name: str
    user_id: uuid.UUID | None


@dataclass(frozen=True)
class Reachable:
    """Someone an alert may be sent to."""

    name: str
    role: RecipientRole
    contact_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None
    email: str | None = None


async def young_person(young_person_id: uuid.UUID) -> YoungPersonRecord | None:
    """-> young_people.api.record(id)"""
    row = (
        await YoungPerson.select(
            YoungPerson.id, YoungPerson.council, YoungPerson.preferred_name, YoungPerson.user
        )
        .where(YoungPerson.id == young_person_id)
        .first()
    )
    if row is None:
        return None
    return YoungPersonRecord(row["id"], row["council"], row["preferred_name"], row["user"])


async def _trusted_people(young_person_id: uuid.UUID) -> list[Reachable]:
    """-> contacts.api.reachable(young_person_id)"""
    rows = (
        await TrustedContact.select(TrustedContact.id, TrustedContact.details)
        .where((TrustedContact.young_person == young_person_id) & (TrustedContact.state == "active"))
        .order_by(TrustedContact.position)
    )
    people = []
    for row in rows:
        details = json.loads(decrypt(row["details"]))
        people.append(
            Reachable(
                details["name"],
                RecipientRole.TRUSTED_CONTACT,
                contact_id=row["id"],
                email=details.get("email") or None,
            )
        )
    return people


async def _carers(young_person_id: uuid.UUID) -> list[Reachable]:
    """-> young_people.api.carers(id) (accounts.api.Account: display_name, email)"""
    rows = await Placement.select(Placement.carer, Placement.carer.display_name, Placement.carer.email).where(
        (Placement.young_person == young_person_id) & (Placement.active == True)  # noqa: E712
    )
    return [
        Reachable(r["carer.display_name"], RecipientRole.CARER, user_id=r["carer"], email=r["carer.email"])
        for r in rows
    ]


async def _duty(council_id: uuid.UUID | None) -> list[Reachable]:
    """The council's duty worker is our own setting; their account -> accounts.api.account(id)."""
    row = (
        await EscalationSettings.select(EscalationSettings.duty_user)
        .where(EscalationSettings.council == council_id)
        .first()
    )
    if not row or not row["duty_user"]:
        return []
    account = (
        await User.select(User.display_name, User.email, User.active)
        .where(User.id == row["duty_user"])
        .first()
    )
    if not account or not account["active"]:
        return []
    return [
        Reachable(
            account["display_name"], RecipientRole.DUTY, user_id=row["duty_user"], email=account["email"]
        )
    ]


async def at_level(level: Level, record: YoungPersonRecord) -> list[Reachable]:
    """Who is alerted at a level, in order."""
    if level is Level.PEOPLE:
        return await _trusted_people(record.id)
    if level is Level.CARER:
        return await _carers(record.id)
    if level is Level.DUTY:
        return await _duty(record.council_id)
    return []


async def subscriptions_of(
    *, contact_id: uuid.UUID | None = None, user_id: uuid.UUID | None = None
) -> list[uuid.UUID]:
    """-> push.api.subscriptions_of(contact_id=..., user_id=...)"""
    owner = (PushSubscription.contact == contact_id) if contact_id else (PushSubscription.user == user_id)
    return [row["id"] for row in await PushSubscription.select(PushSubscription.id).where(owner)]


async def targets(subscription_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict]:
    """{"endpoint", "keys"} of each subscription that still exists.
    -> push.api.target(id) for each (push.api has no batch form yet)."""
    if not subscription_ids:
        return {}
    rows = await PushSubscription.select(PushSubscription.id, PushSubscription.subscription).where(
        PushSubscription.id.is_in(subscription_ids)
    )
    return {row["id"]: json.loads(decrypt(row["subscription"])) for row in rows}


async def remove_subscription(subscription_id: uuid.UUID) -> None:
    """The push service said it is gone. -> push.api.remove(id)"""
    await PushSubscription.delete().where(PushSubscription.id == subscription_id)


async def store_subscription(subscription: dict, now, user_id: uuid.UUID) -> None:
    """-> push.api.store(subscription, now, user_id=...)"""
    await contacts.store_subscription(subscription, now, user_id=user_id)


async def email_of(*, contact_id: uuid.UUID | None, user_id: uuid.UUID | None) -> str | None:
    """-> contacts.api.person(id).email / accounts.api.account(id).email"""
    if contact_id:
        row = (
            await TrustedContact.select(TrustedContact.details).where(TrustedContact.id == contact_id).first()
        )
        return (json.loads(decrypt(row["details"])).get("email") or None) if row else None
    if user_id:
        row = await User.select(User.email).where(User.id == user_id).first()
        return row["email"] if row else None
    return None


async def language_of(*, contact_id: uuid.UUID | None, user_id: uuid.UUID | None) -> str:
    """The language a recipient reads. Users and trusted contacts get a `language` with
    the accounts and contacts changes (accounts.api.Account / contacts.api.TrustedPerson);
    until then, English."""
    return DEFAULT


async def phone_of(young_person_id: uuid.UUID) -> str:
    """The agreed plan's phone number. -> plans.api.phone_of(id)"""
    agreed = await plans.agreed_content(young_person_id)
    about = (agreed[1].get("about_me") if agreed else None) or {}
    return about.get("phone", "") or ""


async def relation_of(actor: Actor, young_person_id: uuid.UUID) -> str | None:
    """-> young_people.api.relation_of(actor, id)"""
    return await young_people.relation_of(actor, young_person_id)


async def require(actor: Actor, young_person_id: uuid.UUID, guard, attempt: str, old_words: str) -> str:
    """-> young_people.api.require(actor, id, guard, attempt) with `attempt` a code;
    today's require still takes the old "tried to ..." words, so those are passed."""
    return await young_people.require(actor, young_person_id, guard, old_words)


async def hold(young_person_id: uuid.UUID) -> None:
    """Inside a write transaction: one tap at a time per young person.
    -> young_people.api.hold(id) (not in the listed API yet: to be added)."""
    await young_people.hold(young_person_id)


async def placed_with(carer_id: uuid.UUID) -> list[uuid.UUID]:
    """-> young_people.api.placed_with(carer_id)"""
    return [row["young_person"] for row in await young_people.placed_with(carer_id)]


# -- the signed-in trusted contact (today a row of contacts' table; -> contacts.api.Contact)


def contact_id(contact) -> uuid.UUID:
    return contact["id"]


def contact_who(contact) -> Who:
    """The contact as the audit log names them. -> Who(contact.id, contact.name, ...)"""
    name = json.loads(decrypt(contact["details"]))["name"]
    return Who(contact["id"], name, "trusted_contact")
