"""API tests can use the push service stand-in and the SMTP mailbox."""

import pytest

from tests.support.fixtures import (  # noqa: F401
    mailbox,
    push_service,
    push_service_controls_reset,
    starttls_mailbox,
    tls_mailbox,
)


@pytest.fixture
async def out_of_hours_now(world):
    """For alert tests that say nothing of the time: it is out of hours (a Saturday
    night), so the social worker's step is the council's duty rota, whatever the real
    time is when the tests run."""
    from tests.api.alerts_helpers import out_of_hours

    await out_of_hours(world)
