"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, in its own thread, keeping what it gets.

Messages are parsed with ``email.policy.default`` into ``EmailMessage`` objects, line
ends turned from the wire's CRLF into "\n". The envelope is added the way aiosmtpd's own
handlers do it, as ``X-MailFrom`` and ``X-RcptTo`` headers, so Bcc recipients can be
checked too.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy

from aiosmtpd.controller import Controller

# aiosmtpd logs every connection at INFO; a failing test's captured log drowns in it.
logging.getLogger("mail.log").setLevel(logging.WARNING)


class _Collector:
    """aiosmtpd handler: parse each message and hand it to the mailbox."""

    def __init__(self, mailbox: Mailbox) -> None:
        self._mailbox = mailbox

    async def handle_DATA(self, server, session, envelope) -> str:
        # SMTP carries CRLF line ends; Python's email package works in "\n".
        content = envelope.original_content.replace(b"\r\n", b"\n")
        message = BytesParser(policy=default_policy).parsebytes(content)
        message["X-MailFrom"] = envelope.mail_from
        message["X-RcptTo"] = ", ".join(envelope.rcpt_tos)
        self._mailbox._add(message)
        return "250 OK"


class _Controller(Controller):
    """Controller that learns the port the OS chose when asked for port 0."""

    def _trigger_server(self) -> None:
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class Mailbox:
    """An SMTP server on 127.0.0.1 (port 0 = a free one) keeping every message it accepts."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.port = port
        self._messages: list[EmailMessage] = []
        self._arrived = threading.Condition()
        self._controller: Controller | None = None

    def start(self) -> Mailbox:
        """Start the server thread; return self."""
        if self._controller is not None:
            raise RuntimeError("mailbox already started")
        # A fixed hostname: the default is socket.getfqdn(), a DNS lookup that can stall.
        controller = _Controller(_Collector(self), hostname=self.host, port=self.port,
                                 server_hostname="mailbox.test", ready_timeout=10.0)
        controller.start()
        self._controller = controller
        self.port = controller.port
        return self

    def stop(self) -> None:
        """Stop the server and its thread."""
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    def __enter__(self) -> Mailbox:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def messages(self) -> list[EmailMessage]:
        """Messages received so far, oldest first (a copy of the list)."""
        with self._arrived:
            return list(self._messages)

    def clear(self) -> None:
        """Forget every message received so far."""
        with self._arrived:
            self._messages.clear()

    def wait_for(self, count: int, timeout: float = 5.0) -> list[EmailMessage]:
        """Block until at least ``count`` messages are here; return them all.

        Blocks the calling thread: in an async test whose code sends mail on the same event
        loop, use ``await wait_for_async(...)`` instead, or the send never happens.
        """
        with self._arrived:
            if not self._arrived.wait_for(lambda: len(self._messages) >= count, timeout):
                raise TimeoutError(self._timeout_message(count, timeout))
            return list(self._messages)

    async def wait_for_async(self, count: int, timeout: float = 5.0) -> list[EmailMessage]:
        """Like ``wait_for`` but yields to the event loop while waiting."""
        deadline = time.monotonic() + timeout
        while True:
            with self._arrived:
                if len(self._messages) >= count:
                    return list(self._messages)
            if time.monotonic() >= deadline:
                raise TimeoutError(self._timeout_message(count, timeout))
            await asyncio.sleep(0.01)

    def _timeout_message(self, count: int, timeout: float) -> str:
        return f"wanted {count} message(s) within {timeout} s; have {len(self._messages)}"

    def _add(self, message: EmailMessage) -> None:
        with self._arrived:
            self._messages.append(message)
            self._arrived.notify_all()
