"""The outbox worker's statements, run for every batch of pushes, written once (see
`db.Sql`)."""

from backend.db import Sql

BEAT = Sql(
    """
    INSERT INTO outbox_worker (id, name, started_at, seen_at) VALUES (:id, :name, :now, :now)
    ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at
    """
)
"""A worker says it is alive (the row is made on its first beat)."""

_CLAIM = """
    UPDATE delivery SET state = 'sending', claimed_by = :worker, claimed_until = :until,
        attempts = attempts + 1
    WHERE id IN (
        SELECT id FROM delivery
        WHERE (state = 'pending' AND next_attempt_at <= :now)
           OR (state = 'sending' AND (claimed_until < :now OR claimed_by NOT IN (
                SELECT CAST(id AS TEXT) FROM outbox_worker WHERE seen_at >= :alive_since)))
        ORDER BY next_attempt_at LIMIT 50
        {lock})
    RETURNING id
"""
CLAIM = Sql(
    _CLAIM.replace("{lock}", ""),
    # Several processes: each skips rows another is claiming, instead of waiting for them.
    postgres=_CLAIM.replace("{lock}", "FOR UPDATE SKIP LOCKED"),
)
"""Take up to 50 (outbox.BATCH) due rows, and rows a dead worker held, under a lease."""

SENT = Sql(
    """
    UPDATE delivery SET state = 'sent', sent_at = :now, last_error = ''
    WHERE id = :id AND claimed_by = :worker AND state = 'sending'
    """
)
"""A push the push service accepted, recorded by the worker that holds its lease."""

REACHED = Sql("UPDATE alert_recipient SET reached_at = :now WHERE id = :id AND reached_at IS NULL")

ALERT_FOR_KEY = Sql(
    """
    SELECT id AS alert, 0 AS tap FROM alert WHERE idempotency_key = :key
    UNION ALL
    SELECT alert, 1 AS tap FROM alert_tap WHERE idempotency_key = :key
    ORDER BY tap
    """
)
"""The alert a tap with this key made, else the alert it was added to (one round trip
on every tap, to tell a retry from a new tap)."""
