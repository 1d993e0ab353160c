"""Web Push subscriptions through push.api, the way alerts and contacts use them: kept
per browser for their owner alone, read back as a target, removed when gone."""

import uuid

from backend.clock import now
from backend.push import api as push
from tests.api.alerts_helpers import active_contact

KEYS = {"p256dh": "B" + "x" * 86, "auth": "y" * 22}


def browser(n: int = 1, keys: dict = KEYS) -> dict:
    return {"endpoint": f"https://fcm.googleapis.com/fcm/send/phone-{n}", "keys": keys}


async def lou_id(phone) -> uuid.UUID:
    return uuid.UUID((await phone.get("/api/contact/me")).json()["id"])


async def test_a_subscription_is_read_back_as_a_target_and_removed_when_gone(world):
    lou = await lou_id(await active_contact(world, "Lou"))
    await push.store(browser(1), now(), contact_id=lou)
    await push.store(browser(2), now(), contact_id=lou)
    first, second = await push.subscriptions_of(contact_id=lou)
    assert {(await push.target(s))["endpoint"] for s in (first, second)} == {
        browser(1)["endpoint"],
        browser(2)["endpoint"],
    }
    assert (await push.target(first))["keys"] == KEYS
    await push.remove(first)
    assert await push.target(first) is None
    assert await push.subscriptions_of(contact_id=lou) == [second]
    await push.remove_all(contact_id=lou)
    assert not await push.has_any(contact_id=lou)


async def test_the_same_browser_subscribing_again_keeps_its_subscription(world):
    """A phone re-subscribes now and then: an alert already on its way must still find it."""
    lou = await lou_id(await active_contact(world, "Lou"))
    await push.store(browser(1), now(), contact_id=lou)
    (kept,) = await push.subscriptions_of(contact_id=lou)
    new_keys = {"p256dh": "C" + "z" * 86, "auth": "w" * 22}
    await push.store(browser(1, new_keys), now(), contact_id=lou)
    assert await push.subscriptions_of(contact_id=lou) == [kept]
    assert (await push.target(kept))["keys"] == new_keys


async def test_a_browser_someone_else_subscribes_carries_only_their_pushes(world):
    lou = await lou_id(await active_contact(world, "Lou"))
    await push.store(browser(1), now(), contact_id=lou)
    await push.store(browser(1), now(), user_id=world.priya.user_id)
    assert await push.subscriptions_of(contact_id=lou) == []
    assert len(await push.subscriptions_of(user_id=world.priya.user_id)) == 1
    assert await push.contacts_with_any([lou]) == set()


async def test_a_subscription_needs_exactly_one_owner(world):
    for owners in ({}, {"contact_id": uuid.uuid4(), "user_id": world.priya.user_id}):
        try:
            await push.store(browser(1), now(), **owners)
        except ValueError:
            continue
        raise AssertionError(f"stored with owners {owners}")
    assert await push.subscriptions_of(user_id=world.priya.user_id) == []
