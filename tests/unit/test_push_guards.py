"""A push subscription is its owner's alone: the owner, someone close to them (another
of the young person's people, or their carer) and an outsider."""

from __future__ import annotations

import uuid

from backend.push import guards

LOU, DAN = uuid.uuid4(), uuid.uuid4()  # two trusted contacts of the same young person
PRIYA, STRANGER = uuid.uuid4(), uuid.uuid4()  # the carer, and an account tied to nobody


def test_a_contacts_subscription_is_theirs_alone():
    assert guards.owns(LOU, None, contact_id=LOU)
    assert not guards.owns(LOU, None, contact_id=DAN)
    assert not guards.owns(LOU, None, user_id=PRIYA)
    assert not guards.owns(LOU, None, user_id=STRANGER)


def test_an_accounts_subscription_is_theirs_alone():
    assert guards.owns(None, PRIYA, user_id=PRIYA)
    assert not guards.owns(None, PRIYA, user_id=STRANGER)
    assert not guards.owns(None, PRIYA, contact_id=LOU)


def test_a_subscription_has_exactly_one_owner():
    assert guards.one_owner(LOU, None) and guards.one_owner(None, PRIYA)
    assert not guards.one_owner(None, None) and not guards.one_owner(LOU, PRIYA)
    assert not guards.owns(LOU, None, contact_id=LOU, user_id=PRIYA)
    assert not guards.owns(LOU, None)
