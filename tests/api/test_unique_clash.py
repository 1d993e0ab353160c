"""db.breaks_unique: a write refused by a UNIQUE constraint is told apart from other
failures by the error's own fields (PostgreSQL's constraint name, SQLite's extended
error code with the table's unique columns), never by its wording."""

from __future__ import annotations

import uuid

import pytest

from backend.accounts.tables import Council, User
from backend.clock import now
from backend.db import INTEGRITY_ERRORS, breaks_unique, write_transaction


async def _council() -> uuid.UUID:
    council = Council(name=f"Council {uuid.uuid4().hex[:6]}", created_at=now())
    await Council.insert(council)
    return council.id


def _user(council_id, username=None, email=None) -> User:
    return User(
        role="carer",
        display_name="Someone",
        secret_hash="x",
        council=council_id,
        username=username,
        email=email,
        created_at=now(),
    )


async def _refusal(row: User) -> BaseException:
    with pytest.raises(INTEGRITY_ERRORS) as caught:
        async with write_transaction():
            await User.insert(row)
    return caught.value


async def test_a_taken_username_breaks_the_username_constraint_and_no_other():
    council_id = await _council()
    await User.insert(_user(council_id, username="sky"))
    again = _user(council_id, username="sky")
    error = await _refusal(again)
    assert breaks_unique(error, User.username, row=again)
    assert not breaks_unique(error, User.email, row=again)


async def test_a_taken_email_is_not_taken_for_a_taken_username():
    council_id = await _council()
    await User.insert(_user(council_id, email="sky@example.org"))
    again = _user(council_id, email="sky@example.org")
    error = await _refusal(again)
    assert breaks_unique(error, User.email, row=again)
    assert not breaks_unique(error, User.username, row=again)


async def test_a_missing_council_is_not_a_unique_clash():
    orphan = _user(uuid.uuid4(), username="nobody-here")
    error = await _refusal(orphan)
    assert not breaks_unique(error, User.username, row=orphan)
    assert not breaks_unique(error, User.username)


async def test_a_taken_primary_key_is_not_a_unique_clash():
    council_id = await _council()
    first = _user(council_id, username="first")
    await User.insert(first)
    same_id = _user(council_id, username="second")
    same_id.id = first.id
    error = await _refusal(same_id)
    assert not breaks_unique(error, User.username, row=same_id)


async def test_a_retried_alert_key_is_told_apart_by_its_columns():
    """Two retries of one tap racing (PostgreSQL) clash on the alert's idempotency key.
    alerts.services asked with the column's name as a string, which broke_unique could
    not read (AttributeError instead of finding the other retry's alert); the type
    checker caught it, and this checks the call it makes now."""
    from backend.alerts.tables import Alert, AlertTap
    from backend.young_people.tables import YoungPerson

    council_id = await _council()
    at = now()
    young_person = YoungPerson(
        council=council_id, preferred_name="Sky", date_of_birth=at.date(), created_at=at
    )
    await YoungPerson.insert(young_person)
    key = f"{young_person.id}:tap-1"
    await Alert.insert(Alert(young_person=young_person.id, idempotency_key=key, created_at=at))
    with pytest.raises(INTEGRITY_ERRORS) as caught:
        async with write_transaction():
            await Alert.insert(Alert(young_person=young_person.id, idempotency_key=key, created_at=at))
    assert breaks_unique(caught.value, Alert.idempotency_key, AlertTap.idempotency_key)
    assert not breaks_unique(caught.value, User.username)
