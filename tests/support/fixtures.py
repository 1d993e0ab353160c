"""Pytest fixtures for the push service stand-in and the mailbox.

Use from a conftest::

    from tests.support.fixtures import mailbox, push_service  # noqa: F401

and add ``push_service_controls_reset`` to that import to undo ``fail_next``/``delay``
after every test that used ``push_service``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.mailbox import Mailbox
from tests.support.pushservice import PushService

_MAILBOXES = pytest.StashKey[dict]()


@pytest.fixture(scope="session")
def push_service() -> Iterator[PushService]:
    """One stand-in (one node process) for the whole run.

    Shared by every test: subscriptions are per test anyway, but queued failures and a
    delay are not. Import ``push_service_controls_reset`` too, or call ``reset()`` at the
    end of a test that used ``fail_next`` or ``delay``.
    """
    with PushService() as service:
        yield service


def _mailbox(request: pytest.FixtureRequest, security: str) -> Mailbox:
    config = request.config
    boxes = config.stash.setdefault(_MAILBOXES, {})
    box = boxes.get(security)
    if box is None:
        box = boxes[security] = Mailbox(security=security).start()
        config.add_cleanup(box.stop)
    box.clear()
    return box


@pytest.fixture
def mailbox(request: pytest.FixtureRequest) -> Mailbox:
    """An empty mailbox for each test; one SMTP server (and port) for the whole run.

    The port stays the same all run, so settings read once at start-up can name it.
    Plain SMTP, with no TLS: for a client it is `HOMEWARD_SMTP_SECURITY=none`.
    """
    return _mailbox(request, "none")


@pytest.fixture
def starttls_mailbox(request: pytest.FixtureRequest) -> Mailbox:
    """Like `mailbox`, but it offers STARTTLS with a self-signed certificate (`ca_file`)."""
    return _mailbox(request, "starttls")


@pytest.fixture
def tls_mailbox(request: pytest.FixtureRequest) -> Mailbox:
    """Like `mailbox`, but TLS from the first byte (implicit TLS), certificate in `ca_file`."""
    return _mailbox(request, "tls")


@pytest.fixture(autouse=True)
def push_service_controls_reset(request: pytest.FixtureRequest) -> Iterator[None]:
    """Opt-in by importing: after each test that used ``push_service``, undo its controls.

    Autouse, but it starts nothing: tests that do not ask for ``push_service`` skip it.
    """
    yield
    if "push_service" in request.fixturenames:
        request.getfixturevalue("push_service").reset()
