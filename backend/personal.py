"""What personal data each table holds, declared beside the table.

Every table says, for each of its text and date columns, whether it holds personal data
(`Personal`: what it is, who can read it, how long it is kept) or not. Tests walk the
registered tables: a text or date column nobody classified fails, and a personal column
that is not encrypted fails unless it says why it must stay readable to the database
(a sign-in name that is looked up, a name that is sorted). The records-of-processing
table in docs/privacy/ is generated from these declarations.
"""

from __future__ import annotations

from dataclasses import dataclass

from piccolo.columns import Column, Date, Text, Varchar
from piccolo.table import Table

_ATTR = "homeward_personal_data"


@dataclass(frozen=True)
class Personal:
    what: str
    """What the column holds, in plain words."""
    readers: str
    """Who can read it through Homeward."""
    kept: str
    """How long it is kept."""
    plain_because: str = ""
    """Why it is not encrypted; empty means it must be encrypted."""


@dataclass(frozen=True)
class Declaration:
    personal: dict[str, Personal]
    not_personal: frozenset[str]


def declare(table: type[Table], *, not_personal: tuple[str, ...] = (), **personal: Personal) -> None:
    """Record what `table`'s columns hold. Names must be real columns of the table."""
    names = {column._meta.name for column in table._meta.columns}
    unknown = (set(personal) | set(not_personal)) - names
    if unknown:
        raise ValueError(f"{table.__name__} has no column(s) {sorted(unknown)}")
    setattr(table, _ATTR, Declaration(personal=dict(personal), not_personal=frozenset(not_personal)))


def declaration(table: type[Table]) -> Declaration | None:
    return getattr(table, _ATTR, None)


def needs_classifying(column: Column) -> bool:
    """Text and dates are where personal data lives; ids, numbers, flags and times of
    events are described by the table's own purpose."""
    return isinstance(column, (Varchar, Text, Date))
