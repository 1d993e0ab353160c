"""Encrypted columns, declared where the column is declared.

`encrypted()` makes a Text column whose values are sealed with the data keys
(`HOMEWARD_DATA_KEYS`). Key rotation and the privacy tests find every such column by
walking the registered tables, so a new encrypted column cannot be left out of
rotation, and no list of them is kept by hand.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from piccolo.columns import Column, Text
from piccolo.conf.apps import Finder
from piccolo.table import Table

from backend.db import is_sqlite, run_ddl, write_transaction
from backend.kept import forget_all
from backend.security import decrypt, encrypt, encrypt_again, reencrypt

_MARK = "homeward_encrypted"
_APPEND_ONLY = "homeward_append_only"


def encrypted(**kwargs: Any) -> Text:
    """A Text column holding a sealed value: write `seal(...)`, read `unseal(...)`.

    It is a plain TEXT column to the database and to migrations; the mark lives on the
    column object only, so marking an existing column needs no migration.
    """
    column = Text(**kwargs)
    setattr(column, _MARK, True)
    return column


def is_encrypted(column: Column) -> bool:
    return bool(getattr(column, _MARK, False))


def registered_tables() -> list[type[Table]]:
    """Every table of every Piccolo app in backend/piccolo_conf.py."""
    return list(Finder().get_table_classes())


def encrypted_columns() -> list[Column]:
    return [column for table in registered_tables() for column in table._meta.columns if is_encrypted(column)]


def seal(value: str) -> str:
    return encrypt(value)


def seal_again(value: str) -> str:
    """`seal`, reusing the sealed form this value was given in the last minute: only for
    a value written many times a minute where equal sealed forms tell nothing new."""
    return encrypt_again(value)


def unseal(value: str) -> str:
    """The plain value (one opened in the last minute is remembered: security._Keys)."""
    return decrypt(value)


def forget_unsealed() -> None:
    """After an erasure: nothing this process opened or built from sealed values may
    still be read from its memory (backend.kept)."""
    forget_all()


def seal_json(value: Any) -> str:
    return encrypt(json.dumps(value, default=str, separators=(",", ":")))


def unseal_json(value: str) -> Any:
    return json.loads(decrypt(value))


@dataclass(frozen=True)
class AppendOnly:
    """A table whose rows database triggers refuse to change (the audit log). Rotating
    keys must re-seal its values: the triggers are lifted inside the transaction that
    does it and put back before it commits, so nothing else ever sees them lifted."""

    sqlite_lift: tuple[str, ...]
    sqlite_restore: tuple[str, ...]
    postgres_lift: tuple[str, ...]
    postgres_restore: tuple[str, ...]


def append_only(table: type[Table], guard: AppendOnly) -> None:
    setattr(table, _APPEND_ONLY, guard)


def _lifting(guard: AppendOnly | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if guard is None:
        return (), ()
    if is_sqlite():
        return guard.sqlite_lift, guard.sqlite_restore
    return guard.postgres_lift, guard.postgres_restore


async def change_append_only(table: type[Table], change: Callable[[], Awaitable[None]]) -> None:
    """Run `change()` on an append-only table, with its triggers lifted around it, inside
    the caller's write transaction (so nothing else ever sees them lifted): as key
    rotation does, and erasing an erased young person's personal text (backend/audit)."""
    lift, restore = _lifting(getattr(table, _APPEND_ONLY, None))
    for statement in lift:
        await run_ddl(statement)
    await change()
    for statement in restore:
        await run_ddl(statement)


async def rotate_keys(batch: int = 200) -> int:
    """Re-encrypt every sealed value with the newest key; returns how many changed."""
    changed = 0
    for column in encrypted_columns():
        table = column._meta.table
        pk = table._meta.primary_key
        name = column._meta.name
        guard: AppendOnly | None = getattr(table, _APPEND_ONLY, None)
        rows = await table.select(pk, column).where(column.is_not_null())
        lift, restore = _lifting(guard)
        for start in range(0, len(rows), batch):
            async with write_transaction():
                for statement in lift:
                    await run_ddl(statement)
                for row in rows[start : start + batch]:
                    await table.update({column: reencrypt(row[name])}).where(pk == row[pk._meta.name])
                    changed += 1
                for statement in restore:
                    await run_ddl(statement)
    return changed
