"""db.Sql, the statements hot paths write once: the same rows and Python types as
Piccolo's own queries, values always bound (never part of the text), run inside the
current transaction (so rolled back with it), on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from backend.accounts.tables import Council, User
from backend.clock import now
from backend.db import Sql, write_transaction

USER = Sql(
    """
    SELECT id, role, display_name, username, council, active, created_at, last_sign_in_at
    FROM homeward_user WHERE id = :id
    """
)
RENAME = Sql("UPDATE homeward_user SET display_name = :name WHERE id = :id")
BY_NAME = Sql("SELECT id FROM homeward_user WHERE display_name = :name OR username = :name")


async def _user(name: str = "Sky") -> uuid.UUID:
    council = Council(name=f"Council {uuid.uuid4().hex[:6]}", created_at=now())
    await Council.insert(council)
    user = User(
        role="carer",
        display_name=name,
        secret_hash="x",
        council=council.id,
        username=f"sky{uuid.uuid4().hex[:6]}",
        created_at=now(),
    )
    await User.insert(user)
    return user.id


async def test_rows_and_types_are_those_piccolo_gives():
    user_id = await _user()
    ours = await USER.first(id=user_id)
    piccolo = (
        await User.select(
            User.id,
            User.role,
            User.display_name,
            User.username,
            User.council,
            User.active,
            User.created_at,
            User.last_sign_in_at,
        )
        .where(User.id == user_id)
        .first()
    )
    assert ours == piccolo
    assert ours is not None
    assert isinstance(ours["id"], uuid.UUID) and isinstance(ours["council"], uuid.UUID)
    assert ours["active"] is True and ours["last_sign_in_at"] is None
    assert isinstance(ours["created_at"], dt.datetime) and ours["created_at"].tzinfo is not None


async def test_nothing_found_is_none_and_no_rows():
    assert await USER.first(id=uuid.uuid4()) is None
    assert await USER.rows(id=uuid.uuid4()) == []


async def test_values_are_bound_never_read_as_sql():
    user_id = await _user()
    sly = "O'Brien'); DROP TABLE homeward_user; --"
    async with write_transaction():
        await RENAME.rows(name=sly, id=user_id)
    row = await USER.first(id=user_id)
    assert row is not None and row["display_name"] == sly
    assert [found["id"] for found in await BY_NAME.rows(name=sly)] == [user_id]


async def test_a_write_inside_a_transaction_is_undone_with_it():
    user_id = await _user("Before")
    with pytest.raises(RuntimeError):
        async with write_transaction():
            await RENAME.rows(name="After", id=user_id)
            seen = await USER.first(id=user_id)  # the transaction sees its own write
            assert seen is not None and seen["display_name"] == "After"
            raise RuntimeError("something failed later")
    row = await USER.first(id=user_id)
    assert row is not None and row["display_name"] == "Before"


async def test_a_missing_value_is_refused_before_anything_runs():
    with pytest.raises(TypeError, match="name"):
        await RENAME.rows(id=uuid.uuid4())


def test_statements_that_would_mislead_are_refused_when_written():
    with pytest.raises(ValueError, match="comments"):
        Sql("SELECT 1 -- a comment would swallow the rest once joined onto one line")
    with pytest.raises(ValueError, match="different parameters"):
        Sql("SELECT id FROM delivery WHERE id = :id", postgres="SELECT id FROM delivery WHERE id = :other")


def test_postgres_numbers_each_name_once():
    statement = Sql("SELECT 1 WHERE :a = :b OR :b = :a OR CAST(:a AS TEXT)::text = ''")
    assert statement._postgres == "SELECT 1 WHERE $1 = $2 OR $2 = $1 OR CAST($1 AS TEXT)::text = ''"


FAILS = Sql("SELECT id FROM no_such_table WHERE id = :id")


async def test_a_read_that_fails_leaves_the_next_reads_working():
    # On PostgreSQL reads outside a transaction run on connections of their own
    # (db.HomewardPostgresEngine.read): one a failed statement leaves behind is dropped,
    # not handed to the next request. More failures than there are such connections.
    user_id = await _user("Rowan")
    for _ in range(6):
        with pytest.raises(Exception, match="no_such_table"):
            await FAILS.rows(id=user_id)
        found = await USER.first(id=user_id)
        assert found is not None and found["display_name"] == "Rowan"


async def test_a_read_sees_what_was_just_committed():
    user_id = await _user("Sky")
    assert (await USER.first(id=user_id) or {})["display_name"] == "Sky"
    async with write_transaction():
        await RENAME.rows(name="Skye", id=user_id)
    # Every reader connection, not only the one that read first.
    for _ in range(8):
        assert (await USER.first(id=user_id) or {})["display_name"] == "Skye"
