"""Settings, read once from HOMEWARD_* environment variables."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

PLACEHOLDER_MARKERS = ("demo", "change-me", "changeme", "secret", "example")
SMTP_SECURITY = ("starttls", "tls", "none")


class SettingsError(RuntimeError):
    """The settings are unsafe or incomplete; Homeward refuses to start."""


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(f"HOMEWARD_{name}")
    return value if value not in (None, "") else default


@dataclass(frozen=True)
class Settings:
    mode: str = "development"
    """`development` (default: demo data allowed) or `production` (refuses unsafe settings)."""
    data_dir: Path = Path("data")
    """Folder for the SQLite file, the development secret key and VAPID keys."""
    database_url: str = ""
    """`sqlite:////abs/path.sqlite3` or `postgresql://user@host:port/db`."""
    secret_key: str = ""
    """Key for encrypting second-factor secrets; required in production."""
    data_keys: str = field(default="", repr=False)
    """Comma-separated Fernet keys for sensitive fields, newest first (`homeward new-data-key`);
    empty derives one from the secret key (development only)."""
    base_url: str = "http://127.0.0.1:8000"
    """Public address of Homeward, used in invite links and to decide on HSTS."""
    vapid_private_key_file: Path | None = None
    """PEM file holding the VAPID private key (made by `homeward vapid-keys`)."""
    vapid_subject: str = "mailto:homeward@localhost"
    """VAPID `sub` claim: a mailto: or https: address for the push services."""
    smtp_host: str = ""
    """SMTP server for email fallback; empty turns email off."""
    smtp_port: int = 587
    """SMTP port."""
    smtp_username: str = ""
    """SMTP user name."""
    smtp_password: str = field(default="", repr=False)
    """SMTP password."""
    smtp_from: str = "homeward@localhost"
    """From address of emails Homeward sends."""
    smtp_timeout_seconds: float = 10.0
    """Time-out for one SMTP conversation."""
    smtp_security: str = "starttls"
    """`starttls` (refuse to send if the server does not offer it), `tls` (implicit TLS,
    usually port 465) or `none` (plain text: outside production only)."""
    smtp_ca_file: str = ""
    """PEM file of certificate authorities to trust for the SMTP server; empty: the system's."""
    push_timeout_seconds: float = 10.0
    """Time-out for one request to a push service."""
    session_idle_minutes: int = 15
    """Professionals are signed out after this long without activity."""
    session_absolute_hours: int = 8
    """Professionals are signed out this long after signing in, whatever they do."""
    invite_ttl_hours: int = 72
    """How long an invite code works."""
    sign_in_link_minutes: int = 120
    """How long a new sign-in link (a forgotten PIN, a lost phone, a reset) works."""
    demo_mailbox: bool = False
    """Development only: keep what Homeward emails in a mailbox on this machine, read at
    #/mailbox (`homeward serve` turns it on when no SMTP server is set)."""
    login_window_minutes: int = 15
    """Window in which failed sign-ins are counted."""
    login_max_failures_per_account: int = 5
    """Failed sign-ins on one account within the window before it is throttled."""
    login_max_failures_per_address: int = 20
    """Failed sign-ins from one address within the window before it is throttled."""
    trusted_proxy_count: int = 0
    """How many proxies of yours stand in front of Homeward, each adding to X-Forwarded-For;
    0 uses the address that connected."""
    device_session_idle_days: int = 90
    """Young people and carers are signed out of a phone not used for this many days."""
    invite_max_tries_per_address: int = 30
    """Invite look-ups and joins from one address within the sign-in window before it is throttled."""
    invite_max_tries_per_invite: int = 12
    """Look-ups and joins with one invite within the sign-in window before it is throttled."""
    in_process_worker: bool = True
    """Send alerts from a worker inside each app process (off when `homeward worker` runs apart)."""
    max_request_bytes: int = 1_048_576
    """Largest request body accepted."""
    pg_pool_min: int = 1
    """PostgreSQL pool: fewest connections kept open per process."""
    pg_pool_max: int = 10
    """PostgreSQL pool: most connections per process."""

    @property
    def production(self) -> bool:
        return self.mode == "production"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite:")

    @property
    def https(self) -> bool:
        return self.base_url.startswith("https://")


def _coerce(kind: type | str, raw: str):
    kind = str(kind)
    if "bool" in kind:
        return raw.lower() in ("1", "true", "yes", "on")
    if "int" in kind:
        return int(raw)
    if "float" in kind:
        return float(raw)
    if "Path" in kind:
        return Path(raw)
    return raw


def load_settings() -> Settings:
    """Build settings from the environment and check they are safe to run with."""
    if _env("TRUST_FORWARDED_FOR") is not None:
        # Silently ignoring it would throttle every person behind the proxy as one address.
        raise SettingsError(
            "HOMEWARD_TRUST_FORWARDED_FOR is no longer read: set HOMEWARD_TRUSTED_PROXY_COUNT "
            "to the number of proxies in front of Homeward (1 for one TLS proxy)"
        )
    values: dict = {}
    for f in fields(Settings):
        raw = _env(f.name.upper())
        if raw is not None:
            try:
                values[f.name] = _coerce(f.type, raw)
            except ValueError as exc:
                raise SettingsError(f"HOMEWARD_{f.name.upper()} is not valid: {raw!r}") from exc
    settings = Settings(**values)
    data_dir = settings.data_dir.expanduser().resolve()
    changes: dict = {"data_dir": data_dir}
    if not settings.database_url:
        changes["database_url"] = f"sqlite:///{data_dir / 'homeward.sqlite3'}"
    if settings.mode not in ("development", "production"):
        raise SettingsError("HOMEWARD_MODE must be 'development' or 'production'")
    if settings.smtp_security not in SMTP_SECURITY:
        raise SettingsError("HOMEWARD_SMTP_SECURITY must be 'starttls', 'tls' or 'none'")
    for name in (
        "trusted_proxy_count",
        "device_session_idle_days",
        "invite_max_tries_per_address",
        "invite_max_tries_per_invite",
        "sign_in_link_minutes",
    ):
        if getattr(settings, name) < (0 if name == "trusted_proxy_count" else 1):
            raise SettingsError(f"HOMEWARD_{name.upper()} is too small: {getattr(settings, name)}")
    if settings.production:
        _check_production(settings)
    elif not settings.secret_key:
        changes["secret_key"] = _development_secret(data_dir)
    if settings.vapid_private_key_file is None:
        changes["vapid_private_key_file"] = data_dir / "vapid_private.pem"
    return Settings(**{**settings.__dict__, **changes})


def _check_production(settings: Settings) -> None:
    key = settings.secret_key
    # A placeholder starts with a word (or repeats a few characters); a random key of 32+
    # characters has many distinct ones. Checking words inside the key would refuse some
    # random keys.
    placeholder = key.lower().startswith(PLACEHOLDER_MARKERS) or len(set(key)) < 16
    if len(key) < 32 or placeholder:
        raise SettingsError(
            "HOMEWARD_SECRET_KEY must be set to a random value of at least 32 characters "
            "in production (try: python -c 'import secrets; print(secrets.token_urlsafe(48))')"
        )
    if not settings.data_keys:
        raise SettingsError("HOMEWARD_DATA_KEYS must be set in production (make one: homeward new-data-key)")
    if not settings.base_url.startswith("https://"):
        raise SettingsError("HOMEWARD_BASE_URL must be an https:// address in production")
    if settings.demo_mailbox:
        raise SettingsError("HOMEWARD_DEMO_MAILBOX is for trying Homeward out: turn it off in production")
    if settings.smtp_security == "none":
        raise SettingsError(
            "HOMEWARD_SMTP_SECURITY=none sends email in plain text: use starttls or tls in production"
        )


def private_folder(path: Path) -> Path:
    """Make a folder only its owner can open (the data folder holds the database and keys).

    Only a folder made here is changed: an existing one may be shared on purpose (/tmp).
    """
    try:
        path.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        return path
    os.chmod(path, 0o700)  # mkdir's mode passes through the umask
    return path


def _development_secret(data_dir: Path) -> str:
    """A per-installation key kept in the data folder, so restarts keep sessions working."""
    private_folder(data_dir)
    path = data_dir / "development_secret_key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass  # another process made it first
    else:
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process (read once)."""
    return load_settings()
