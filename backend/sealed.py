"""Encrypted columns, declared where the column is declared.

`encrypted()` makes a Text column whose values are sealed with the data keys
(`HOMEWARD_DATA_KEYS`). Key rotation and the privacy tests find every such column by
walking the registered tables, so a new encrypted column cannot be left out of
rotation, and no list of them is kept by hand.
"""

from __future__ import annotations

import json
from typing import Any

from piccolo.columns import Column, Text
from piccolo.conf.apps import Finder
from piccolo.table import Table

from backend.db import write_transaction
from backend.security import decrypt, encrypt, reencrypt

_MARK = "homeward_encrypted"


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
    return [
        column
        for table in registered_tables()
        for column in table._meta.columns
        if is_encrypted(column)
    ]


def seal(value: str) -> str:
    return encrypt(value)


def unseal(value: str) -> str:
    return decrypt(value)


def seal_json(value: Any) -> str:
    return encrypt(json.dumps(value, default=str, separators=(",", ":")))


def unseal_json(value: str) -> Any:
    return json.loads(decrypt(value))


async def rotate_keys(batch: int = 200) -> int:
    """Re-encrypt every sealed value with the newest key; returns how many changed."""
    changed = 0
    for column in encrypted_columns():
        table = column._meta.table
        pk = table._meta.primary_key
        name = column._meta.name
        rows = await table.select(pk, column).where(column.is_not_null())
        for start in range(0, len(rows), batch):
            async with write_transaction():
                for row in rows[start : start + batch]:
                    await table.update({column: reencrypt(row[name])}).where(pk == row[pk._meta.name])
                    changed += 1
    return changed
