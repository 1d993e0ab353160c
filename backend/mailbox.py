"""The demo mailbox: when Homeward is tried out on one computer, what it emails is kept
here (an SMTP server on 127.0.0.1, in a thread of `homeward serve`) and read at
#/mailbox, so emailed invites and the email fallback can be seen working.

Development only (`HOMEWARD_DEMO_MAILBOX`, refused in production). Messages are files
in `<data dir>/demo-mailbox`, so every app process reads the same ones.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid
from email.parser import BytesParser
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import msgspec
from litestar import get

from backend.config import get_settings, private_folder
from backend.errors import NotFound
from backend.i18n import N_

KEEP = 200  # the newest messages shown; older ones are deleted
NO_MAILBOX = N_("There is no demo mailbox here.")


class MailOut(msgspec.Struct):
    id: str
    at: dt.datetime
    to: str
    subject: str
    body: str


def folder() -> Path:
    return get_settings().data_dir / "demo-mailbox"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


class _Keep:
    """aiosmtpd handler: each message becomes one file."""

    def __init__(self, where: Path):
        self.where = where

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        private_folder(self.where)
        name = f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}.eml"
        temporary = self.where / f".{name}"
        temporary.write_bytes(envelope.original_content or envelope.content)
        os.replace(temporary, self.where / name)
        for old in sorted(self.where.glob("*.eml"))[:-KEEP]:
            old.unlink(missing_ok=True)
        return "250 Message accepted for delivery"


def start(where: Path, port: int, host: str = "127.0.0.1") -> Any:
    """Run the SMTP server in its own thread; returns its controller (call .stop())."""
    from aiosmtpd.controller import Controller  # only outside production, only here

    controller = Controller(_Keep(where), hostname=host, port=port)
    controller.start()
    return controller


def messages(where: Path) -> list[MailOut]:
    """What the mailbox holds, newest first."""
    if not where.is_dir():
        return []
    found = []
    for path in sorted(where.glob("*.eml"), reverse=True)[:KEEP]:
        message = BytesParser(policy=default_policy).parsebytes(path.read_bytes())
        body = message.get_body(preferencelist=("plain",))
        stamp = path.name.split("-", 1)[0]
        found.append(
            MailOut(
                id=path.stem,
                at=dt.datetime.strptime(stamp, "%Y%m%dT%H%M%S%f").replace(tzinfo=dt.UTC),
                to=str(message.get("To", "")),
                subject=str(message.get("Subject", "")),
                body=body.get_content() if body is not None else "",
            )
        )
    return found


@get("/api/demo/mailbox", tags=["demo"])
async def demo_mailbox() -> list[MailOut]:
    """What Homeward emailed while being tried out (development only; 404 otherwise)."""
    if not get_settings().demo_mailbox or get_settings().production:
        raise NotFound(NO_MAILBOX)
    return messages(folder())
