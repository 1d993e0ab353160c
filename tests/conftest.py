"""Test harness: a real database (SQLite or PostgreSQL) and real HTTP through the app.

Choose the database with HOMEWARD_TEST_DATABASE=sqlite (default) or postgres
(HOMEWARD_TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/test, is used
only to create and drop a fresh database for this run). Every test starts from an empty,
migrated database.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import sqlite3
import tempfile
import uuid
from pathlib import Path

import pytest

DATABASE = os.environ.get("HOMEWARD_TEST_DATABASE", "sqlite")
ADMIN_URL = os.environ.get("HOMEWARD_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
# Memory-backed when the machine has it: SQLite syncs every commit, and each test makes
# its own copy of the database.
_SHM = Path("/dev/shm")
WORK = Path(tempfile.mkdtemp(prefix="homeward-tests-", dir=_SHM if _SHM.is_dir() else None))
atexit.register(shutil.rmtree, WORK, ignore_errors=True)  # also when no test used it
PG_NAME = f"homeward_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"

# Settings are read once, at first import of the backend: set them before that.
os.environ["HOMEWARD_DATA_DIR"] = str(WORK / "data")
os.environ["HOMEWARD_BASE_URL"] = "https://homeward.test"
os.environ.pop("HOMEWARD_MODE", None)
if DATABASE == "postgres":
    base = ADMIN_URL.rsplit("/", 1)[0]
    os.environ["HOMEWARD_DATABASE_URL"] = f"{base}/{PG_NAME}"
elif DATABASE == "sqlite":
    os.environ["HOMEWARD_DATABASE_URL"] = f"sqlite:///{WORK / 'template.sqlite3'}"
else:
    raise RuntimeError("HOMEWARD_TEST_DATABASE must be sqlite or postgres")


# One line per request drowns the story a failing test tells.
logging.getLogger("httpx").setLevel(logging.WARNING)


def pytest_report_header(config):
    return f"homeward database: {DATABASE}"


async def _admin_sql(statement: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(ADMIN_URL)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@pytest.fixture(scope="session")
async def database():
    """Create and migrate this run's database; drop it at the end."""
    from backend import clock
    from backend.db import get_engine, start_pool
    from backend.migrate import migrate

    engine = get_engine()
    if DATABASE == "postgres":
        await _admin_sql(f'CREATE DATABASE "{PG_NAME}"')
    await migrate()
    if DATABASE == "sqlite":
        with sqlite3.connect(engine.path) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    else:
        await start_pool(engine, 1, 10)
    template = engine.path if DATABASE == "sqlite" else None
    yield {"engine": engine, "template": template}
    clock.reset()
    if DATABASE == "sqlite":
        await engine.close_pools()
    if DATABASE == "postgres":
        await engine.close_connection_pool()
        await _admin_sql(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
    shutil.rmtree(WORK, ignore_errors=True)


_counter = iter(range(1_000_000))


async def _truncate_postgres(engine) -> None:
    rows = await engine._run_in_new_connection(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migration'"
    )
    names = ", ".join(f'"{row["tablename"]}"' for row in rows)
    # The audit log refuses TRUNCATE with a trigger. Only this harness, on a connection
    # of its own that it then closes, turns triggers off (replica mode, superuser only)
    # to empty it between tests; the app never does.
    connection = await engine.get_new_connection()
    try:
        await connection.execute(f"SET session_replication_role = replica; TRUNCATE {names} CASCADE")
    finally:
        await connection.close()


@pytest.fixture(autouse=True)
async def clean_database(database):
    """Every test gets an empty, migrated database and a clock at the real time."""
    from backend import clock

    engine = database["engine"]
    clock.reset()
    if DATABASE == "sqlite":
        fresh = WORK / f"test_{next(_counter)}.sqlite3"
        shutil.copyfile(database["template"], fresh)
        engine.path = str(fresh)
    else:
        await _truncate_postgres(engine)
    yield
    clock.reset()
    if DATABASE == "sqlite":
        await engine.close_pools()  # this test's file is about to go
        engine.path = database["template"]
        for suffix in ("", "-wal", "-shm"):
            Path(f"{fresh}{suffix}").unlink(missing_ok=True)


@pytest.fixture(scope="session")
def app(database):
    from backend.app import create_app

    return create_app()


@pytest.fixture
async def client_for(app):
    """Make an HTTP client through the real app, as if from a given address."""
    import httpx

    made: list[httpx.AsyncClient] = []

    def make(address: str = "203.0.113.10") -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(address, 50000))
        client = httpx.AsyncClient(transport=transport, base_url="https://homeward.test")
        made.append(client)
        return client

    yield make
    for client in made:
        await client.aclose()


@pytest.fixture
async def world(client_for):
    """Northbrook-like people for a test: see tests/factories.py."""
    from tests.factories import World

    world = World(client_for)
    await world.build()
    return world
