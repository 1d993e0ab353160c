"""Everything the alert path reads from other domains, in one place, through their
public APIs: who is at each level, how to reach them (push subscriptions, email),
their language, the young person's record and the caller's tie to it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from backend.accounts import api as accounts
from backend.accounts.actor import Actor
from backend.alerts.schemas import Level, RecipientRole
from backend.alerts.tables import EscalationSettings
from backend.audit.services import Who
from backend.contacts import api as contacts
from backend.i18n import DEFAULT
from backend.plans import api as plans
from backend.push import api as push
from backend.young_people import api as young_people


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
    found = await young_people.record(young_person_id)
    if found is None:
        return None
    return YoungPersonRecord(found.id, found.council_id, found.preferred_name, found.user_id)


async def alerted(young_person_id: uuid.UUID) -> YoungPersonRecord:
    """The young person an alert is about: always there, as the alert's foreign key keeps
    their record."""
    found = await young_person(young_person_id)
    assert found is not None, "an alert's young person is kept by its foreign key"
    return found


async def _trusted_people(young_person_id: uuid.UUID) -> list[Reachable]:
    return [
        Reachable(
            person.name, RecipientRole.TRUSTED_CONTACT, contact_id=person.id, email=person.email or None
        )
        for person in await contacts.reachable(young_person_id)
    ]


async def _carers(young_person_id: uuid.UUID) -> list[Reachable]:
    return [
        Reachable(carer.display_name, RecipientRole.CARER, user_id=carer.id, email=carer.email)
        for carer in await young_people.carers(young_person_id)
    ]


async def _duty(council_id: uuid.UUID | None) -> list[Reachable]:
    """The council's duty worker (alerts' own setting), if their account is active."""
    row = (
        await EscalationSettings.select(EscalationSettings.duty_user)
        .where(EscalationSettings.council == council_id)
        .first()
    )
    if not row or not row["duty_user"]:
        return []
    account = await accounts.account(row["duty_user"])
    if account is None or not account.active:
        return []
    return [Reachable(account.display_name, RecipientRole.DUTY, user_id=account.id, email=account.email)]


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
    return await push.subscriptions_of(contact_id=contact_id, user_id=user_id)


async def targets(subscription_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict]:
    """{"endpoint", "keys"} of each subscription that still exists."""
    found = {}
    for subscription_id in subscription_ids:
        target = await push.target(subscription_id)
        if target is not None:
            found[subscription_id] = target
    return found


async def remove_subscription(subscription_id: uuid.UUID) -> None:
    """The push service said it is gone."""
    await push.remove(subscription_id)


async def store_subscription(subscription: dict, now, user_id: uuid.UUID) -> None:
    await push.store(subscription, now, user_id=user_id)


async def email_of(*, contact_id: uuid.UUID | None, user_id: uuid.UUID | None) -> str | None:
    if contact_id:
        person = await contacts.person(contact_id)
        return (person.email or None) if person else None
    if user_id:
        account = await accounts.account(user_id)
        return account.email if account else None
    return None


async def language_of(*, contact_id: uuid.UUID | None, user_id: uuid.UUID | None) -> str:
    """The language a recipient reads."""
    if contact_id:
        person = await contacts.person(contact_id)
        return person.language if person else DEFAULT
    if user_id:
        account = await accounts.account(user_id)
        return account.language if account else DEFAULT
    return DEFAULT


async def phone_of(young_person_id: uuid.UUID) -> str:
    """The agreed plan's phone number."""
    return await plans.phone_of(young_person_id)


async def relation_of(actor: Actor, young_person_id: uuid.UUID) -> str | None:
    return await young_people.relation_of(actor, young_person_id)


async def require(actor: Actor, young_person_id: uuid.UUID, guard, attempt: str) -> str:
    return await young_people.require(actor, young_person_id, guard, attempt)


async def hold(young_person_id: uuid.UUID) -> None:
    """Inside a write transaction: one tap at a time per young person."""
    await young_people.hold(young_person_id)


async def placed_with(carer_id: uuid.UUID) -> list[uuid.UUID]:
    return await young_people.placed_with(carer_id)


def contact_id(contact: contacts.Contact) -> uuid.UUID:
    return contact.id


def contact_who(contact: contacts.Contact) -> Who:
    """The contact as the audit log names them."""
    return contact.who
