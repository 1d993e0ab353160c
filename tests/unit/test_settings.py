"""Settings: production refuses to start with unsafe ones; development makes what it
needs and keeps it."""

from __future__ import annotations

import stat

import pytest
from cryptography.fernet import Fernet

from backend.config import SettingsError, load_settings

GOOD_KEY = "k9P2vQ7mW4tZ8rL1nB6cX3yH5jF0gD2sA7eUq4Rw"
DATA_KEY = Fernet.generate_key().decode()


@pytest.fixture
def env(monkeypatch, tmp_path):
    """A clean HOMEWARD_* environment with its own data folder."""
    for name in (
        "MODE",
        "SECRET_KEY",
        "DATA_KEYS",
        "BASE_URL",
        "DATABASE_URL",
        "TRUSTED_PROXY_COUNT",
        "TRUST_FORWARDED_FOR",
        "DEVICE_SESSION_IDLE_DAYS",
    ):
        monkeypatch.delenv(f"HOMEWARD_{name}", raising=False)
    monkeypatch.setenv("HOMEWARD_DATA_DIR", str(tmp_path / "data"))

    def set_env(**values):
        for name, value in values.items():
            monkeypatch.setenv(f"HOMEWARD_{name.upper()}", value)

    return set_env


def production(env, **values):
    env(mode="production", secret_key=GOOD_KEY, data_keys=DATA_KEY, base_url="https://homeward.example.org")
    env(**values)


def test_production_starts_with_a_random_key_and_an_https_address(env):
    production(env)
    settings = load_settings()
    assert settings.production
    assert settings.secret_key == GOOD_KEY
    assert settings.https


def test_production_refuses_a_missing_secret_key(env, monkeypatch):
    production(env)
    monkeypatch.delenv("HOMEWARD_SECRET_KEY")
    with pytest.raises(SettingsError, match="HOMEWARD_SECRET_KEY"):
        load_settings()


def test_production_refuses_a_short_secret_key(env):
    production(env, secret_key=GOOD_KEY[:31])
    with pytest.raises(SettingsError, match="HOMEWARD_SECRET_KEY"):
        load_settings()


@pytest.mark.parametrize(
    "key",
    [
        "change-me-" + GOOD_KEY,
        "CHANGEME" + GOOD_KEY,
        "demo" + GOOD_KEY,
        "secret-" + GOOD_KEY,
        "example" + GOOD_KEY,
        "ab" * 20,
        "x" * 40,
    ],
)
def test_production_refuses_a_placeholder_secret_key(env, key):
    production(env, secret_key=key)
    with pytest.raises(SettingsError, match="HOMEWARD_SECRET_KEY"):
        load_settings()


def test_production_accepts_a_random_key_that_happens_to_contain_a_word(env):
    # secrets.token_urlsafe(48) contains "demo" about once in 4,000 keys: that is no placeholder.
    production(env, secret_key=GOOD_KEY[:20] + "demo" + GOOD_KEY[20:])
    assert load_settings().production


def test_production_refuses_to_start_without_data_keys(env, monkeypatch):
    production(env)
    monkeypatch.delenv("HOMEWARD_DATA_KEYS")
    with pytest.raises(SettingsError, match="HOMEWARD_DATA_KEYS"):
        load_settings()


def test_production_refuses_an_http_address(env):
    production(env, base_url="http://homeward.example.org")
    with pytest.raises(SettingsError, match="HOMEWARD_BASE_URL"):
        load_settings()


def test_unknown_mode_and_unreadable_numbers_are_refused(env):
    env(mode="staging")
    with pytest.raises(SettingsError, match="HOMEWARD_MODE"):
        load_settings()
    env(mode="development", session_idle_minutes="fifteen")
    with pytest.raises(SettingsError, match="HOMEWARD_SESSION_IDLE_MINUTES"):
        load_settings()


def test_development_makes_a_secret_key_in_the_data_folder_and_keeps_it(env, tmp_path):
    first = load_settings()
    key_file = tmp_path / "data" / "development_secret_key"
    assert first.secret_key == key_file.read_text().strip()
    assert len(first.secret_key) >= 32
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert load_settings().secret_key == first.secret_key  # a restart keeps sessions working


def test_each_development_installation_gets_its_own_key(env, tmp_path):
    first = load_settings().secret_key
    env(data_dir=str(tmp_path / "other"))
    assert load_settings().secret_key != first


def test_development_uses_a_given_key_and_writes_none(env, tmp_path):
    env(secret_key=GOOD_KEY)
    assert load_settings().secret_key == GOOD_KEY
    assert not (tmp_path / "data" / "development_secret_key").exists()


def test_database_defaults_to_sqlite_in_the_data_folder(env, tmp_path):
    settings = load_settings()
    assert settings.is_sqlite
    assert settings.database_url == f"sqlite:///{tmp_path / 'data' / 'homeward.sqlite3'}"
    assert settings.data_dir == (tmp_path / "data").resolve()


def test_smtp_security_defaults_to_starttls(env, monkeypatch):
    monkeypatch.delenv("HOMEWARD_SMTP_SECURITY", raising=False)
    assert load_settings().smtp_security == "starttls"
    production(env)
    assert load_settings().smtp_security == "starttls"


def test_production_refuses_plain_text_email(env):
    production(env, smtp_security="none")
    with pytest.raises(SettingsError, match="HOMEWARD_SMTP_SECURITY"):
        load_settings()


def test_development_allows_plain_text_email_for_a_test_mailbox(env):
    env(smtp_security="none")
    assert load_settings().smtp_security == "none"


@pytest.mark.parametrize("mode", ["development", "production"])
def test_an_unknown_smtp_security_is_refused(env, mode):
    production(env, mode=mode, smtp_security="ssl")
    with pytest.raises(SettingsError, match="HOMEWARD_SMTP_SECURITY"):
        load_settings()


def test_client_addresses_come_from_the_socket_unless_proxies_are_counted(env):
    assert load_settings().trusted_proxy_count == 0
    env(trusted_proxy_count="2")
    assert load_settings().trusted_proxy_count == 2


@pytest.mark.parametrize("value", ["-1", "two", "true"])
def test_a_proxy_count_that_is_not_a_whole_number_of_zero_or_more_is_refused(env, value):
    env(trusted_proxy_count=value)
    with pytest.raises(SettingsError, match="HOMEWARD_TRUSTED_PROXY_COUNT"):
        load_settings()


def test_the_old_forwarded_for_switch_is_refused_with_what_to_set_instead(env):
    # Ignoring it quietly would throttle everyone behind the proxy as one address.
    env(trust_forwarded_for="true")
    with pytest.raises(SettingsError, match="HOMEWARD_TRUSTED_PROXY_COUNT"):
        load_settings()


def test_phones_are_signed_out_after_90_days_unused_unless_set_otherwise(env):
    assert load_settings().device_session_idle_days == 90
    env(device_session_idle_days="30")
    assert load_settings().device_session_idle_days == 30
    env(device_session_idle_days="0")
    with pytest.raises(SettingsError, match="HOMEWARD_DEVICE_SESSION_IDLE_DAYS"):
        load_settings()
