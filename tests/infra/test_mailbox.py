"""The mailbox: a real SMTP server that keeps what it is sent."""

from __future__ import annotations

import asyncio
import smtplib
import threading
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.infra.sockets import listening_addresses
from tests.support.mailbox import Mailbox


def letter(to: str = "priya@example.org", subject: str = "Homeward: Jade needs you") -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Homeward <alerts@homeward.test>"
    message["To"] = to
    message["Subject"] = subject
    message.set_content("Open Homeward to see the alert.\nNothing else is in this email. ✓")
    return message


def post(mailbox: Mailbox, message: EmailMessage, **options) -> None:
    with smtplib.SMTP(mailbox.host, mailbox.port, timeout=5) as smtp:
        smtp.send_message(message, **options)


def test_message_sent_with_smtplib_is_read_back(mailbox):
    message = letter(subject="Homeward: Zoë needs you")
    post(mailbox, message, to_addrs=["priya@example.org", "duty@example.org"])

    [received] = mailbox.wait_for(1, timeout=5)

    assert isinstance(received, EmailMessage)
    assert received["Subject"] == "Homeward: Zoë needs you"
    assert received["To"] == "priya@example.org"
    assert received.get_content() == "Open Homeward to see the alert.\nNothing else is in this email. ✓\n"
    assert received["X-MailFrom"] == "alerts@homeward.test"
    assert received["X-RcptTo"] == "priya@example.org, duty@example.org"


def test_each_test_starts_with_an_empty_mailbox(mailbox):
    assert mailbox.messages() == []


def test_clear_forgets_messages(mailbox):
    post(mailbox, letter())
    mailbox.wait_for(1)

    mailbox.clear()

    assert mailbox.messages() == []


def test_wait_for_times_out_with_what_it_has(mailbox):
    post(mailbox, letter())
    with pytest.raises(TimeoutError, match="wanted 2 message"):
        mailbox.wait_for(2, timeout=0.2)


def test_wait_for_async_sees_a_message_sent_meanwhile(mailbox):
    sender = threading.Timer(0.1, post, args=(mailbox, letter()))
    sender.start()
    try:
        messages = asyncio.run(mailbox.wait_for_async(1, timeout=5))
    finally:
        sender.join()
    assert [message["To"] for message in messages] == ["priya@example.org"]


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads /proc/net/tcp (Linux)")
def test_mailbox_listens_on_loopback_only(mailbox):
    assert listening_addresses(mailbox.port) == {"127.0.0.1"}


def test_stopped_mailbox_frees_its_port():
    with Mailbox() as box:
        port = box.port
        assert port != 0
    with pytest.raises(ConnectionRefusedError):
        smtplib.SMTP("127.0.0.1", port, timeout=2)
