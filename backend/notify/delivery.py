"""Pushing notices to phones, after the transaction that sent them has committed.

`deliver_due` is a background job (backend/background.py, registered in
backend/wiring.py): it claims due push rows under a lease (a conditional UPDATE; FOR
UPDATE SKIP LOCKED on PostgreSQL, so several processes never claim the same row),
sends each through the push channel (backend/outbound.py: VAPID and aes128gcm, as
alerts do) to the target the push domain gives, and records what happened: sent;
tried again later with a back-off; or, when the push service says the browser is
gone, the subscription is removed (and its pushes with it).

The payload says nothing about anyone: `{"type": "notice", "notice_id", "link"}`. The
phone shows the same words for every notice and opens the link; the app shows the
notice itself only to the person signed in.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import uuid

from backend.clock import now as clock_now
from backend.config import Settings, get_settings
from backend.db import is_sqlite, write_transaction
from backend.notify.schemas import PushState
from backend.notify.tables import NoticePush
from backend.outbound import Channel, PushChannel, Result
from backend.push import api as push

log = logging.getLogger("homeward.notify")

PERIOD = dt.timedelta(seconds=5)  # how often the job looks for pushes to send
TIDY_PERIOD = dt.timedelta(hours=1)
KEEP_DONE = dt.timedelta(days=7)  # a push sent (or given up) is forgotten after this
LEASE = dt.timedelta(minutes=1)
BATCH = 50
MAX_ATTEMPTS = 8
ERROR_LENGTH = 200

_CLAIM = (
    "UPDATE notice_push SET state = 'sending', claimed_until = {}, attempts = attempts + 1 "
    "WHERE id IN (SELECT id FROM notice_push WHERE (state = 'pending' AND next_attempt_at <= {}) "
    "OR (state = 'sending' AND claimed_until < {}) ORDER BY next_attempt_at LIMIT 50"  # BATCH
)
CLAIM_SQLITE = _CLAIM + ") RETURNING id"
CLAIM_POSTGRES = _CLAIM + " FOR UPDATE SKIP LOCKED) RETURNING id"


def backoff(attempts: int) -> dt.timedelta:
    """30 s, 1, 2, 4 ... minutes, at most an hour between tries."""
    return dt.timedelta(seconds=min(3600, 15 * 2 ** max(1, attempts)))


def payload(notice_id: uuid.UUID, link: str | None) -> str:
    return json.dumps({"type": "notice", "notice_id": str(notice_id), "link": link or ""})


async def claim(now: dt.datetime) -> list[dict]:
    async with write_transaction():
        rows = await NoticePush.raw(CLAIM_SQLITE if is_sqlite() else CLAIM_POSTGRES, now + LEASE, now, now)
    if not rows:
        return []
    return await NoticePush.select(
        NoticePush.id,
        NoticePush.subscription,
        NoticePush.attempts,
        NoticePush.notice,
        NoticePush.notice.link,
    ).where(NoticePush.id.is_in([row["id"] for row in rows]))


async def _send(channel: Channel, row: dict) -> Result:
    target = await push.target(row["subscription"])
    if target is None:
        return Result(False, permanent=True, gone=True, error="subscription removed")
    return await channel.send(
        target, payload(row["notice"], row["notice.link"]), "Homeward", key=row["id"].hex
    )


async def _record(row: dict, result: Result, now: dt.datetime) -> None:
    mine = (
        (NoticePush.id == row["id"])
        & (NoticePush.state == PushState.SENDING)
        & (NoticePush.attempts == row["attempts"])  # not claimed again since
    )
    async with write_transaction():
        if result.ok:
            await NoticePush.update(state=PushState.SENT, sent_at=now, last_error="").where(mine)
        elif result.gone:
            # The browser is gone: forget it (its pushes go with it, by cascade).
            await push.remove(row["subscription"])
        elif not result.permanent and row["attempts"] < MAX_ATTEMPTS:
            await NoticePush.update(
                state=PushState.PENDING,
                next_attempt_at=now + backoff(row["attempts"]),
                last_error=result.error[:ERROR_LENGTH],
            ).where(mine)
        else:
            await NoticePush.update(state=PushState.FAILED, last_error=result.error[:ERROR_LENGTH]).where(
                mine
            )


async def deliver_due(channel: Channel | None = None, settings: Settings | None = None) -> int:
    """Send every push that is due now; returns how many were tried."""
    now = clock_now()
    due = ((NoticePush.state == PushState.PENDING) & (NoticePush.next_attempt_at <= now)) | (
        (NoticePush.state == PushState.SENDING) & (NoticePush.claimed_until < now)
    )
    if not await NoticePush.exists().where(due):
        return 0
    own = channel is None
    channel = channel or PushChannel(settings or get_settings())
    try:
        rows = await claim(now)
        results = await asyncio.gather(*[_send(channel, row) for row in rows], return_exceptions=True)
        for row, result in zip(rows, results, strict=True):
            if isinstance(result, BaseException):
                log.warning("sending a notice push failed: %s", result)
                result = Result(False, error=f"{type(result).__name__}: {result}")
            await _record(row, result, clock_now())
    finally:
        if own:
            close = getattr(channel, "close", None)
            if close:
                await close()
    return len(rows)


async def pushes_of(notice_id: uuid.UUID) -> list[dict]:
    """The pushes of one notice (for tests and support)."""
    return await NoticePush.select().where(NoticePush.notice == notice_id)


async def tidy() -> int:
    """Forget pushes sent or given up on more than a week ago (the notice stays)."""
    now = clock_now()
    done = (NoticePush.state.is_in([PushState.SENT, PushState.FAILED])) & (
        NoticePush.next_attempt_at < now - KEEP_DONE
    )
    async with write_transaction():
        gone = await NoticePush.delete().where(done).returning(NoticePush.id)
    return len(gone)
