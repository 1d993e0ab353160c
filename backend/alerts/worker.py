"""The outbox worker: sends alert deliveries after commit, retries, escalates.

Workers claim rows with a conditional UPDATE (and FOR UPDATE SKIP LOCKED on
PostgreSQL), so several app processes never send the same delivery twice. A claim is
a lease: a worker killed mid-way leaves rows that another (or the restarted) worker
takes once the lease runs out. Every attempt is recorded on the row.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import os
import socket
import uuid

from backend.alerts import services
from backend.alerts.tables import Alert, AlertRecipient, Delivery
from backend.clock import now as clock_now
from backend.config import Settings, get_settings
from backend.db import is_sqlite, write_transaction
from backend.outbound import Channel, EmailChannel, PushChannel, Result
from backend.push import api as push
from backend.security import decrypt, encrypt

log = logging.getLogger("homeward.worker")
LEASE = dt.timedelta(seconds=30)
MAX_ATTEMPTS = 10
IDLE_WAIT_SECONDS = 1.0
SUBJECT = "Homeward: someone needs you"


def backoff(attempts: int) -> dt.timedelta:
    """2, 4, 8 ... seconds, at most a minute between tries."""
    return dt.timedelta(seconds=min(60, 2 ** max(1, attempts)))


_CLAIM = (
    "UPDATE delivery SET state = 'sending', claimed_by = {}, claimed_until = {}, "
    "attempts = attempts + 1 WHERE id IN (SELECT id FROM delivery WHERE "
    "(state = 'pending' AND next_attempt_at <= {}) OR (state = 'sending' AND claimed_until < {}) "
    "ORDER BY next_attempt_at LIMIT 50"
)
CLAIM_SQLITE = _CLAIM + ") RETURNING id"
# Several processes: each skips rows another is claiming, instead of waiting for them.
CLAIM_POSTGRES = _CLAIM + " FOR UPDATE SKIP LOCKED) RETURNING id"


class AlertWorker:
    def __init__(
        self,
        settings: Settings | None = None,
        channels: dict[str, Channel] | None = None,
        name: str | None = None,
    ):
        self.settings = settings or get_settings()
        self.channels = (
            channels
            if channels is not None
            else {"push": PushChannel(self.settings), "email": EmailChannel(self.settings)}
        )
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self._wake = asyncio.Event()

    def wake(self) -> None:
        self._wake.set()

    # -- escalation ---------------------------------------------------------------------

    async def escalate_due(self, now: dt.datetime) -> int:
        rows = await Alert.select(Alert.id, Alert.level, Alert.young_person).where(
            (Alert.state == "active") & (Alert.next_escalation_at <= now)
        )
        done = 0
        for row in rows:
            async with write_transaction():
                # Only the worker whose update matches moves the alert on.
                taken = (
                    await Alert.update(next_escalation_at=None)
                    .where(
                        (Alert.id == row["id"])
                        & (Alert.state == "active")
                        & (Alert.level == row["level"])
                        & (Alert.next_escalation_at <= now)
                    )
                    .returning(Alert.id)
                )
                if taken:
                    await services.advance(row, row["level"] + 1, now)
                    done += 1
        return done

    # -- deliveries ---------------------------------------------------------------------

    async def claim(self, now: dt.datetime) -> list[uuid.UUID]:
        async with write_transaction():
            rows = await Delivery.raw(
                CLAIM_SQLITE if is_sqlite() else CLAIM_POSTGRES, self.name, now + LEASE, now, now
            )
        return [row["id"] for row in rows]

    @staticmethod
    def _target(delivery: dict) -> dict | None:
        if delivery["channel"] == "email":
            return {"email": decrypt(delivery["address"])} if delivery["address"] else None
        sealed = delivery["subscription.subscription"]
        return json.loads(decrypt(sealed)) if sealed else None

    def _message(self, delivery: dict) -> str:
        purpose = delivery["recipient.purpose"]
        alert_id = str(delivery["recipient.alert"])
        if delivery["channel"] == "push":
            # Nothing about the young person: a lock screen may be seen by anyone.
            return json.dumps({"alert_id": alert_id, "type": purpose})
        base = self.settings.base_url.rstrip("/")
        path = f"#/contact/alerts/{alert_id}" if delivery["recipient.contact"] else f"#/alerts/{alert_id}"
        if purpose == "call_999":
            return (
                "Nobody has answered an alert yet. If someone is in danger now, call 999. "
                f"If not, call 101.\n\n{base}/{path}\n"
            )
        return f"Someone you support needs you. Open Homeward:\n\n{base}/{path}\n"

    async def _send(self, delivery: dict) -> Result:
        target = self._target(delivery)
        if target is None:
            return Result(False, permanent=True, gone=True, error="subscription removed")
        return await self.channels[delivery["channel"]].send(target, self._message(delivery), SUBJECT)

    async def _record(self, outcomes: list[tuple[dict, Result]], now: dt.datetime) -> None:
        """Write a batch's results in one transaction: few round trips per delivery."""
        sent = [delivery for delivery, result in outcomes if result.ok]
        async with write_transaction():
            if sent:
                await Delivery.update(state="sent", sent_at=now, last_error="").where(
                    Delivery.id.is_in([d["id"] for d in sent])
                )
                await AlertRecipient.update(reached_at=now).where(
                    AlertRecipient.id.is_in([d["recipient"] for d in sent])
                    & AlertRecipient.reached_at.is_null()
                )
            for delivery, result in outcomes:
                if result.ok:
                    continue
                if not result.permanent and delivery["attempts"] < MAX_ATTEMPTS:
                    await Delivery.update(
                        state="pending",
                        next_attempt_at=now + backoff(delivery["attempts"]),
                        last_error=result.error[:200],
                    ).where(Delivery.id == delivery["id"])
                    continue
                await Delivery.update(
                    state="gone" if result.gone else "failed", last_error=result.error[:200]
                ).where(Delivery.id == delivery["id"])
                if result.gone and delivery["channel"] == "push" and delivery["subscription"]:
                    await push.remove(delivery["subscription"])
                await self._fall_back(delivery, now)

    async def _fall_back(self, delivery: dict, now: dt.datetime) -> None:
        """When no push is left for a recipient, try their email; with nothing left at
        all, mark them failed so the young person sees it."""
        recipient_id = delivery["recipient"]
        alive = await Delivery.count().where(
            (Delivery.recipient == recipient_id) & Delivery.state.is_in(["pending", "sending", "sent"])
        )
        if alive:
            return
        tried_email = await Delivery.exists().where(
            (Delivery.recipient == recipient_id) & (Delivery.channel == "email")
        )
        email = None
        if not tried_email:
            email = await self._email_of(delivery)
        if email:
            await Delivery.insert(
                Delivery(
                    recipient=recipient_id,
                    channel="email",
                    address=encrypt(email),
                    next_attempt_at=now,
                    created_at=now,
                )
            )
            self.wake()
        else:
            await AlertRecipient.update(failed_at=now).where(
                (AlertRecipient.id == recipient_id) & AlertRecipient.failed_at.is_null()
            )
            await services.move_on_if_nobody_left(delivery["recipient.alert"], now)
            self.wake()

    async def _email_of(self, delivery: dict) -> str | None:
        from backend.contacts.tables import TrustedContact

        if delivery["recipient.contact"]:
            row = (
                await TrustedContact.select(TrustedContact.details)
                .where(TrustedContact.id == delivery["recipient.contact"])
                .first()
            )
            return json.loads(decrypt(row["details"])).get("email") or None if row else None
        if delivery["recipient.user"]:
            return await services.user_email(delivery["recipient.user"])
        return None

    async def deliver_due(self, now: dt.datetime) -> int:
        claimed = await self.claim(now)
        if not claimed:
            return 0
        deliveries = await Delivery.select(
            Delivery.all_columns(),
            Delivery.recipient.alert,
            Delivery.recipient.purpose,
            Delivery.recipient.contact,
            Delivery.recipient.user,
            Delivery.subscription.subscription,
        ).where(Delivery.id.is_in(claimed))
        results = await asyncio.gather(*(self._send(delivery) for delivery in deliveries))
        await self._record(list(zip(deliveries, results, strict=True)), clock_now())
        return len(claimed)

    async def run_once(self) -> int:
        now = clock_now()
        return await self.escalate_due(now) + await self.deliver_due(now)

    async def run(self, stop: asyncio.Event) -> None:
        """Until `stop` is set; finishes the batch in hand before returning."""
        services.set_waker(self.wake)
        while not stop.is_set():
            try:
                busy = await self.run_once()
            except Exception:
                log.exception("worker round failed; trying again")
                busy = 0
            if busy:
                continue
            self._wake.clear()
            waiters = [asyncio.ensure_future(self._wake.wait()), asyncio.ensure_future(stop.wait())]
            await asyncio.wait(waiters, timeout=IDLE_WAIT_SECONDS, return_when=asyncio.FIRST_COMPLETED)
            for waiter in waiters:
                waiter.cancel()
        for channel in self.channels.values():
            close = getattr(channel, "close", None)
            if close:
                await close()
