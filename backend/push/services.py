"""Keeping browsers' push subscriptions, for a trusted contact or a user.

One row per browser (per endpoint): the same owner subscribing again keeps the row (new
keys), someone else subscribing that browser replaces it.
The endpoint comes from the browser and the alert worker will send to it, so only a
real push service is kept (see outbound.push_endpoint_problem).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import msgspec

from backend.config import get_settings
from backend.db import write_transaction
from backend.errors import Invalid
from backend.i18n import N_
from backend.outbound import push_endpoint_problem
from backend.push import guards, sql
from backend.push.schemas import SubscriptionIn
from backend.push.tables import PushSubscription
from backend.sealed import seal_json, unseal_json
from backend.security import digest

NOT_A_PUSH_SERVICE = N_("That is not a push service address.")
BAD_KEYS = N_("Those push keys don't look right.")


def _owned_by(contact_id: uuid.UUID | None, user_id: uuid.UUID | None):
    if not guards.one_owner(contact_id, user_id):
        raise ValueError("a subscription belongs to a contact or to a user: give one of them")
    if contact_id is not None:
        return PushSubscription.contact == contact_id
    return PushSubscription.user == user_id


def check_endpoint(endpoint: str, production: bool) -> str:
    if push_endpoint_problem(endpoint, production):
        raise Invalid({"endpoint": NOT_A_PUSH_SERVICE})
    return endpoint


async def store(
    subscription: SubscriptionIn | dict[str, Any],
    now: dt.datetime,
    *,
    contact_id: uuid.UUID | None = None,
    user_id: uuid.UUID | None = None,
) -> None:
    """Keep a browser's push subscription for a contact or a user."""
    _owned_by(contact_id, user_id)
    given = msgspec.to_builtins(subscription) if isinstance(subscription, SubscriptionIn) else subscription
    endpoint = check_endpoint(str(given.get("endpoint", "")), get_settings().production)
    keys = given.get("keys") or {}
    p256dh, auth = str(keys.get("p256dh", "")), str(keys.get("auth", ""))
    if not (20 <= len(p256dh) <= 200 and 8 <= len(auth) <= 100):
        raise Invalid({"keys": BAD_KEYS})
    sealed = seal_json({"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}})
    async with write_transaction():
        owner = (PushSubscription.id, PushSubscription.contact, PushSubscription.user)
        same_browser = PushSubscription.endpoint_hash == digest(endpoint)
        kept = await PushSubscription.select(*owner).where(same_browser).first()
        if kept and guards.owns(kept["contact"], kept["user"], contact_id=contact_id, user_id=user_id):
            # The same browser again (a phone re-subscribes now and then): the same row,
            # so an alert on its way to it still finds it.
            await PushSubscription.update(subscription=sealed).where(PushSubscription.id == kept["id"])
            return
        if kept:
            # Someone else signed in on that browser: it carries only their pushes now.
            await PushSubscription.delete().where(PushSubscription.id == kept["id"])
        await PushSubscription.insert(
            PushSubscription(
                id=uuid.uuid4(),
                contact=contact_id,
                user=user_id,
                endpoint_hash=digest(endpoint),
                subscription=sealed,
                created_at=now,
            )
        )


async def subscriptions_of(
    *, contact_id: uuid.UUID | None = None, user_id: uuid.UUID | None = None
) -> list[uuid.UUID]:
    _owned_by(contact_id, user_id)  # exactly one of them
    if contact_id is not None:
        rows = await sql.OF_CONTACT.rows(contact=contact_id)
    else:
        rows = await sql.OF_USER.rows(user=user_id)
    return [row["id"] for row in rows]


async def has_any(*, contact_id: uuid.UUID | None = None, user_id: uuid.UUID | None = None) -> bool:
    return await PushSubscription.exists().where(_owned_by(contact_id, user_id))


async def contacts_with_any(contact_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these contacts have at least one subscription (one query for a list)."""
    if not contact_ids:
        return set()
    rows = await PushSubscription.select(PushSubscription.contact).where(
        PushSubscription.contact.is_in(contact_ids)
    )
    return {row["contact"] for row in rows}


async def target(subscription_id: uuid.UUID) -> dict[str, Any] | None:
    """`{"endpoint", "keys"}` to send to, or None when the subscription is gone."""
    row = await sql.TARGET.first(id=subscription_id)
    return unseal_json(row["subscription"]) if row else None


async def remove(subscription_id: uuid.UUID) -> None:
    """Forget one subscription (its push service said it is gone)."""
    async with write_transaction():
        await PushSubscription.delete().where(PushSubscription.id == subscription_id)


async def remove_browser(
    endpoint: str, *, contact_id: uuid.UUID | None = None, user_id: uuid.UUID | None = None
) -> None:
    """Forget one browser of a contact or a user, by its endpoint (signing out there)."""
    async with write_transaction():
        await PushSubscription.delete().where(
            _owned_by(contact_id, user_id) & (PushSubscription.endpoint_hash == digest(endpoint))
        )


async def remove_all(*, contact_id: uuid.UUID | None = None, user_id: uuid.UUID | None = None) -> None:
    """Forget every browser of a contact or a user (turned off, or no longer reachable)."""
    async with write_transaction():
        await PushSubscription.delete().where(_owned_by(contact_id, user_id))
