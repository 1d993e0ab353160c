"""Every call Homeward makes to the outside world: Web Push and email.

A channel never raises to its caller: it returns a Result saying whether the message
went, whether trying again could help, and whether the address is gone for good.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol

import aiohttp
import anyio.to_thread
from py_vapid import Vapid02
from pywebpush import WebPushException, webpush_async

from backend.config import Settings

PUSH_TTL_SECONDS = 4 * 3600  # a phone asleep for hours still gets it
MAX_PAYLOAD_BYTES = 3000


@dataclass(frozen=True)
class Result:
    ok: bool
    permanent: bool = False  # trying again will not help
    gone: bool = False  # the subscription or address no longer exists
    status: int | None = None
    error: str = ""


class Channel(Protocol):
    name: str

    async def send(self, target: dict, payload: str, subject: str) -> Result: ...


class PushChannel:
    """Web Push with VAPID (aes128gcm). `Urgency: high` so Android wakes the phone now."""

    name = "push"

    def __init__(self, settings: Settings):
        self.settings = settings
        self.vapid = Vapid02.from_file(str(settings.vapid_private_key_file))
        self.session: aiohttp.ClientSession | None = None

    async def _session(self) -> aiohttp.ClientSession:
        if self.session is None or self.session.closed:
            self.session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.settings.push_timeout_seconds)
            )
        return self.session

    async def send(self, target: dict, payload: str, subject: str) -> Result:
        if len(payload.encode()) > MAX_PAYLOAD_BYTES:
            return Result(False, permanent=True, error="payload too large")
        try:
            response = await webpush_async(
                subscription_info=target,
                data=payload,
                vapid_private_key=self.vapid,
                # pywebpush adds aud/exp to this dict: a fresh one per send.
                vapid_claims={"sub": self.settings.vapid_subject},
                ttl=PUSH_TTL_SECONDS,
                headers={"Urgency": "high"},
                aiohttp_session=await self._session(),
            )
        except WebPushException as exc:
            status = getattr(exc.response, "status", None)
            if status in (404, 410):
                return Result(False, permanent=True, gone=True, status=status, error="gone")
            if status == 429 or (status is not None and status >= 500):
                return Result(False, status=status, error=f"push service answered {status}")
            return Result(False, permanent=status is not None, status=status, error=str(exc)[:200])
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            return Result(False, error=f"{type(exc).__name__}: {exc}"[:200])
        return Result(True, status=getattr(response, "status", None))

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()


class EmailChannel:
    """Plain SMTP (STARTTLS when the server offers it), run in a thread with a time-out."""

    name = "email"

    def __init__(self, settings: Settings):
        self.settings = settings

    def _send_blocking(self, address: str, body: str, subject: str) -> None:
        message = EmailMessage()
        message["From"] = self.settings.smtp_from
        message["To"] = address
        message["Subject"] = subject
        message.set_content(body)
        with smtplib.SMTP(
            self.settings.smtp_host, self.settings.smtp_port, timeout=self.settings.smtp_timeout_seconds
        ) as smtp:
            smtp.ehlo()
            if smtp.has_extn("starttls"):
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if self.settings.smtp_username:
                smtp.login(self.settings.smtp_username, self.settings.smtp_password)
            smtp.send_message(message)

    async def send(self, target: dict, payload: str, subject: str) -> Result:
        if not self.settings.smtp_host:
            return Result(False, permanent=True, error="email is not set up")
        try:
            await anyio.to_thread.run_sync(self._send_blocking, target["email"], payload, subject)
        except smtplib.SMTPRecipientsRefused:
            return Result(False, permanent=True, gone=True, error="address refused")
        except (smtplib.SMTPException, OSError) as exc:
            return Result(False, error=f"{type(exc).__name__}: {exc}"[:200])
        return Result(True)
