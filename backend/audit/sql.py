"""The audit log's INSERT, run for every read of a record and every change, written
once (see `db.Sql`)."""

from functools import cache

from backend.db import Sql

COLUMNS = ("id", "at", "actor_id", "actor", "actor_role", "action", "young_person_id", "code", "params")
"""An audit row's columns: a row is a dict with these keys (actor and params sealed)."""

_INSERT = (
    "INSERT INTO audit_event (id, at, actor_id, actor, actor_role, action, young_person_id, code, params)"
)

NEW_EVENT = Sql(
    _INSERT + " VALUES (:id, :at, :actor_id, :actor, :actor_role, :action, :young_person_id, :code, :params)"
)
"""One row, as part of the caller's transaction."""


@cache
def new_events(count: int) -> Sql:
    """`count` rows in one INSERT (the group commit's): one statement per batch size,
    made the first time that size is needed, its values bound as `:id0, :at0, ...`.
    The text holds only the column names above and numbered parameter names."""
    rows = ("(" + ", ".join(":" + column + str(n) for column in COLUMNS) + ")" for n in range(count))
    return Sql(_INSERT + " VALUES " + ", ".join(rows))


def params_of(rows: list[dict]) -> dict:
    """The named values of `new_events(len(rows))`."""
    return {column + str(n): row[column] for n, row in enumerate(rows) for column in COLUMNS}
