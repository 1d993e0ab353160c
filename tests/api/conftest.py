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


@pytest.fixture
def set_up_email(monkeypatch):
    """`set_up_email(box)`: email set up as an operator sets it (HOMEWARD_SMTP_*), to a
    test mailbox, for the app and the worker alike; put back after the test."""
    from backend.config import get_settings

    def use(box) -> None:
        settings = {"SMTP_HOST": box.host, "SMTP_PORT": str(box.port), "SMTP_SECURITY": box.security}
        if box.ca_file:
            settings["SMTP_CA_FILE"] = str(box.ca_file)
        for name, value in settings.items():
            monkeypatch.setenv(f"HOMEWARD_{name}", value)
        get_settings.cache_clear()

    yield use
    monkeypatch.undo()
    get_settings.cache_clear()
