"""Everything the alert path reads from other domains, in one place, through their
public APIs: who is at each level, how to reach them (push subscriptions, email),
their language, the young person's record and the caller's tie to it.

Who is asked at the social worker's step depends on the time, by the council's
settings (councils.api): in office hours the young person's own social worker (or,
with none allocated, whoever the rota has on duty then); outside them, first the
out-of-hours worker who knows the young person (when their social worker named one:
known.py), then the out-of-hours worker the council's duty rota names for that moment.
"""

from __future__ import annotations

import datetime as dt
import uuid
from contextlib import AbstractContextManager
from dataclasses import dataclass

from backend.accounts import api as accounts
from backend.accounts.actor import Actor
from backend.alerts.schemas import Level, RecipientRole
from backend.audit.services import Who
from backend.contacts import api as contacts
from backend.councils import api as councils
from backend.i18n import DEFAULT
from backend.notify import api as notify
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
    phone: str = ""


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
            person.name,
            RecipientRole.TRUSTED_CONTACT,
            contact_id=person.id,
            email=person.email or None,
            phone=person.phone,
        )
        for person in await contacts.reachable(young_person_id)
    ]


async def _carers(young_person_id: uuid.UUID) -> list[Reachable]:
    return [
        Reachable(carer.display_name, RecipientRole.CARER, user_id=carer.id, email=carer.email)
        for carer in await young_people.carers(young_person_id)
    ]


async def _on_duty(council_id: uuid.UUID, at: dt.datetime) -> list[Reachable]:
    """Whoever the council's duty rota has on duty at `at` (active social workers of
    the council: councils.api checks)."""
    found = []
    for person in await councils.on_duty(council_id, at):
        account = await accounts.account(person.id)
        if account is not None and account.active:
            found.append(
                Reachable(account.display_name, RecipientRole.DUTY, user_id=account.id, email=account.email)
            )
    return found


async def _social_workers(young_person_id: uuid.UUID) -> list[Reachable]:
    return [
        Reachable(worker.display_name, RecipientRole.SOCIAL_WORKER, user_id=worker.id, email=worker.email)
        for worker in await young_people.social_workers(young_person_id)
        if worker.active
    ]


async def out_of_hours_people(council_id: uuid.UUID | None) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of the council's social workers on its duty rota outside office hours
    (out of hours, always, or a shift), active, once each, in the rota's order: who may
    be named as the out-of-hours worker who knows a young person."""
    if council_id is None:
        return []
    found: dict[uuid.UUID, str] = {}
    for entry in (await councils.settings(council_id)).rota:
        if entry.cover is councils.Cover.OFFICE_HOURS or entry.social_worker_id in found:
            continue
        account = await accounts.account(entry.social_worker_id)
        if account is not None and account.active and account.council_id == council_id:
            found[account.id] = account.display_name
    return list(found.items())


async def known_worker(record: YoungPersonRecord) -> Reachable | None:
    """The out-of-hours worker who knows the young person, while they are still one of
    the council's out-of-hours people (a worker taken off the rota is not asked)."""
    chosen = await plans.known_worker(record.id)
    if chosen is None or chosen[0] not in dict(await out_of_hours_people(record.council_id)):
        return None
    account = await accounts.account(chosen[0])
    assert account is not None, "out_of_hours_people() has just found this account"
    role = RecipientRole.KNOWN_WORKER
    return Reachable(account.display_name, role, user_id=account.id, email=account.email)


async def chosen_known_worker(young_person_id: uuid.UUID) -> tuple[uuid.UUID, dt.datetime] | None:
    """(id, chosen at) of the worker named, whether or not still on the rota."""
    return await plans.known_worker(young_person_id)


async def choose_known_worker(
    young_person_id: uuid.UUID, worker_id: uuid.UUID | None, by: uuid.UUID | None, now: dt.datetime
) -> bool:
    """Kept beside the plan (plans.api): no new version. Whether it changed."""
    return await plans.set_known_worker(young_person_id, worker_id, by, now)


async def social_work_steps(record: YoungPersonRecord, at: dt.datetime) -> list[list[Reachable]]:
    """The social worker's step at `at`, as the groups asked one after another, each
    for the council's minutes: in the council's office hours the young person's own
    social worker (with none allocated, the rota's worker on duty then); outside them
    the out-of-hours worker who knows them, then the rota's worker on duty. Nobody for a
    young person of no council."""
    if record.council_id is None:
        return []
    if await councils.is_working_time(record.council_id, at):
        own = await _social_workers(record.id)
        return [own] if own else [await _on_duty(record.council_id, at)]
    known = await known_worker(record)
    rota = [p for p in await _on_duty(record.council_id, at) if known is None or p.user_id != known.user_id]
    return [group for group in ([known] if known else [], rota) if group]


async def steps_at(level: Level, record: YoungPersonRecord, at: dt.datetime) -> list[list[Reachable]]:
    """Who is alerted at a level at `at`: the groups asked one after another."""
    if level is Level.DUTY:
        return await social_work_steps(record, at)
    persons = await at_level(level, record, at)
    return [persons] if persons else []


def one_view_of_settings() -> AbstractContextManager[None]:
    """`with people.one_view_of_settings():` the council's settings and rota are read
    once for the block (one decision of who is asked next, and how long to wait), not
    once per question; a council's change counts from the next decision."""
    return councils.read_once()


async def escalation_minutes(council_id: uuid.UUID | None, level: Level) -> int:
    """How long the alert waits at `level` for an answer (the council's settings)."""
    return await councils.escalation_minutes(council_id, int(level))


async def is_working_time(council_id: uuid.UUID | None, at: dt.datetime) -> bool:
    return council_id is not None and await councils.is_working_time(council_id, at)


async def at_level(level: Level, record: YoungPersonRecord, at: dt.datetime) -> list[Reachable]:
    """Who is alerted at a level at `at`, in order."""
    if level is Level.PEOPLE:
        return await _trusted_people(record.id)
    if level is Level.CARER:
        return await _carers(record.id)
    if level is Level.DUTY:
        return [person for group in await social_work_steps(record, at) for person in group]
    return []


async def has_notifications(*, contact_id: uuid.UUID | None = None, user_id: uuid.UUID | None = None) -> bool:
    return await push.has_any(contact_id=contact_id, user_id=user_id)


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


async def remove_subscriptions(user_id: uuid.UUID) -> None:
    """Every browser of this account stops getting pushes (they turned alerts off)."""
    await push.remove_all(user_id=user_id)


async def remove_browser(user_id: uuid.UUID, endpoint: str) -> None:
    """One browser of this account stops getting pushes (signed out there)."""
    await push.remove_browser(endpoint, user_id=user_id)


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


async def social_worker_ids(young_person_id: uuid.UUID) -> list[uuid.UUID]:
    """The social workers allocated to the young person now (active accounts)."""
    return [worker.id for worker in await young_people.social_workers(young_person_id) if worker.active]


async def tell(to_user: uuid.UUID, code: str, young_person_id: uuid.UUID, link: str, once_key: str) -> None:
    """A notice (backend.notify), inside the caller's write transaction."""
    await notify.send(
        to_user=to_user, code=code, young_person_id=young_person_id, link=link, once_key=once_key
    )


async def caseload(social_worker_id: uuid.UUID) -> list[uuid.UUID]:
    """The young people allocated to this social worker now."""
    return await young_people.caseload(social_worker_id)


def contact_id(contact: contacts.Contact) -> uuid.UUID:
    return contact.id


def contact_who(contact: contacts.Contact) -> Who:
    """The contact as the audit log names them."""
    return contact.who
