"""SQLite's writer connection: every write transaction of an event loop runs on one
connection kept open, and whatever goes wrong (BEGIN refused, COMMIT refused, the
connection closed under it, a cancelled request) leaves no transaction open, no lock
held and no thread behind, and the next write works."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from backend.db import HomewardSQLiteEngine, checkpointing, engine_from_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def engine(tmp_path):
    engine = engine_from_url(f"sqlite:///{tmp_path / 'writer.sqlite3'}")
    assert isinstance(engine, HomewardSQLiteEngine)
    await engine.run_ddl("PRAGMA journal_mode = WAL")
    await engine.run_ddl("CREATE TABLE note (id INTEGER PRIMARY KEY, words TEXT NOT NULL)")
    # A foreign key checked at COMMIT: the one way to have SQLite refuse a COMMIT.
    await engine.run_ddl(
        "CREATE TABLE line (note INTEGER REFERENCES note (id) DEFERRABLE INITIALLY DEFERRED)"
    )
    yield engine
    await engine.close_pools()


async def _write(engine: HomewardSQLiteEngine, words: str) -> None:
    async with engine.writer_transaction():
        await engine.run_ddl(f"INSERT INTO note (words) VALUES ('{words}')")


async def _notes(engine: HomewardSQLiteEngine) -> list[str]:
    return [row["words"] for row in await engine.run_ddl("SELECT words FROM note ORDER BY id")]


def _lock_is_free(path: str) -> bool:
    """Another process's writer could start now."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        other.close()


def _sqlite_threads() -> int:
    """aiosqlite's threads: one per open connection."""
    return sum("_connection_worker_thread" in thread.name for thread in threading.enumerate())


async def test_many_writes_share_one_connection_and_leave_no_thread(tmp_path):
    before = _sqlite_threads()
    engine = engine_from_url(f"sqlite:///{tmp_path / 'threads.sqlite3'}")
    assert isinstance(engine, HomewardSQLiteEngine)
    async with engine.writer_transaction():
        await engine.run_ddl("CREATE TABLE note (id INTEGER PRIMARY KEY, words TEXT NOT NULL)")
    for index in range(20):
        await _write(engine, f"note {index}")
    assert _sqlite_threads() == before + 1  # the writer, open for the next write
    assert await _notes(engine) == [f"note {index}" for index in range(20)]
    await engine.close_pools()
    await asyncio.sleep(0.05)  # aiosqlite's threads end just after close() returns
    assert _sqlite_threads() == before


async def test_a_failed_write_is_rolled_back_and_the_connection_kept(engine):
    await _write(engine, "kept")
    with pytest.raises(RuntimeError):
        async with engine.writer_transaction():
            await engine.run_ddl("INSERT INTO note (words) VALUES ('undone')")
            raise RuntimeError("something failed later")
    assert await _notes(engine) == ["kept"]
    assert _lock_is_free(engine.path)
    await _write(engine, "after")
    assert await _notes(engine) == ["kept", "after"]


async def test_a_refused_begin_leaves_nothing_open(tmp_path):
    path = str(tmp_path / "busy.sqlite3")
    # A short busy timeout (no _PragmaConnection, which waits 5 s), so BEGIN gives up
    # quickly while another process writes.
    engine = HomewardSQLiteEngine(path=path, timeout=0.05)
    await engine.run_ddl("CREATE TABLE note (id INTEGER PRIMARY KEY, words TEXT NOT NULL)")
    before = _sqlite_threads()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA busy_timeout = 0")
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            await _write(engine, "refused")
        await asyncio.sleep(0.05)
        assert _sqlite_threads() == before  # its connection was closed
    finally:
        other.execute("ROLLBACK")
        other.close()
    try:
        await _write(engine, "later")
        assert await _notes(engine) == ["later"]
    finally:
        await engine.close_pools()


async def test_a_refused_commit_leaves_nothing_open(engine):
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        async with engine.writer_transaction():
            await engine.run_ddl("INSERT INTO note (words) VALUES ('with a broken line')")
            await engine.run_ddl("INSERT INTO line VALUES (999)")
    assert _lock_is_free(engine.path)
    assert await _notes(engine) == []
    await _write(engine, "next")
    assert await _notes(engine) == ["next"]


async def test_a_closed_connection_is_replaced(engine):
    await _write(engine, "first")
    async with engine.writer_transaction() as transaction:
        connection = transaction.connection
    await connection.close()  # as if its thread had died
    await _write(engine, "second")
    assert await _notes(engine) == ["first", "second"]


async def test_a_write_cancelled_half_way_is_undone(engine):
    started = asyncio.Event()

    async def slow() -> None:
        async with engine.writer_transaction():
            await engine.run_ddl("INSERT INTO note (words) VALUES ('cancelled')")
            started.set()
            await asyncio.sleep(10)

    task = asyncio.create_task(slow())
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await _write(engine, "next")
    assert await _notes(engine) == ["next"]
    assert _lock_is_free(engine.path)


def test_the_process_exits_with_a_writer_left_open(tmp_path):
    """A command that never closes its pools (it crashed) still ends."""
    script = textwrap.dedent(
        f"""
        import asyncio
        from backend.db import engine_from_url

        async def main():
            engine = engine_from_url("sqlite:///{tmp_path / "exit.sqlite3"}")
            async with engine.writer_transaction():
                await engine.run_ddl("CREATE TABLE note (words TEXT)")
            print("written")

        asyncio.run(main())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "written"


async def test_a_refused_statement_undoes_the_whole_transaction(engine):
    with pytest.raises(sqlite3.IntegrityError):
        async with engine.writer_transaction():
            await engine.run_ddl("INSERT INTO note (words) VALUES ('first')")
            assert not _lock_is_free(engine.path)  # the writer holds SQLite's lock
            await engine.run_ddl("INSERT INTO note (words) VALUES (NULL)")
    assert await _notes(engine) == []
    assert _lock_is_free(engine.path)


async def test_a_savepoint_undoes_only_what_came_after_it(engine):
    async with engine.writer_transaction() as transaction:
        await engine.run_ddl("INSERT INTO note (words) VALUES ('kept')")
        savepoint = await transaction.savepoint()
        await engine.run_ddl("INSERT INTO note (words) VALUES ('undone')")
        await savepoint.rollback_to()
    assert await _notes(engine) == ["kept"]


async def _autocheckpoint(engine: HomewardSQLiteEngine) -> int:
    """The writer connection's wal_autocheckpoint (opened afresh)."""
    await engine.close_pools()
    writer = await engine.writer()
    async with writer.threaded.execute("PRAGMA wal_autocheckpoint") as cursor:
        row = await cursor.fetchone()
    return row["wal_autocheckpoint"]


async def test_while_the_app_checkpoints_no_commit_does_and_the_log_reaches_the_database(engine):
    """A commit that crosses SQLite's 1,000 pages copies the whole log back into the
    database and fsyncs it, and every writer waits: while `checkpointing` runs, this
    process's connections leave that to it, and it does it in the background."""
    assert await _autocheckpoint(engine) == 1000
    path = Path(engine.path)
    before = path.stat().st_size
    stop = asyncio.Event()
    task = asyncio.create_task(checkpointing(stop, every=0.05, engine=engine))
    await asyncio.sleep(0.01)
    try:
        assert await _autocheckpoint(engine) == 0
        # About 3,000 pages written, in 300 commits.
        for n in range(300):
            await _write(engine, f"{n:04d}" + "x" * 40_000)
        deadline = asyncio.get_running_loop().time() + 5
        while path.stat().st_size < before + 300 * 40_000:
            assert asyncio.get_running_loop().time() < deadline, "the log never reached the database"
            await asyncio.sleep(0.05)
    finally:
        stop.set()
        await asyncio.wait_for(task, 5)
    # Stopped: connections opened from now on checkpoint as SQLite does by default.
    assert await _autocheckpoint(engine) == 1000
    assert len(await _notes(engine)) == 300
