"""API tests can use the push service stand-in and the SMTP mailbox."""

from tests.support.fixtures import (  # noqa: F401
    mailbox,
    push_service,
    push_service_controls_reset,
    starttls_mailbox,
    tls_mailbox,
)
