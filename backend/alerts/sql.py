"""The outbox worker's statements, run for every batch of pushes, written once (see
`db.Sql`)."""

from functools import cache

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

# -- a tap: the statements of escalation.start/advance, written once -------------------

NEW_ALERT = Sql(
    """
    INSERT INTO alert (id, young_person, idempotency_key, kind, location, phone, state, level,
        created_at, next_escalation_at, ended_at, acknowledged_recipient, notified_at, sent_again_at)
    VALUES (:id, :young_person, :key, :kind, :location, :phone, :state, :level,
        :now, NULL, NULL, NULL, NULL, NULL)
    """
)
"""A new alert (its phone and location already sealed)."""

ACTIVE_ALERT = Sql(
    """
    SELECT * FROM alert WHERE young_person = :young_person AND state = :state LIMIT 1
    """
)
"""The young person's alert that is on, if any (every column, as `Alert.select()`)."""

ALERT = Sql("SELECT * FROM alert WHERE id = :id")
"""One alert, every column (as `Alert.select()`)."""

NOTIFIED = Sql("UPDATE alert SET notified_at = :now, next_escalation_at = :due WHERE id = :id")
"""The people at the alert's own level were sent it; the next move is due at `due`."""

NEW_EVENT = Sql("INSERT INTO alert_event (alert, at, code, params) VALUES (:alert, :at, :code, :params)")
"""A step of the alert's story (params sealed)."""

NEW_RECIPIENT = Sql(
    """
    INSERT INTO alert_recipient (id, alert, level, contact, "user", name, role, purpose, created_at,
        reached_at, opened_at, acknowledged_at, declined_at, failed_at)
    VALUES (:id, :alert, :level, :contact, :user, :name, :role, :purpose, :now,
        NULL, NULL, NULL, NULL, NULL)
    """
)
"""Someone asked (their name sealed)."""

RECIPIENT_FAILED = Sql("UPDATE alert_recipient SET failed_at = :now WHERE id = :id")
"""Nobody could reach them (no notifications, no email)."""

ASKED_AT = Sql(
    """
    SELECT contact, "user" FROM alert_recipient
    WHERE alert = :alert AND level = :level AND purpose = :purpose
    """
)
"""Who was asked at a level already."""

NEW_DELIVERY = Sql(
    """
    INSERT INTO delivery (id, recipient, channel, subscription, address, state, attempts,
        next_attempt_at, claimed_by, claimed_until, last_error, created_at, sent_at)
    VALUES (:id, :recipient, :channel, :subscription, :address, :state, 0,
        :now, '', NULL, '', :now, NULL)
    """
)
"""One outbox row (an email address sealed)."""

# -- moves of the state machine (escalation._move): conditional on the state (and, when
# the level changes, the level) the alert was read in, so of two racing, one makes it.

ESCALATED = Sql(
    """
    UPDATE alert SET state = :to_state, level = :to_level,
        notified_at = :notified_at, next_escalation_at = :next_escalation_at
    WHERE id = :id AND state = :state AND level = :level
    RETURNING id
    """
)
"""Up to a level whose people were sent it now (Move.ESCALATE)."""

RAN_OUT = Sql(
    """
    UPDATE alert SET state = :to_state, level = :to_level, ended_at = :now, next_escalation_at = NULL
    WHERE id = :id AND state = :state AND level = :level
    RETURNING id
    """
)
"""Nobody left to ask: the final notice (Move.RUN_OUT)."""

ACKNOWLEDGED = Sql(
    """
    UPDATE alert SET state = :to_state, level = :to_level,
        acknowledged_recipient = :acknowledged_recipient, ended_at = :now, next_escalation_at = NULL
    WHERE id = :id AND state = :state
    RETURNING id
    """
)
"""Someone said "I've got this" (Move.ACKNOWLEDGE)."""

CANCELLED = Sql(
    """
    UPDATE alert SET state = :to_state, level = :to_level, ended_at = :now, next_escalation_at = NULL
    WHERE id = :id AND state = :state
    RETURNING id
    """
)
"""The young person is OK (Move.CANCEL)."""

# -- a tap while the alert is on (escalation.send_again) ---------------------------------

NEW_TAP = Sql("INSERT INTO alert_tap (id, alert, idempotency_key, at) VALUES (:id, :alert, :key, :now)")
"""A later tap, kept so a retry of it changes nothing more."""

SENT_AGAIN = Sql(
    """
    UPDATE alert SET sent_again_at = COALESCE(:sent_again_at, sent_again_at),
        location = COALESCE(:location, location), notified_at = COALESCE(:notified_at, notified_at)
    WHERE id = :id
    """
)
"""What a later tap changed (a value left None is unchanged; none is ever set empty)."""

WAITING = Sql(
    """
    SELECT id, contact, "user" FROM alert_recipient
    WHERE alert = :alert AND level = :level AND purpose = :purpose
        AND acknowledged_at IS NULL AND declined_at IS NULL
    """
)
"""The people asked at a level who have not answered."""

# -- the worker's batch (outbox.claimed, outbox.record) ---------------------------------


def _numbered(names: tuple[str, ...], count: int) -> str:
    """`(:a0, :b0), (:a1, :b1), ...`: only the given names and numbers, never a value."""
    return ", ".join("(" + ", ".join(f":{name}{n}" for name in names) + ")" for n in range(count))


_CLAIMED = """
    SELECT delivery.*, alert_recipient.alert AS "recipient.alert",
        alert_recipient.purpose AS "recipient.purpose",
        alert_recipient.contact AS "recipient.contact", alert_recipient."user" AS "recipient.user"
    FROM delivery JOIN alert_recipient ON alert_recipient.id = delivery.recipient
    WHERE delivery.id IN
"""


@cache
def claimed(count: int) -> Sql:
    """`count` claimed rows (`:id0, :id1, ...`), every column, with what sending needs
    to know about their recipient under the keys Piccolo gives a join
    ("recipient.alert", ...). One statement per batch size, made when first needed;
    the text holds only numbered parameter names."""
    return Sql(_CLAIMED + "(" + ", ".join(f":id{n}" for n in range(count)) + ")")


ATTEMPT_COLUMNS = ("id", "delivery", "at", "channel", "result", "status_code", "error", "duration_ms")
"""A send attempt's columns: `new_attempts` takes them numbered (`:id0, :delivery0, ...`)."""

_NEW_ATTEMPT = (
    "INSERT INTO delivery_attempt (id, delivery, at, channel, result, status_code, error, duration_ms)"
)


@cache
def new_attempts(count: int) -> Sql:
    """`count` send attempts in one INSERT (the sends that returned together)."""
    return Sql(_NEW_ATTEMPT + " VALUES " + _numbered(ATTEMPT_COLUMNS, count))


def attempt_params(rows: list[dict]) -> dict:
    """The named values of `new_attempts(len(rows))`."""
    return {f"{column}{n}": row[column] for n, row in enumerate(rows) for column in ATTEMPT_COLUMNS}


# -- what an alert's reader sees (views.status) -----------------------------------------

RECIPIENTS = Sql("SELECT * FROM alert_recipient WHERE alert = :alert ORDER BY level, created_at")
"""Everyone asked, by level then when (names sealed)."""

STORY = Sql("SELECT at, code, params FROM alert_event WHERE alert = :alert ORDER BY at, id")
"""The alert's story, oldest first (params sealed)."""

# -- the worker's round (escalation.escalate_due, next_due; outbox.next_due) -------------

DUE = Sql("SELECT id FROM alert WHERE state = :state AND next_escalation_at <= :now")
"""Active alerts whose time at their level is up (every round of the worker)."""

TAKE_DUE = Sql(
    """
    UPDATE alert SET next_escalation_at = NULL
    WHERE id = :id AND state = :state AND next_escalation_at <= :now
    RETURNING id, young_person, state, level
    """
)
"""One due alert, taken by the one worker whose update matches."""

NEXT_ESCALATION = Sql(
    """
    SELECT next_escalation_at FROM alert
    WHERE state = :state AND next_escalation_at IS NOT NULL
    ORDER BY next_escalation_at LIMIT 1
    """
)
"""When the next active alert is due to move on."""

NEXT_DELIVERY = Sql(
    "SELECT next_attempt_at FROM delivery WHERE state = :state ORDER BY next_attempt_at LIMIT 1"
)
"""When the next pending outbox row is due."""
