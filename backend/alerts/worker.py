"""The alert worker: a loop that escalates what is due and sends what is claimed.

What to do lives in escalation.py and outbox.py; this only runs it, keeps the worker's
heartbeat, and waits on the bell it is given (wakeup.py) when there is nothing to do.
On SIGTERM it finishes the batch in hand.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import os
import socket
import time
import uuid

from backend.alerts import escalation, outbox, people
from backend.alerts import words as w
from backend.alerts.schemas import DeliveryChannel
from backend.alerts.wakeup import Bell
from backend.clock import as_utc
from backend.clock import now as clock_now
from backend.config import Settings, get_settings
from backend.i18n import translate
from backend.outbound import Channel, EmailChannel, PushChannel, Result
from backend.security import decrypt

log = logging.getLogger("homeward.worker")
# Waiting with nothing to do: when only polling can tell this worker about rows other
# processes wrote, poll often; when the bell hears them (LISTEN), wake for timers only.
IDLE_POLL_SECONDS = 1.0
IDLE_LISTENING_SECONDS = 5.0


class AlertWorker:
    def __init__(
        self,
        settings: Settings | None = None,
        channels: dict[str, Channel] | None = None,
        bell: Bell | None = None,
    ):
        self.settings = settings or get_settings()
        self.channels: dict[str, Channel] = (
            channels
            if channels is not None
            else {
                DeliveryChannel.PUSH: PushChannel(self.settings),
                DeliveryChannel.EMAIL: EmailChannel(self.settings),
            }
        )
        self.bell = bell or Bell()
        # Claims name the worker by id; the name (any length of host name) is for people.
        self.id = uuid.uuid4()
        self.name = f"{socket.gethostname()}:{os.getpid()}"

    async def escalate_due(self, now: dt.datetime) -> int:
        return await escalation.escalate_due(now)

    async def claim(self, now: dt.datetime) -> list[uuid.UUID]:
        return await outbox.claim(self.id, self.name, now)

    async def _message(self, delivery: dict) -> str:
        alert_id = str(delivery["recipient.alert"])
        if delivery["channel"] == DeliveryChannel.PUSH:
            # Nothing about the young person: a lock screen may be seen by anyone.
            return json.dumps({"alert_id": alert_id, "type": delivery["recipient.purpose"]})
        language = await people.language_of(
            contact_id=delivery["recipient.contact"], user_id=delivery["recipient.user"]
        )
        base = self.settings.base_url.rstrip("/")
        path = f"#/contact/alerts/{alert_id}" if delivery["recipient.contact"] else f"#/alerts/{alert_id}"
        text = w.EMAIL_CALL_999 if outbox.is_final_notice(delivery) else w.EMAIL_ALERT
        return translate(text, language, link=f"{base}/{path}")

    async def _subject(self, delivery: dict) -> str:
        language = await people.language_of(
            contact_id=delivery["recipient.contact"], user_id=delivery["recipient.user"]
        )
        return translate(w.EMAIL_SUBJECT, language)

    async def _send(self, delivery: dict, target: dict | None) -> Result:
        if target is None:
            return Result(False, permanent=True, gone=True, error="subscription removed")
        channel = self.channels[delivery["channel"]]
        # A push has no subject line (Web Push sends none): the reader's language, a
        # read of their details, is looked up for an email's only.
        push = delivery["channel"] == DeliveryChannel.PUSH
        subject = "" if push else await self._subject(delivery)
        return await channel.send(target, await self._message(delivery), subject, key=delivery["id"].hex)

    async def _timed_send(self, delivery: dict, target: dict | None) -> outbox.Sent:
        started, clock = clock_now(), time.monotonic()
        result = await self._send(delivery, target)
        return outbox.Sent(delivery, result, started, round((time.monotonic() - clock) * 1000))

    async def deliver_due(self, now: dt.datetime) -> int:
        claimed = await self.claim(now)
        if not claimed:
            return 0
        deliveries = await outbox.claimed(claimed)
        subscriptions = await people.targets(
            [
                d["subscription"]
                for d in deliveries
                if d["channel"] == DeliveryChannel.PUSH and d["subscription"]
            ]
        )
        targets = [
            subscriptions.get(d["subscription"])
            if d["channel"] == DeliveryChannel.PUSH
            else ({"email": decrypt(d["address"])} if d["address"] else None)
            for d in deliveries
        ]
        in_flight = {
            asyncio.ensure_future(self._timed_send(d, t)) for d, t in zip(deliveries, targets, strict=True)
        }
        while in_flight:
            done, in_flight = await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
            # Written as soon as they return, not with the batch: a crash now re-sends only
            # what is still in flight. Sends that returned meanwhile are written together.
            await outbox.record(
                [task.result() for task in done], self.id, clock_now(), escalation.move_on_if_nobody_left
            )
        return len(claimed)

    async def run_once(self) -> int:
        # The pushes first: a tap's push is what the worker was woken for, and waits for
        # no escalation query. An escalation's own pushes go in the next round, which
        # follows at once (this round was busy).
        now = clock_now()
        delivered = await self.deliver_due(now)
        return delivered + await self.escalate_due(now)

    async def _idle_seconds(self) -> float:
        if not self.bell.hears_other_processes:
            return IDLE_POLL_SECONDS
        now = clock_now()
        due = [when for when in (await outbox.next_due(now), await escalation.next_due(now)) if when]
        if not due:
            return IDLE_LISTENING_SECONDS
        return min(IDLE_LISTENING_SECONDS, max(0.0, (as_utc(min(due)) - now).total_seconds()))

    async def _beat(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await outbox.heartbeat(self.id, self.name, clock_now())
            except Exception:
                log.exception("heartbeat failed; trying again")
            try:
                await asyncio.wait_for(stop.wait(), outbox.HEARTBEAT.total_seconds())
            except TimeoutError:
                pass

    async def run(self, stop: asyncio.Event) -> None:
        """Until `stop` is set; finishes the batch in hand before returning."""
        await self.bell.start()
        beat_stop = asyncio.Event()
        beating = asyncio.create_task(self._beat(beat_stop))
        try:
            await outbox.forget_old_workers(clock_now())
            while not stop.is_set():
                try:
                    busy = await self.run_once()
                    idle = 0.0 if busy else await self._idle_seconds()
                except Exception:
                    log.exception("worker round failed; trying again")
                    idle = IDLE_POLL_SECONDS
                if idle:
                    waiters = [
                        asyncio.ensure_future(self.bell.wait(idle)),
                        asyncio.ensure_future(stop.wait()),
                    ]
                    await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
                    for waiter in waiters:
                        waiter.cancel()
        finally:
            beat_stop.set()
            await beating
            await outbox.sign_off(self.id)
            await self.bell.close()
            for channel in self.channels.values():
                close = getattr(channel, "close", None)
                if close:
                    await close()
