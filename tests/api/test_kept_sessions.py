"""Sessions kept in memory on PostgreSQL (accounts.kept_sessions): a signed-in request
then skips the session's round trip, and still nobody is let in by a session that was
signed out, revoked or expired, or by an account that was stopped: here at once, and
from another process as soon as its commit is heard.

The rest of the API tests run without the listener (their app has no lifespan), so
nothing is kept there; here it runs, and the session rules of test_sessions.py are
played again while sessions are kept."""

from __future__ import annotations

import asyncio
import inspect
import os

import asyncpg
import pytest

from backend.accounts.kept_sessions import KEPT
from backend.security import digest
from tests.api import test_figures_admin, test_sessions
from tests.conftest import DATABASE

pytestmark = pytest.mark.skipif(DATABASE != "postgres", reason="only PostgreSQL keeps sessions")

ME = "/api/auth/me"


async def until(condition, seconds: float = 5.0) -> bool:
    for _ in range(int(seconds / 0.02)):
        if await condition():
            return True
        await asyncio.sleep(0.02)
    return await condition()


@pytest.fixture
async def listening():
    stop = asyncio.Event()
    task = asyncio.create_task(KEPT.keep_listening(os.environ["HOMEWARD_DATABASE_URL"], stop))

    async def up():
        return KEPT.listening

    assert await until(up), "the listener never connected"
    yield
    stop.set()
    await task
    assert not KEPT.listening


async def another_process(statement: str, *args) -> None:
    """A write from elsewhere (a CLI command, another app process): its own connection."""
    connection = await asyncpg.connect(os.environ["HOMEWARD_DATABASE_URL"])
    try:
        await connection.execute(statement, *args)
    finally:
        await connection.close()


async def status(client) -> int:
    return (await client.get(ME)).status_code


async def kept_reads(client, times: int = 3) -> int:
    """How many of `times` reads were answered from a kept session."""
    before = KEPT.hits
    for _ in range(times):
        assert await status(client) == 200
    return KEPT.hits - before


async def test_a_session_is_kept_only_while_listening(world, listening):
    assert await kept_reads(world.jade.client) == 2  # the first looked it up


async def test_an_erasure_here_leaves_no_session_in_memory(world, listening):
    from backend.sealed import forget_unsealed

    assert await kept_reads(world.jade.client) == 2
    assert len(KEPT) == 1
    forget_unsealed()  # what an erasure does once it has committed
    assert len(KEPT) == 0


async def test_nothing_is_kept_without_the_listener(world):
    assert not KEPT.listening
    assert await kept_reads(world.jade.client) == 0


async def test_signing_out_here_holds_for_the_very_next_request(world, listening):
    assert await kept_reads(world.jade.client) == 2
    assert (await world.jade.client.post("/api/auth/logout")).status_code == 204
    from tests.factories import use_token

    use_token(world.jade.client, world.jade.extra["token"])  # a copy of the old cookie
    assert await status(world.jade.client) == 401


async def test_a_session_revoked_by_another_process_is_refused_once_its_commit_is_heard(world, listening):
    assert await kept_reads(world.jade.client) == 2
    await another_process(
        "UPDATE user_session SET revoked_at = now() WHERE id = $1", digest(world.jade.extra["token"])
    )

    async def refused():
        return await status(world.jade.client) == 401

    # Kept rows live 5 s: refused well before that means the notification did it.
    assert await until(refused, seconds=1.0)
    assert await status(world.priya.client) == 200


async def test_an_account_stopped_by_another_process_is_refused_once_its_commit_is_heard(world, listening):
    assert await kept_reads(world.priya.client) == 2
    await another_process("UPDATE homeward_user SET active = false WHERE id = $1", world.priya.user_id)

    async def refused():
        return await status(world.priya.client) == 401

    assert await until(refused, seconds=1.0)


async def test_while_the_listener_is_down_every_request_asks_the_database(world, listening):
    assert await kept_reads(world.jade.client) == 2
    await another_process(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = current_database() AND query LIKE 'LISTEN%'"
    )

    async def down():
        return not KEPT.listening

    assert await until(down)
    await another_process(
        "UPDATE user_session SET revoked_at = now() WHERE id = $1", digest(world.jade.extra["token"])
    )
    assert await status(world.jade.client) == 401  # at once: nothing was kept meanwhile
    assert await kept_reads(world.priya.client) == 0

    async def back():
        return KEPT.listening

    assert await until(back), "the listener did not connect again"
    assert await kept_reads(world.priya.client) == 2


async def test_a_listener_that_cannot_connect_keeps_nothing_and_stops_when_asked(world):
    stop = asyncio.Event()
    task = asyncio.create_task(KEPT.keep_listening("postgresql://postgres@127.0.0.1:1/nothing", stop))
    await asyncio.sleep(0.3)
    assert not KEPT.listening
    assert await kept_reads(world.jade.client) == 0
    stop.set()
    await asyncio.wait_for(task, 10)


def _scenarios(module) -> list:
    return [
        pytest.param(function, id=name)
        for name, function in vars(module).items()
        if name.startswith("test_") and list(inspect.signature(function).parameters) == ["world"]
    ]


STOPPED = test_figures_admin.test_admin_deactivates_priya_her_session_stops_at_once_and_she_cannot_sign_in


@pytest.mark.parametrize("scenario", [*_scenarios(test_sessions), pytest.param(STOPPED, id=STOPPED.__name__)])
async def test_the_session_rules_hold_while_sessions_are_kept(world, listening, scenario):
    await scenario(world)
