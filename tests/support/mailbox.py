"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, in its own thread, keeping what it gets.

Messages are parsed with ``email.policy.default`` into ``EmailMessage`` objects, line
ends turned from the wire's CRLF into "\n". The envelope is added the way aiosmtpd's own
handlers do it, as ``X-MailFrom`` and ``X-RcptTo`` headers, so Bcc recipients can be
checked too.

``Mailbox(security="starttls")`` offers STARTTLS (and ``"tls"`` speaks TLS from the first
byte) with a self-signed certificate for 127.0.0.1 made for this run; ``ca_file`` names
it, for a client to trust. Each message records whether it came over TLS
(``X-Came-Over-TLS``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import logging
import ssl
import tempfile
import threading
import time
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy
from pathlib import Path

from aiosmtpd.controller import Controller
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

SECURITY = ("none", "starttls", "tls")


def self_signed_certificate(folder: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """A certificate for `host` (and localhost) that signs itself: (cert file, key file)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Homeward test mailbox")])
    now = dt.datetime.now(dt.UTC)
    public = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address(host)), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "mailbox.crt", folder / "mailbox.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_file, key_file


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
        over_tls = session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None
        message["X-Came-Over-TLS"] = "yes" if over_tls else "no"
        self._mailbox._add(message)
        return "250 OK"


class _Controller(Controller):
    """Controller that learns the port the OS chose when asked for port 0."""

    def _trigger_server(self) -> None:
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class Mailbox:
    """An SMTP server on 127.0.0.1 (port 0 = a free one) keeping every message it accepts."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, security: str = "none") -> None:
        if security not in SECURITY:
            raise ValueError(f"security must be one of {SECURITY}")
        self.host = host
        self.port = port
        self.security = security
        self.ca_file: str = ""
        self._folder: tempfile.TemporaryDirectory | None = None
        self._messages: list[EmailMessage] = []
        self._arrived = threading.Condition()
        self._controller: Controller | None = None

    def _server_tls(self) -> ssl.SSLContext:
        self._folder = tempfile.TemporaryDirectory(prefix="homeward-mailbox-")
        cert_file, key_file = self_signed_certificate(Path(self._folder.name), self.host)
        self.ca_file = str(cert_file)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert_file, key_file)
        return context

    def start(self) -> Mailbox:
        """Start the server thread; return self."""
        if self._controller is not None:
            raise RuntimeError("mailbox already started")
        options: dict = {}
        if self.security == "starttls":
            options["tls_context"] = self._server_tls()
        elif self.security == "tls":
            options["ssl_context"] = self._server_tls()
        # A fixed hostname: the default is socket.getfqdn(), a DNS lookup that can stall.
        controller = _Controller(
            _Collector(self),
            hostname=self.host,
            port=self.port,
            server_hostname="mailbox.test",
            ready_timeout=10.0,
            **options,
        )
        controller.start()
        self._controller = controller
        self.port = controller.port
        return self

    def stop(self) -> None:
        """Stop the server and its thread."""
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()
        folder, self._folder = self._folder, None
        if folder is not None:
            folder.cleanup()

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
