"""The outbox: messages waiting to be sent, claimed by workers, and what each try did.

A delivery is written in the transaction that decided to send it (enqueue), and on
PostgreSQL that transaction also NOTIFYs the workers, who LISTEN. A worker claims rows
with a conditional UPDATE (FOR UPDATE SKIP LOCKED on PostgreSQL) under a lease, and
records each send as soon as it returns, in its own transaction: a crash after the
push service accepted one message re-sends at most the ones still in flight.

Workers keep a heartbeat (OutboxWorker). Rows claimed by a worker whose heartbeat has
stopped are taken over at once; the lease is the backstop for a worker that still
beats but is stuck.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from backend.alerts import people, sql
from backend.alerts.schemas import AttemptResult, DeliveryChannel, DeliveryState, Purpose
from backend.alerts.tables import AlertRecipient, Delivery, DeliveryAttempt, OutboxWorker
from backend.config import get_settings
from backend.db import is_sqlite, run_ddl, write_transaction
from backend.outbound import Result
from backend.security import encrypt

CHANNEL = "homeward_outbox"  # the PostgreSQL NOTIFY channel workers LISTEN on
LEASE = dt.timedelta(seconds=30)
HEARTBEAT = dt.timedelta(seconds=2)
# A worker not seen for this long is dead (SIGKILL, power cut): its rows are taken over.
STALE = dt.timedelta(seconds=10)
FORGET_WORKERS_AFTER = dt.timedelta(days=1)
BATCH = 50
MAX_ATTEMPTS = 10
# However long a push service asks us to wait, try again within this: the alert keeps
# escalating meanwhile, and a service that is back sooner should get it sooner.
RETRY_AFTER_CAP = dt.timedelta(minutes=10)
ERROR_LENGTH = 200

RecipientFailed = Callable[[uuid.UUID, dt.datetime], Awaitable[None]]


def backoff(attempts: int) -> dt.timedelta:
    """2, 4, 8 ... seconds, at most a minute between tries."""
    return dt.timedelta(seconds=min(60, 2 ** max(1, attempts)))


def retry_after(value: str | None, now: dt.datetime) -> dt.timedelta | None:
    """A Retry-After header (seconds, or an HTTP date), capped; None when absent or
    unreadable (then our own back-off applies)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        wait = dt.timedelta(seconds=int(value))
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        wait = when - now
    return max(dt.timedelta(seconds=1), min(wait, RETRY_AFTER_CAP))


async def poke() -> None:
    """Inside a write transaction: wake every LISTENing worker when it commits."""
    if not is_sqlite():
        await run_ddl(f"NOTIFY {CHANNEL}")


async def enqueue(recipient_id: uuid.UUID, person: people.Reachable, now: dt.datetime) -> int:
    """Outbox rows for one person: every push subscription they have, else email.
    Inside the write transaction that decided to send; returns how many."""
    subscriptions = await people.subscriptions_of(contact_id=person.contact_id, user_id=person.user_id)
    for subscription in subscriptions:
        await sql.NEW_DELIVERY.rows(
            id=uuid.uuid4(),
            recipient=recipient_id,
            channel=DeliveryChannel.PUSH.value,
            subscription=subscription,
            address=None,
            state=DeliveryState.PENDING.value,
            now=now,
        )
    made = len(subscriptions)
    # An address is tried even when this process has no mail server set: the worker
    # sending it may have one. If it cannot, the person is marked failed and the alert
    # moves on (readiness, below, says plainly they cannot be reached that way).
    if not made and person.email:
        await _enqueue_email(recipient_id, person.email, now)
        made = 1
    if made:
        await poke()
    return made


def can_email(person: people.Reachable) -> bool:
    """An email can carry the alert: they have an address and email is set up."""
    return bool(person.email) and bool(get_settings().smtp_host)


async def _enqueue_email(recipient_id: uuid.UUID, address: str, now: dt.datetime) -> None:
    await sql.NEW_DELIVERY.rows(
        id=uuid.uuid4(),
        recipient=recipient_id,
        channel=DeliveryChannel.EMAIL.value,
        subscription=None,
        address=encrypt(address),
        state=DeliveryState.PENDING.value,
        now=now,
    )


async def cancel_pending(alert_id: uuid.UUID) -> None:
    recipients = AlertRecipient.select(AlertRecipient.id).where(AlertRecipient.alert == alert_id)
    await Delivery.update(state=DeliveryState.CANCELLED).where(
        Delivery.recipient.is_in(recipients) & (Delivery.state == DeliveryState.PENDING)
    )


# -- workers -----------------------------------------------------------------------------


async def heartbeat(worker_id: uuid.UUID, name: str, now: dt.datetime) -> None:
    """Say this worker is alive (and who it is, the first time)."""
    async with write_transaction():
        await sql.BEAT.rows(id=worker_id, name=name, now=now)


async def forget_old_workers(now: dt.datetime) -> None:
    async with write_transaction():
        await OutboxWorker.delete().where(OutboxWorker.seen_at < now - FORGET_WORKERS_AFTER)


async def sign_off(worker_id: uuid.UUID) -> None:
    """A worker stopping cleanly (its batch done) leaves nothing to take over."""
    async with write_transaction():
        await OutboxWorker.delete().where(OutboxWorker.id == worker_id)


async def claim(worker_id: uuid.UUID, name: str, now: dt.datetime) -> list[uuid.UUID]:
    """Take up to a batch of due rows (and rows a dead worker held) under a lease."""
    async with write_transaction():
        # Seen now, so nobody takes over what this claim is about to take.
        await sql.BEAT.rows(id=worker_id, name=name, now=now)
        rows = await sql.CLAIM.rows(
            worker=str(worker_id), until=now + LEASE, now=now, alive_since=now - STALE
        )
    return [row["id"] for row in rows]


async def claimed(ids: list[uuid.UUID]) -> list[dict]:
    """The claimed rows, with what sending needs to know about their recipient."""
    if not ids:
        return []
    return await sql.claimed(len(ids)).rows(**{f"id{n}": delivery_id for n, delivery_id in enumerate(ids)})


async def next_due(now: dt.datetime) -> dt.datetime | None:
    """When the next pending row is due, for a worker deciding how long to sleep."""
    row = await sql.NEXT_DELIVERY.first(state=DeliveryState.PENDING.value)
    return row["next_attempt_at"] if row else None


@dataclass(frozen=True)
class Sent:
    """What one try at sending did."""

    delivery: dict
    result: Result
    started: dt.datetime
    duration_ms: int


async def record(
    sends: list[Sent], worker_id: uuid.UUID, now: dt.datetime, on_recipient_failed: RecipientFailed
) -> None:
    """What sends did, written as soon as they returned (sends that returned together in
    one transaction): each attempt, each row's new state, and (when nothing is left for
    a person) their email, or "couldn't reach them"."""
    attempts = [
        {
            "id": uuid.uuid4(),
            "delivery": sent.delivery["id"],
            "at": sent.started,
            "channel": sent.delivery["channel"],
            "result": _outcome(sent.delivery, sent.result).value,
            "status_code": sent.result.status,
            "error": sent.result.error[:ERROR_LENGTH],
            "duration_ms": sent.duration_ms,
        }
        for sent in sends
    ]
    async with write_transaction():
        await sql.new_attempts(len(attempts)).rows(
            **{
                f"{column}{n}": row[column]
                for n, row in enumerate(attempts)
                for column in sql.ATTEMPT_COLUMNS
            }
        )
        for sent in sends:
            await _settle(sent.delivery, sent.result, worker_id, now, on_recipient_failed)


async def _settle(
    delivery: dict,
    result: Result,
    worker_id: uuid.UUID,
    now: dt.datetime,
    on_recipient_failed: RecipientFailed,
) -> None:
    outcome = _outcome(delivery, result)
    if outcome is AttemptResult.SENT:
        await sql.SENT.rows(now=now, id=delivery["id"], worker=str(worker_id))
        await sql.REACHED.rows(now=now, id=delivery["recipient"])
        return
    mine = (
        (Delivery.id == delivery["id"])
        & (Delivery.claimed_by == str(worker_id))
        & (Delivery.state == DeliveryState.SENDING)
    )
    if outcome is AttemptResult.RETRY:
        wait = retry_after(result.retry_after, now) or backoff(delivery["attempts"])
        await Delivery.update(
            state=DeliveryState.PENDING, next_attempt_at=now + wait, last_error=result.error[:ERROR_LENGTH]
        ).where(mine)
        return
    ended = (
        await Delivery.update(
            state=DeliveryState.GONE if outcome is AttemptResult.GONE else DeliveryState.FAILED,
            last_error=result.error[:ERROR_LENGTH],
        )
        .where(mine)
        .returning(Delivery.id)
    )
    if not ended:
        return  # another worker took it over meanwhile; it decides what comes next
    if result.gone and delivery["channel"] == DeliveryChannel.PUSH and delivery["subscription"]:
        await people.remove_subscription(delivery["subscription"])
    await _fall_back(delivery, now, on_recipient_failed)


def _outcome(delivery: dict, result: Result) -> AttemptResult:
    if result.ok:
        return AttemptResult.SENT
    if not result.permanent and delivery["attempts"] < MAX_ATTEMPTS:
        return AttemptResult.RETRY
    return AttemptResult.GONE if result.gone else AttemptResult.FAILED


async def _fall_back(delivery: dict, now: dt.datetime, on_recipient_failed: RecipientFailed) -> None:
    """When no push is left for a recipient, try their email; with nothing left at all,
    mark them failed so the young person sees it."""
    recipient_id = delivery["recipient"]
    alive = await Delivery.count().where(
        (Delivery.recipient == recipient_id)
        & Delivery.state.is_in([DeliveryState.PENDING, DeliveryState.SENDING, DeliveryState.SENT])
    )
    if alive:
        return
    tried_email = await Delivery.exists().where(
        (Delivery.recipient == recipient_id) & (Delivery.channel == DeliveryChannel.EMAIL)
    )
    address = (
        None
        if tried_email
        else await people.email_of(
            contact_id=delivery["recipient.contact"], user_id=delivery["recipient.user"]
        )
    )
    if address:
        await _enqueue_email(recipient_id, address, now)
        await poke()
        return
    await AlertRecipient.update(failed_at=now).where(
        (AlertRecipient.id == recipient_id) & AlertRecipient.failed_at.is_null()
    )
    await on_recipient_failed(delivery["recipient.alert"], now)


def is_final_notice(delivery: dict) -> bool:
    return delivery["recipient.purpose"] == Purpose.CALL_999


async def attempts_for(alert_id: uuid.UUID) -> list[dict]:
    """Every send attempt for an alert, oldest first, with who it was for."""
    return await (
        DeliveryAttempt.select(
            *DeliveryAttempt.all_columns(),
            # Two joins away: `._` is Piccolo's typed way to follow a foreign key.
            DeliveryAttempt.delivery._.recipient._.name,
            DeliveryAttempt.delivery._.recipient._.role,
            DeliveryAttempt.delivery._.recipient._.level,
            DeliveryAttempt.delivery._.recipient._.purpose,
        )
        .where(DeliveryAttempt.delivery._.recipient._.alert == alert_id)
        .order_by(DeliveryAttempt.at)
    )
