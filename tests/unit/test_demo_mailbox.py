"""`homeward serve` runs a demo mailbox only when Homeward is being tried out: not in
production, not when an SMTP server is set, not when turned off."""

import pytest

from backend.cli import demo_mailbox
from backend.config import SettingsError, load_settings


def test_serve_points_email_at_a_demo_mailbox_on_this_machine():
    environ: dict[str, str] = {}
    demo_mailbox(environ)
    assert environ["HOMEWARD_DEMO_MAILBOX"] == "1"
    assert environ["HOMEWARD_SMTP_HOST"] == "127.0.0.1"
    assert environ["HOMEWARD_SMTP_SECURITY"] == "none"
    assert int(environ["HOMEWARD_SMTP_PORT"]) > 0


@pytest.mark.parametrize(
    "environ",
    [
        {"HOMEWARD_MODE": "production"},
        {"HOMEWARD_SMTP_HOST": "smtp.council.example"},
        {"HOMEWARD_DEMO_MAILBOX": "0"},
    ],
)
def test_no_demo_mailbox_for_real_use_or_when_turned_off(environ):
    before = dict(environ)
    demo_mailbox(environ)
    assert environ == before


def test_production_refuses_a_demo_mailbox(monkeypatch, tmp_path):
    for name, value in {
        "MODE": "production",
        "SECRET_KEY": "kq8Zr1xV0pL3nB7tY5wE2uI9oA6sD4fG-hJ",
        "DATA_KEYS": "a" * 43 + "=",
        "BASE_URL": "https://homeward.example.org",
        "DEMO_MAILBOX": "1",
        "DATA_DIR": str(tmp_path),
    }.items():
        monkeypatch.setenv(f"HOMEWARD_{name}", value)
    with pytest.raises(SettingsError, match="DEMO_MAILBOX"):
        load_settings()
