"""Every call Homeward makes to the outside world: Web Push and email.

A channel never raises to its caller: it returns a Result saying whether the message
went, whether trying again could help, and whether the address is gone for good.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol
from urllib.parse import urlsplit

import aiohttp
import aiosmtplib
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver
from py_vapid import Vapid02
from pywebpush import WebPushException, webpush_async

from backend.config import Settings

PUSH_TTL_SECONDS = 4 * 3600  # a phone asleep for hours still gets it
MAX_PAYLOAD_BYTES = 3000

# The push services browsers subscribe with (the endpoint is chosen by the browser, so
# it is only as trustworthy as whoever sent it to us): Google's FCM (Chrome, Android,
# Samsung Internet), Mozilla's autopush (Firefox), Apple's web push (Safari) and
# Microsoft's WNS (Edge on Windows). Anything else would let a subscriber make this
# server send requests wherever they like.
PUSH_HOSTS = frozenset({"fcm.googleapis.com", "android.googleapis.com", "updates.push.services.mozilla.com"})
PUSH_HOST_SUFFIXES = (".push.services.mozilla.com", ".push.apple.com", ".notify.windows.com")
LOOPBACK_NAMES = frozenset({"localhost"})
# A Web Push Topic: at most 32 characters of the URL-safe base64 alphabet (RFC 8030).
TOPIC = re.compile(r"[A-Za-z0-9_-]{1,32}")


@dataclass(frozen=True)
class Result:
    ok: bool
    permanent: bool = False  # trying again will not help
    gone: bool = False  # the subscription or address no longer exists
    status: int | None = None
    error: str = ""
    retry_after: str | None = None  # the service's Retry-After header, when it sent one


class Channel(Protocol):
    name: str

    async def send(self, target: dict, payload: str, subject: str, key: str | None = None) -> Result:
        """`key` names the message the same way on every try (a Web Push Topic, an email's
        Message-ID), so a message sent twice after a crash can replace the first."""
        ...


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def push_endpoint_problem(endpoint: str, production: bool) -> str | None:
    """Why Homeward will not send to this push endpoint, or None if it may.

    Only https to a known push service; outside production also a push service
    stand-in on this machine (loopback, http or https), for tests and local trials."""
    try:
        parsed = urlsplit(endpoint)
        host = (parsed.hostname or "").lower()
        port = parsed.port
    except ValueError:
        return "not a web address"
    if not host or parsed.username is not None or parsed.password is not None:
        return "not a push service address"
    if not production and _is_loopback(host) and parsed.scheme in ("http", "https"):
        return None
    if parsed.scheme != "https":
        return "push services are reached over https only"
    if port not in (None, 443):
        return "push services use the standard https port"
    if host in PUSH_HOSTS or host.endswith(PUSH_HOST_SUFFIXES):
        return None
    return "not a known push service"


class RefusedAddress(OSError):
    """A push service's name resolved to an address Homeward must not call."""


class PushServiceResolver(AbstractResolver):
    """Resolves push service names, refusing private, loopback, link-local and other
    non-public addresses (loopback is allowed outside production, for the stand-in), so
    a name that points inside our network is never called."""

    def __init__(self, production: bool, inner: AbstractResolver | None = None):
        self.production = production
        self.inner = inner or DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self.inner.resolve(host, port, family)
        for result in results:
            address = ipaddress.ip_address(result["host"])
            if not (address.is_global or (address.is_loopback and not self.production)):
                raise RefusedAddress(f"{host} resolves to {address}, which is not a public address")
        return results

    async def close(self) -> None:
        await self.inner.close()


class EndpointRefused(aiohttp.ClientError):
    """A request (or a redirect) to somewhere that is not an allowed push service."""


class PushChannel:
    """Web Push with VAPID (aes128gcm). `Urgency: high` so Android wakes the phone now."""

    name = "push"

    def __init__(self, settings: Settings):
        self.settings = settings
        self.vapid = Vapid02.from_file(str(settings.vapid_private_key_file))
        self.session: aiohttp.ClientSession | None = None

    async def _session(self) -> aiohttp.ClientSession:
        if self.session is None or self.session.closed:
            production = self.settings.production

            async def allowed_hops_only(request, handler):
                # Runs for every request, redirects included: a push service that
                # answers "go over there" cannot send us somewhere else.
                problem = push_endpoint_problem(str(request.url), production)
                if problem:
                    raise EndpointRefused(f"refused {request.url.host}: {problem}")
                return await handler(request)

            self.session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.settings.push_timeout_seconds),
                connector=aiohttp.TCPConnector(resolver=PushServiceResolver(production)),
                middlewares=(allowed_hops_only,),
            )
        return self.session

    async def send(self, target: dict, payload: str, subject: str, key: str | None = None) -> Result:
        if len(payload.encode()) > MAX_PAYLOAD_BYTES:
            return Result(False, permanent=True, error="payload too large")
        # Checked again here, not only when the phone subscribed: rows saved before a
        # rule changed, or a change of mode, must not reach somewhere they shouldn't.
        problem = push_endpoint_problem(str(target.get("endpoint", "")), self.settings.production)
        if problem:
            return Result(False, permanent=True, gone=True, error=f"push endpoint refused: {problem}")
        try:
            response = await webpush_async(
                subscription_info=target,
                data=payload,
                vapid_private_key=self.vapid,
                # pywebpush adds aud/exp to this dict: a fresh one per send.
                vapid_claims={"sub": self.settings.vapid_subject},
                ttl=PUSH_TTL_SECONDS,
                # A push service replaces a message it still holds (the phone asleep) with
                # a newer one of the same Topic: a re-send after a crash arrives once.
                headers={"Urgency": "high", **({"Topic": key} if key and TOPIC.fullmatch(key) else {})},
                aiohttp_session=await self._session(),
            )
        except EndpointRefused as exc:
            return Result(False, permanent=True, gone=True, error=str(exc)[:200])
        except aiohttp.ClientConnectorError as exc:
            if isinstance(exc.os_error, RefusedAddress):
                return Result(False, permanent=True, gone=True, error=str(exc.os_error)[:200])
            return Result(False, error=f"{type(exc).__name__}: {exc}"[:200])
        except WebPushException as exc:
            status = getattr(exc.response, "status", None)
            if status in (404, 410):
                return Result(False, permanent=True, gone=True, status=status, error="gone")
            if status == 429 or (status is not None and status >= 500):
                # 429 and 503 may say when to come back; the outbox honours it.
                return Result(
                    False,
                    status=status,
                    error=f"push service answered {status}",
                    retry_after=exc.retry_after if status in (429, 503) else None,
                )
            return Result(False, permanent=status is not None, status=status, error=str(exc)[:200])
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            return Result(False, error=f"{type(exc).__name__}: {exc}"[:200])
        return Result(True, status=getattr(response, "status", None))

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()


class EmailChannel:
    """SMTP over TLS: STARTTLS (required: no plain-text fallback), implicit TLS, or
    (outside production only) none, for a demo or test mailbox on this machine."""

    name = "email"

    def __init__(self, settings: Settings):
        self.settings = settings

    def _message(self, address: str, body: str, subject: str, key: str | None = None) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.settings.smtp_from
        message["To"] = address
        message["Subject"] = subject
        if key and TOPIC.fullmatch(key):
            # The same Message-ID on a re-send: mail programs show one message.
            domain = self.settings.smtp_from.rpartition("@")[2] or "homeward.invalid"
            message["Message-ID"] = f"<{key}@{domain}>"
        message.set_content(body)
        return message

    def _tls_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.settings.smtp_ca_file or None)

    async def _conversation(self, message: EmailMessage) -> Result | None:
        """One SMTP conversation; a Result when it stopped short on purpose."""
        settings = self.settings
        security = settings.smtp_security
        if security == "none" and settings.production:
            return Result(False, permanent=True, error="HOMEWARD_SMTP_SECURITY=none is refused in production")
        context = self._tls_context() if security in ("starttls", "tls") else None
        client = aiosmtplib.SMTP(
            hostname=settings.smtp_host,
            port=settings.smtp_port,
            timeout=settings.smtp_timeout_seconds,
            use_tls=security == "tls",
            start_tls=False,  # never aiosmtplib's "if offered": we decide below
            tls_context=context if security == "tls" else None,
        )
        await client.connect()
        try:
            if security == "starttls":
                await client.ehlo()
                if not client.supports_extension("starttls"):
                    # Sending anyway would put the alert and the address on the wire in
                    # plain text; the server will not start offering it on a retry.
                    return Result(
                        False,
                        permanent=True,
                        error="the mail server does not offer STARTTLS, so nothing was sent",
                    )
                await client.starttls(tls_context=context)
            if settings.smtp_username:
                await client.login(settings.smtp_username, settings.smtp_password)
            await client.send_message(message)
        finally:
            try:
                await client.quit()
            except (aiosmtplib.SMTPException, OSError):
                client.close()
        return None

    async def send(self, target: dict, payload: str, subject: str, key: str | None = None) -> Result:
        if not self.settings.smtp_host:
            return Result(False, permanent=True, error="email is not set up")
        message = self._message(target["email"], payload, subject, key)
        try:
            async with asyncio.timeout(self.settings.smtp_timeout_seconds):
                stopped = await self._conversation(message)
        except (aiosmtplib.SMTPRecipientsRefused, aiosmtplib.SMTPRecipientRefused):
            return Result(False, permanent=True, gone=True, error="address refused")
        except (aiosmtplib.SMTPException, OSError, TimeoutError, ssl.SSLError) as exc:
            return Result(False, error=f"{type(exc).__name__}: {exc}"[:200])
        return stopped or Result(True)
