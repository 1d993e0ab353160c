"""Database engines and the one helper every write goes through."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlparse

import aiosqlite
import asyncpg
from asyncpg.exceptions import IntegrityConstraintViolationError, UniqueViolationError
from piccolo.columns import Column
from piccolo.engine.base import Engine
from piccolo.engine.finder import engine_finder
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine, SQLiteTransaction, TransactionType, dict_factory
from piccolo.table import Table

from backend.config import private_folder

BUSY_TIMEOUT_MS = 5000
CHECKPOINT_EVERY_SECONDS = 1.0

log = logging.getLogger("homeward.db")

# True while this process runs `checkpointing()`: its new SQLite connections then leave
# copying the write-ahead log back into the database to that task.
_checkpointing = False


def _slots(pools: dict[Any, asyncio.Queue], key: Any, size: int) -> asyncio.Queue:
    """The queue of `size` connection slots kept under `key` (made on first use; a slot
    holds None until its connection is opened)."""
    slots = pools.get(key)
    if slots is None:
        slots = pools[key] = asyncio.Queue()
        for _ in range(size):
            slots.put_nowait(None)
    return slots


class _PragmaConnection(sqlite3.Connection):
    """Every connection Piccolo opens gets the same safety settings.

    Piccolo opens a connection per query, so a connection factory is the only place
    that reaches them all.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.execute("PRAGMA synchronous = FULL")
        self.execute("PRAGMA foreign_keys = ON")
        if _checkpointing:
            self.execute("PRAGMA wal_autocheckpoint = 0")


class _ClosingSQLiteTransaction(SQLiteTransaction):
    """Piccolo leaves the connection open when BEGIN itself fails (the process then
    hangs at exit); close it before passing the error on."""

    async def begin(self):
        try:
            await super().begin()
        except BaseException:
            await self.connection.close()
            raise


class _Ran:
    """A statement's result as aiosqlite's cursor gives it (its rows already fetched)."""

    __slots__ = ("_rows", "description", "lastrowid", "rowcount")

    def __init__(self, rows: list[Any], description: Any, lastrowid: int | None, rowcount: int) -> None:
        self._rows, self.description = rows, description
        self.lastrowid, self.rowcount = lastrowid, rowcount

    async def fetchall(self) -> list[Any]:
        return self._rows

    async def fetchone(self) -> Any:
        return self._rows[0] if self._rows else None

    async def close(self) -> None:
        """Nothing to close: the SQLite cursor was closed once its rows were read."""

    def __await__(self):  # `await connection.execute(...)`, as with aiosqlite
        yield from ()
        return self

    async def __aenter__(self) -> _Ran:  # `async with connection.execute(...) as cursor`
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        return None


class WriterConnection:
    """The writer connection as a transaction's statements use it (`connection.execute`,
    like aiosqlite's): each statement runs right here, on the event loop's thread.

    Handing each statement to aiosqlite's thread and back cost more than the statement:
    34% of the busy event loop during the alert tap benchmark, once the connection was
    kept open. Inside BEGIN IMMEDIATE a statement never waits for a lock (this
    connection holds SQLite's write lock) and the tap's statements take microseconds.
    What may wait (BEGIN, for another process's writer) or takes an fsync (COMMIT) still
    goes to aiosqlite's thread (`threaded`), so the event loop never waits on either.
    Both use the same SQLite connection, one after the other, never at once: BEGIN is
    awaited before the first statement and COMMIT is sent after the last."""

    __slots__ = ("_raw", "threaded")

    def __init__(self, threaded: aiosqlite.Connection, raw: sqlite3.Connection) -> None:
        self.threaded, self._raw = threaded, raw

    @property
    def row_factory(self) -> Any:
        return self._raw.row_factory

    @row_factory.setter
    def row_factory(self, factory: Any) -> None:
        self._raw.row_factory = factory

    @property
    def in_transaction(self) -> bool:
        return self._raw.in_transaction

    def execute(self, sql: str, parameters: Any = None) -> _Ran:
        cursor = self._raw.execute(sql, [] if parameters is None else parameters)
        try:
            return _Ran(cursor.fetchall(), cursor.description, cursor.lastrowid, cursor.rowcount)
        finally:
            cursor.close()

    async def close(self) -> None:
        await self.threaded.close()


class _WriterTransaction(SQLiteTransaction):
    """`write_transaction()` on SQLite: BEGIN IMMEDIATE ... COMMIT on the engine's one
    writer connection for this event loop, which stays open for the next transaction.

    Piccolo's transaction opens a connection (and its thread) for every transaction:
    18% of a busy event loop during the alert tap benchmark. SQLite has one writer at a
    time anyway, and `_write_lock()` already queues this process's writers, so one
    connection serves them all. It is Piccolo's SQLiteTransaction otherwise: it sets
    `current_transaction`, so Piccolo's statements and `Sql` run on its connection.

    A BEGIN, COMMIT or ROLLBACK that fails drops the connection (closing it rolls back
    whatever it held), so nothing is left open; the next transaction opens a new one.
    """

    engine: HomewardSQLiteEngine
    connection: WriterConnection

    async def get_connection(self) -> WriterConnection:
        return await self.engine.writer()

    async def begin(self) -> None:
        try:
            await self.connection.threaded.execute(f"BEGIN {self.transaction_type.value}")
        except BaseException:
            await self.engine.drop_writer(self.connection)
            raise

    async def commit(self) -> None:
        await self.connection.threaded.execute("COMMIT")
        self._committed = True

    async def rollback(self) -> None:
        await self.connection.threaded.execute("ROLLBACK")
        self._rolled_back = True

    async def __aexit__(self, exception_type, exception, traceback) -> bool:
        if self._parent is not None:
            return exception is None
        try:
            if exception is not None:
                if not self._rolled_back:
                    await self.rollback()
            elif not self._committed and not self._rolled_back:
                await self.commit()
        except BaseException:
            await self.engine.drop_writer(self.connection)
            raise
        finally:
            self.engine.current_transaction.reset(self.context)
        return exception is None


class HomewardSQLiteEngine(SQLiteEngine):
    """Piccolo's engine, plus a few persistent connections for statements outside a
    transaction: opening a connection (and its thread) per query cost 2.1 ms against
    0.4 ms on an open one. In WAL mode each statement on them sees the latest commit."""

    POOL_SIZE = 4

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pools: dict[tuple[int, str], asyncio.Queue] = {}
        self._readers: dict[tuple[int, str], sqlite3.Connection] = {}
        self._writers: dict[tuple[int, str], WriterConnection] = {}

    async def _connect(self, made: list[sqlite3.Connection] | None = None) -> aiosqlite.Connection:
        """A connection with its own thread. `made`: also usable from the event loop's
        thread (never at the same time as from its own), and appended to `made`."""
        database = self.connection_kwargs["database"]
        options = {k: v for k, v in self.connection_kwargs.items() if k != "database"}
        if made is not None:
            options["check_same_thread"] = False

        def connect() -> sqlite3.Connection:
            raw = sqlite3.connect(database, **options)
            if made is not None:
                made.append(raw)
            return raw

        connection = aiosqlite.Connection(connect, iter_chunk_size=64)
        # A pooled connection's thread must never keep the process alive at exit.
        # aiosqlite has no public way to ask for a daemon thread (connect() takes no such
        # option and the Connection no longer is the Thread), so its one private attribute
        # is set here, before the thread starts; close_pools() still closes it properly.
        connection._thread.daemon = True
        await connection
        # aiosqlite types row_factory as a class; sqlite3 takes any callable, such as
        # Piccolo's dict_factory, which is what Piccolo itself sets.
        connection.row_factory = dict_factory  # type: ignore[assignment]
        return connection

    def _pool(self) -> asyncio.Queue:
        return _slots(self._pools, (id(asyncio.get_running_loop()), self.path), self.POOL_SIZE)

    # Piccolo's SQLiteEngine has no public hook for pooling: every statement outside a
    # transaction goes through this private method (a new connection each time), so the
    # pool overrides it, with the same signature. Everything else calls public methods.
    async def _run_in_new_connection(self, query, args=None, query_type="generic", table=None):
        pool = self._pool()
        connection = await pool.get()
        try:
            if connection is None:
                connection = await self._connect()
            async with connection.execute(query, args or []) as cursor:
                return await cursor.fetchall()
        except sqlite3.ProgrammingError:
            # A broken connection is dropped; its slot is opened afresh next time.
            await _close_quietly(connection)
            connection = None
            raise
        finally:
            pool.put_nowait(connection)

    # Inside a transaction Piccolo runs `PRAGMA foreign_keys = 1` before every statement:
    # one more trip to aiosqlite's thread each time, for nothing (SQLite ignores that
    # pragma inside a transaction, and _PragmaConnection set it when the connection
    # opened). Same signature and result otherwise.
    async def _run_in_existing_connection(
        self, connection, query, args=None, query_type="generic", table=None
    ):
        connection.row_factory = dict_factory
        async with connection.execute(query, args or []) as cursor:
            response = await cursor.fetchall()
            if query_type == "insert" and self.get_version_sync() < 3.35:
                assert table is not None
                pk = await self._get_inserted_pk(cursor, table)
                return [{table._meta.primary_key._meta.db_column_name: pk}]
            return response

    async def writer(self) -> WriterConnection:
        """This event loop's writer connection, opened on first use. Only
        `write_transaction()` uses it, holding `_write_lock()`."""
        key = (id(asyncio.get_running_loop()), self.path)
        connection = self._writers.get(key)
        if connection is not None and not _ready_to_begin(connection):
            await self.drop_writer(connection)
            connection = None
        if connection is None:
            made: list[sqlite3.Connection] = []
            threaded = await self._connect(made)
            connection = self._writers[key] = WriterConnection(threaded, made[0])
        return connection

    async def drop_writer(self, connection: WriterConnection) -> None:
        """Close a writer connection that failed; the next transaction opens another."""
        for key, held in list(self._writers.items()):
            if held is connection:
                del self._writers[key]
        await _close_quietly(connection)

    def writer_transaction(self) -> _WriterTransaction:
        """BEGIN IMMEDIATE on this loop's writer connection (see `write_transaction`)."""
        return _WriterTransaction(engine=self, transaction_type=TransactionType.immediate)

    def reader(self) -> sqlite3.Connection:
        """This thread's read-only connection, for `Sql` reads outside a transaction.

        They run right here, on the event loop's thread: handing each statement to
        aiosqlite's thread and back cost more than the statement (26% of a plan read's
        CPU). In WAL mode a read never waits for a writer, and a statement of the
        plan read takes tens of microseconds. `query_only` refuses any write on it, and
        it never waits for a lock (busy_timeout 0): a busy read is run on the pool."""
        key = (threading.get_ident(), self.path)
        connection = self._readers.get(key)
        if connection is None:
            options = {k: v for k, v in self.connection_kwargs.items() if k != "database"}
            # Used by this thread only; closed by close_pools(), which may run on another.
            connection = sqlite3.connect(self.path, check_same_thread=False, **options)
            connection.execute("PRAGMA query_only = ON")
            # Never wait on the event loop: a read that finds the database busy (rare in
            # WAL: a checkpoint resetting the log) goes to the pool instead (_run_sql).
            connection.execute("PRAGMA busy_timeout = 0")
            self._readers[key] = connection  # rows as tuples: _run_sql names them
        return connection

    async def close_pools(self) -> None:
        """Close the pooled connections (app shutdown, end of a command, each test)."""
        readers, self._readers = self._readers, {}
        for reader in readers.values():
            reader.close()
        writers, self._writers = self._writers, {}
        for writer in writers.values():
            await _close_quietly(writer)
        pools, self._pools = self._pools, {}
        for pool in pools.values():
            while not pool.empty():
                await _close_quietly(pool.get_nowait())

    def transaction(
        self,
        transaction_type: TransactionType = TransactionType.deferred,
        allow_nested: bool = True,
    ) -> SQLiteTransaction:
        return _ClosingSQLiteTransaction(
            engine=self, transaction_type=transaction_type, allow_nested=allow_nested
        )


class HomewardPostgresEngine(PostgresEngine):
    """Piccolo's engine, plus a few connections of its own for `Sql` statements outside a
    transaction (the plan read's statement, every session lookup, the audit log's group
    commit): each such statement is a transaction of its own, as on the pool.

    Borrowing from asyncpg's pool costs more than a short statement: each return to the
    pool runs a reset under `asyncio.shield` and a timeout, about a third of a plan
    read's CPU with four statements. These connections are handed out by a plain queue,
    one statement at a time: nothing is ever left on them (no transaction, no SET, no
    LISTEN). A statement that fails or is cut short (a client gone) drops its
    connection; the next one opens a new one. They are not the pool's, so a statement
    never waits behind transactions holding the pool's connections."""

    ALONE = 4  # connections

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._alone: dict[Any, asyncio.Queue] = {}

    async def alone(self, text: str, args: list[Any]) -> list[Any]:
        slots = _slots(self._alone, id(asyncio.get_running_loop()), self.ALONE)
        connection = await slots.get()
        try:
            if connection is None or connection.is_closed():
                connection = await self.get_new_connection()
            return await connection.fetch(text, *args)
        except BaseException:
            if connection is not None:
                connection.terminate()  # at once, even while being cancelled
            connection = None
            raise
        finally:
            slots.put_nowait(connection)

    async def close_alone(self) -> None:
        held, self._alone = self._alone, {}
        for slots in held.values():
            while not slots.empty():
                await _close_quietly(slots.get_nowait())

    async def close_connection_pool(self) -> None:
        await self.close_alone()
        await super().close_connection_pool()


INTEGRITY_ERRORS = (sqlite3.IntegrityError, IntegrityConstraintViolationError)
SQLITE_UNIQUE = "SQLITE_CONSTRAINT_UNIQUE"  # a primary key has its own code


def breaks_unique(exc: BaseException, *columns: Column, row: Table | None = None) -> bool:
    """Did a write fail because another row already holds a value of one of `columns`?

    A check before an insert cannot see a row another transaction is inserting at the
    same moment (PostgreSQL); the UNIQUE constraint does, so callers turn this into a
    clear answer instead of a crash.

    Read from the error's fields, never its wording. PostgreSQL names the constraint,
    and names a column's UNIQUE constraint `<table>_<column>_key`. SQLite's extended
    error code says only that some UNIQUE constraint failed (the column is in the
    message alone), so the table definitions say which it can have been: the unique
    columns of the tables of `columns` (those `row` sets, when given). It is one of
    `columns` when every such column is. SQLite has one writer at a time, so there
    this only ever meets a real clash, never a race. (`_meta` is Piccolo's documented
    table and column metadata, its only way to read a column's table, name and flags.)
    """
    if isinstance(exc, UniqueViolationError):
        return exc.constraint_name in {_unique_constraint_name(column) for column in columns}
    if isinstance(exc, sqlite3.IntegrityError) and columns:
        if getattr(exc, "sqlite_errorname", None) != SQLITE_UNIQUE:
            return False
        tables = {column._meta.table for column in columns} if row is None else {type(row)}
        possible = {
            column._meta.db_column_name
            for table in tables
            for column in table._meta.columns
            if column._meta.unique
            and not column._meta.primary_key
            and (row is None or getattr(row, column._meta.name) is not None)
        }
        return bool(possible) and possible <= {column._meta.db_column_name for column in columns}
    return False


def _unique_constraint_name(column: Column) -> str:
    return f"{column._meta.table._meta.tablename}_{column._meta.db_column_name}_key"


def _ready_to_begin(connection: WriterConnection) -> bool:
    """Open, with no transaction left on it. A closed connection (its thread stopped, or
    SQLite's connection closed) is replaced; so is one whose transaction's end was
    interrupted (cancelled) before it rolled back, rather than begin inside what it left."""
    try:
        return not connection.in_transaction
    except (ValueError, sqlite3.ProgrammingError):
        return False


async def _close_quietly(connection) -> None:
    if connection is not None:
        try:
            await connection.close()
        except Exception:  # noqa: S110 (closing a connection that already failed)
            pass


async def _keep_session(connection) -> None:
    """What a pooled PostgreSQL connection needs on its way back to the pool: nothing more
    than asyncpg always does (roll back a transaction left open, drop its listeners).

    asyncpg's default reset also sends `SELECT pg_advisory_unlock_all(); CLOSE ALL;
    UNLISTEN *; RESET ALL;`, one more round trip after every statement run outside a
    transaction (4% of a plan read's CPU, and a wait). Homeward leaves no session state on
    a pooled connection: no advisory locks, no SET, no cursors held past a transaction,
    and the bell LISTENs on a connection of its own (alerts/wakeup.py)."""


async def start_pool(engine: PostgresEngine, min_size: int, max_size: int) -> None:
    """The PostgreSQL pool every process uses (app, worker, tests)."""
    await engine.start_connection_pool(min_size=min_size, max_size=max_size, reset=_keep_session)


async def close_pools() -> None:
    engine = get_engine()
    if isinstance(engine, HomewardSQLiteEngine):
        await engine.close_pools()
    elif isinstance(engine, HomewardPostgresEngine):
        await engine.close_alone()


def private_database_file(path: str) -> None:
    """Make the SQLite file readable by its owner only, before SQLite opens it.

    SQLite creates the -wal and -shm files with the database file's permissions, so
    making this one file private (and its folder, when we make it) covers all three.
    A file left readable by an older version is tightened too.
    """
    if path == ":memory:" or path.startswith("file:"):
        return
    private_folder(Path(path).parent)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    for name in (path, f"{path}-wal", f"{path}-shm"):
        # Missing is fine (made later, private); another owner's file is their choice.
        with contextlib.suppress(FileNotFoundError, PermissionError):
            os.chmod(name, 0o600)


def engine_from_url(url: str) -> Engine:
    """Build a Piccolo engine from `sqlite:////abs/path` or `postgresql://...`."""
    if url.startswith("sqlite:"):
        path = url.split("sqlite:///", 1)[-1]
        private_database_file(path)
        return HomewardSQLiteEngine(path=path, factory=_PragmaConnection, timeout=BUSY_TIMEOUT_MS / 1000)
    parsed = urlparse(url)
    if parsed.scheme in ("postgres", "postgresql"):
        return HomewardPostgresEngine(config={"dsn": url}, log_queries=False)
    raise ValueError(f"unsupported database URL scheme: {parsed.scheme!r}")


_engine: Engine | None = None


def get_engine() -> Engine:
    """The engine `PICCOLO_CONF` makes, found once: Piccolo's `engine_finder` imports the
    configuration module again on every call (5% of a busy plan read on PostgreSQL), and
    the engine never changes in a process (Piccolo's tables keep the one they found)."""
    global _engine
    if _engine is None:
        engine = engine_finder()
        assert engine is not None, "PICCOLO_CONF did not provide an engine"
        _engine = engine
    return _engine


def is_sqlite(engine: Engine | None = None) -> bool:
    return isinstance(engine or get_engine(), SQLiteEngine)


_write_locks: dict[int, asyncio.Lock] = {}


def _write_lock() -> asyncio.Lock:
    # One lock per event loop: SQLite allows one writer, and queuing writers here is
    # faster and fairer than letting them spin on the busy timeout.
    loop = asyncio.get_running_loop()
    lock = _write_locks.get(id(loop))
    if lock is None:
        lock = _write_locks[id(loop)] = asyncio.Lock()
    return lock


@asynccontextmanager
async def write_transaction() -> AsyncIterator[None]:
    """Run the body as one transaction that may write.

    SQLite: `BEGIN IMMEDIATE` (takes the write lock up front, so read-then-write never
    fails half way) behind a per-process lock, on the event loop's one writer
    connection (`HomewardSQLiteEngine.writer`). PostgreSQL: an ordinary transaction.
    Nested use joins the outer transaction.
    """
    engine = get_engine()
    if engine.current_transaction.get() is not None:
        yield
        return
    global _writes_ended
    try:
        if isinstance(engine, HomewardSQLiteEngine):
            async with _write_lock(), engine.writer_transaction():
                yield
        elif isinstance(engine, SQLiteEngine):
            async with _write_lock(), engine.transaction(transaction_type=TransactionType.immediate):
                yield
        else:
            async with engine.transaction():
                yield
    finally:
        # Counted once committed (or rolled back), never before: see writes_ended().
        _writes_ended += 1


_writes_ended = 0


def writes_ended() -> int:
    """How many `write_transaction()`s have ended in this process (committed or not).

    A value read from the database and kept is still current only while this has not
    moved since before the read (and no other process wrote: see
    `accounts.kept_sessions`). Counted after the commit, so a read that began before a
    commit always sees this move."""
    return _writes_ended


async def write_alone(statement: Sql, **params: Any) -> list[dict[str, Any]]:
    """One statement that writes, committed on its own (durable when this returns).

    PostgreSQL: as it is, one round trip (a statement outside a transaction is a
    transaction of its own). SQLite: inside `write_transaction()`, behind the one writer."""
    if is_sqlite():
        async with write_transaction():
            return await statement.rows(**params)
    return await statement.rows(**params)


async def run_ddl(statement: str) -> None:
    """A statement with no result, on the current transaction if there is one."""
    await get_engine().run_ddl(statement)


async def enable_wal() -> None:
    """WAL lets readers carry on while one writer writes; the mode is kept in the file."""
    engine = get_engine()
    if isinstance(engine, SQLiteEngine):
        await engine.run_ddl("PRAGMA journal_mode = WAL")


async def checkpointing(
    stop: asyncio.Event, every: float = CHECKPOINT_EVERY_SECONDS, engine: Engine | None = None
) -> None:
    """SQLite: copy the write-ahead log back into the database every `every` seconds, on
    a connection of its own in a thread, until `stop` is set (the app runs this).

    By default SQLite does it inside whichever commit takes the log past 1,000 pages:
    that commit then writes megabytes and fsyncs the database file, and every writer
    queued behind it waits (taps answered after 0.5-1 s at 50 a second, where the rest
    took 12 ms). Meanwhile this process's connections are opened with
    `wal_autocheckpoint = 0`. A PASSIVE checkpoint waits for nobody: readers and the
    writer go on while it copies. Other processes (a command run meanwhile) keep
    SQLite's default. On PostgreSQL, nothing to do."""
    global _checkpointing
    engine = engine or get_engine()
    if not isinstance(engine, HomewardSQLiteEngine):
        return
    _checkpointing = True
    connection = sqlite3.connect(engine.path, check_same_thread=False)  # only ever in to_thread

    def checkpoint() -> None:
        connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    try:
        while True:
            try:
                await asyncio.to_thread(checkpoint)
            except sqlite3.Error:
                log.exception("checkpoint failed; trying again in %s s", every)
            try:
                await asyncio.wait_for(stop.wait(), every)
                return
            except TimeoutError:
                pass
    finally:
        _checkpointing = False
        connection.close()


async def listen(
    dsn: str, channel: str, heard: Callable[..., None], lost: Callable[[Any], None]
) -> asyncpg.Connection:
    """PostgreSQL: a connection of its own that LISTENs on `channel`; `heard` is called
    for every NOTIFY, `lost` if the connection drops. Raises what connecting or listening
    raised, leaving nothing open."""
    connection = await asyncpg.connect(dsn, timeout=5)
    try:
        await connection.add_listener(channel, heard)
        connection.add_termination_listener(lost)
    except BaseException:
        connection.terminate()
        raise
    return connection


async def stop_listening(connection: asyncpg.Connection | None, lost: Callable[[Any], None]) -> None:
    """Close a connection from `listen` without calling its `lost`."""
    if connection is None or connection.is_closed():
        return
    connection.remove_termination_listener(lost)
    with contextlib.suppress(Exception):  # asyncpg aborts a connection it cannot close
        await connection.close(timeout=5)


async def check_database() -> bool:
    try:
        # Not from the pool on PostgreSQL: a fresh connection proves the server answers.
        await get_engine().run_ddl("SELECT 1", in_pool=False)
    except Exception:
        return False
    return True


# -- Statements written once ------------------------------------------------------------

_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


class Sql:
    """A hot statement written once as SQL, in the domain's `sql.py`, with its values bound
    as named parameters (`:name`), never formatted into the text.

    Piccolo's query builder rebuilds a statement's SQL on every call (about 60% of a plan
    read's CPU was spent there); a `Sql` is compiled once per database when the module is
    imported: SQLite takes `:name` as it is, PostgreSQL gets `$1, $2, ...` (the same
    name is the same number). It runs like Piccolo's own statements: inside the current
    transaction when there is one (`write_transaction()`), else on a pooled connection.
    Rows are dicts keyed by column name (or alias), with the same Python types Piccolo
    gives (SQLite converts by declared column type). Sealed columns come back sealed, as
    from Piccolo: callers `unseal` them.
    """

    __slots__ = ("_order", "_postgres", "reads", "text")

    def __init__(self, text: str, postgres: str | None = None) -> None:
        """`postgres`: the same statement as PostgreSQL needs it, where the two differ
        (`FOR UPDATE SKIP LOCKED`, say); same parameters."""
        if "--" in text or (postgres and "--" in postgres):
            raise ValueError("no -- comments in a Sql: its text is joined onto one line")
        self.text = " ".join(text.split())
        self.reads = self.text.upper().startswith("SELECT ")
        order: list[str] = []

        def number(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in order:
                order.append(name)
            return f"${order.index(name) + 1}"

        self._postgres = _NAMED.sub(number, " ".join((postgres or text).split()))
        self._order = tuple(order)
        if set(order) != set(_NAMED.findall(self.text)):
            raise ValueError("the SQLite and PostgreSQL texts take different parameters")

    async def rows(self, **params: Any) -> list[dict[str, Any]]:
        names, values = await self.table(**params)
        return [dict(zip(names, row, strict=True)) for row in values]

    async def first(self, **params: Any) -> dict[str, Any] | None:
        found = await self.rows(**params)
        return found[0] if found else None

    async def table(self, **params: Any) -> Result:
        """The rows unnamed: (column names, one sequence of values per row). For a reader
        that may need no dicts at all (the plan read, answered from `Kept` by its rows)."""
        missing = set(self._order) - params.keys()
        if missing:
            raise TypeError(f"missing parameters: {', '.join(sorted(missing))}")
        return await _run_sql(self, params)


class Result(NamedTuple):
    """A statement's result: column names (or aliases), and each row's values in that
    order (tuples on SQLite, asyncpg Records on PostgreSQL; both index and iterate)."""

    names: tuple[str, ...]
    values: Sequence[Sequence[Any]]


def _named(rows: list[dict[str, Any]]) -> Result:
    """Piccolo's rows (dicts) as a Result."""
    return Result(tuple(rows[0]) if rows else (), [tuple(row.values()) for row in rows])


async def _run_sql(statement: Sql, params: dict[str, Any]) -> Result:
    """Every `Sql` statement runs here (bench/queries.py counts them here)."""
    engine = get_engine()
    transaction = engine.current_transaction.get()
    if isinstance(engine, SQLiteEngine):
        if transaction is None and statement.reads and isinstance(engine, HomewardSQLiteEngine):
            try:
                cursor = engine.reader().execute(statement.text, params)
                try:
                    # Named once per statement, not once per row as Piccolo's
                    # dict_factory does (15% of a plan read's CPU on SQLite).
                    values = cursor.fetchall()
                    return Result(tuple(column[0] for column in cursor.description or ()), values)
                finally:
                    cursor.close()
            except sqlite3.OperationalError as exc:
                if not getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                    raise
        if transaction is None:
            return _named(await engine._run_in_new_connection(statement.text, params))  # type: ignore[arg-type]
        connection = transaction.connection
        # Rows as tuples, named once (Piccolo's own statements set dict_factory again
        # before each of theirs, see _run_in_existing_connection).
        connection.row_factory = None
        async with connection.execute(statement.text, params) as cursor:
            values = await cursor.fetchall()
            return Result(tuple(column[0] for column in cursor.description or ()), values)
    assert isinstance(engine, PostgresEngine)
    args = [params[name] for name in statement._order]
    if transaction is not None:
        records = await transaction.connection.fetch(statement._postgres, *args)
    elif engine.pool is not None and isinstance(engine, HomewardPostgresEngine):
        records = await engine.alone(statement._postgres, args)
    elif engine.pool is not None:
        async with engine.pool.acquire() as connection:
            records = await connection.fetch(statement._postgres, *args)
    else:
        connection = await engine.get_new_connection()
        try:
            records = await connection.fetch(statement._postgres, *args)
        finally:
            await connection.close()
    # Records index and iterate like tuples: named once here, not each by dict(record).
    return Result(tuple(records[0].keys()) if records else (), records)
