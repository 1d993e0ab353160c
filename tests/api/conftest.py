"""API tests can use the push service stand-in and the SMTP mailbox."""

from tests.support.fixtures import mailbox, push_service, push_service_controls_reset  # noqa: F401
