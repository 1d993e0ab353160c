"""Secrets: password/PIN hashing, random tokens, second factor and field encryption."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import uuid
from functools import lru_cache

import anyio.to_thread
import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from backend.config import get_settings
from backend.kept import Kept

# Argon2id at OWASP ASVS level 2 (19 MiB, t=2); ~25 ms here, run off the event loop.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

# Crockford base32 without look-alikes: codes are typed by hand from a screen.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


async def hash_secret(secret: str) -> str:
    return await anyio.to_thread.run_sync(_hasher.hash, secret)


async def verify_secret(stored_hash: str | None, secret: str) -> bool:
    """Check a secret; with no stored hash, check a dummy so timing reveals nothing."""
    target = stored_hash or _dummy_hash()

    def check() -> bool:
        try:
            return _hasher.verify(target, secret)
        except (VerificationError, InvalidHashError):
            return False

    ok = await anyio.to_thread.run_sync(check)
    return ok and stored_hash is not None


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


def new_token() -> str:
    """A 256-bit random token for cookies."""
    return secrets.token_urlsafe(32)


def new_code(length: int = 12) -> str:
    """A code a person can type (about 59 bits for 12 characters)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


@lru_cache(maxsize=8)
def _digest_key(secret_key: str, purpose: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"homeward-keyed-digest", info=purpose.encode()
    ).derive(secret_key.encode())


def keyed_digest(purpose: str, *parts: str) -> str:
    """HMAC-SHA256 of `parts` under a key derived from the secret key for `purpose`.

    It commits to the parts like a hash does, but only the server can compute it: someone
    who sees it cannot test a guess of what went in (a plain hash of private words can be
    checked offline, one guess at a time).
    """
    key = _digest_key(get_settings().secret_key, purpose)
    return hmac.new(key, json.dumps(parts).encode(), hashlib.sha256).hexdigest()


# -- second factor -----------------------------------------------------------------


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(secret: str, account: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name="Homeward")


def totp_now(secret: str) -> str:
    return pyotp.TOTP(secret).now()


def totp_match(secret: str, code: str, last_step: int | None, now: float) -> int | None:
    """The time step the code belongs to (one step of clock drift allowed), or None.

    A step at or before `last_step` was already used: refusing it stops replay.
    """
    totp = pyotp.TOTP(secret)
    step_now = int(now // totp.interval)
    for step in (step_now, step_now - 1, step_now + 1):
        if last_step is not None and step <= last_step:
            continue
        if same(totp.generate_otp(step), code.strip()):
            return step
    return None


# -- encryption of sensitive fields ----------------------------------------------------


def _derived_key(secret_key: str) -> bytes:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"homeward-fields", info=b"fernet-v1").derive(
        secret_key.encode()
    )
    return base64.urlsafe_b64encode(key)


class _Keys:
    """The data keys (the first encrypts; every key decrypts, so old values still read
    after rotation) and what they opened in the last minute (`backend.kept`).

    A plan read opens the same sealed values on every request (the plan's content, each
    change's name): 17% of its CPU went to Fernet's HMAC and AES for values it had opened
    a moment before. A sealed value never changes (a new value is a new token, with a new
    random IV), so a token's plain text can be kept: small values only (photos are never
    kept). A change of keys builds a new `_Keys`, so a retired key opens nothing it
    opened before."""

    KEPT_CHARS = 32 * 1024

    def __init__(self, fernet: MultiFernet) -> None:
        self.fernet = fernet
        self.opened: Kept[str] = Kept(size=4096, seconds=60.0)
        self.sealed: Kept[str] = Kept(size=1024, seconds=60.0)

    def decrypt(self, value: str) -> str:
        return self.opened.through(
            value, lambda: self.fernet.decrypt(value.encode()).decode(), keep=len(value) <= self.KEPT_CHARS
        )

    def encrypt_again(self, value: str) -> str:
        return self.sealed.through(
            value, lambda: self.fernet.encrypt(value.encode()).decode(), keep=len(value) <= self.KEPT_CHARS
        )


@lru_cache(maxsize=4)
def _keys_for(data_keys: str, secret_key: str) -> _Keys:
    keys = [key.strip().encode() for key in data_keys.split(",") if key.strip()]
    if not keys:
        keys = [_derived_key(secret_key)]
    return _Keys(MultiFernet([Fernet(key) for key in keys]))


def _keys() -> _Keys:
    settings = get_settings()
    return _keys_for(settings.data_keys, settings.secret_key)


def _fernet() -> MultiFernet:
    return _keys().fernet


def new_data_key() -> str:
    return Fernet.generate_key().decode()


def encrypt(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode()


def encrypt_again(value: str) -> str:
    """`encrypt`, or the token this value was given in the last minute under the same keys
    (for a value written many times a minute, where equal tokens say nothing new)."""
    return _keys().encrypt_again(value)


def decrypt(value: str) -> str:
    try:
        return _keys().decrypt(value)
    except InvalidToken as exc:
        raise RuntimeError("cannot decrypt: is a key missing from HOMEWARD_DATA_KEYS?") from exc


def reencrypt(value: str) -> str:
    """The same value under the newest key (for key rotation)."""
    return _fernet().rotate(value.encode()).decode()


# -- device cookies ----------------------------------------------------------------------
# OWASP "device cookies": a browser that signed in to an account is given a token bound to
# that account, so its sign-ins can be counted apart from everyone else's guesses.

DEVICE_TOKEN_SECONDS = 400 * 24 * 3600  # as long as a browser keeps a cookie
_CLOCK_SKEW_SECONDS = 300


@lru_cache(maxsize=4)
def _device_key(secret_key: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"homeward-device", info=b"device-cookie-v1"
    ).derive(secret_key.encode())


def _device_mac(user_id: uuid.UUID, device_id: str, issued: int) -> str:
    message = f"{user_id}.{device_id}.{issued}".encode()
    mac = hmac.new(_device_key(get_settings().secret_key), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode()


def new_device_token(user_id: uuid.UUID, now: float) -> str:
    """A signed token naming a new device id, valid only for `user_id`."""
    device_id = secrets.token_urlsafe(16)
    issued = int(now)
    return f"{device_id}.{issued}.{_device_mac(user_id, device_id, issued)}"


def device_of(token: str | None, user_id: uuid.UUID, now: float) -> str | None:
    """The device id in `token` if it was made by us for this very account and is not too
    old; None for a missing, forged or altered token, or one made for someone else."""
    if not token or len(token) > 128:
        return None
    parts = token.split(".")
    if len(parts) != 3 or not all(parts):
        return None
    device_id, issued, mac = parts
    if not (issued.isascii() and issued.isdigit()):
        return None
    age = now - int(issued)
    if not -_CLOCK_SKEW_SECONDS <= age <= DEVICE_TOKEN_SECONDS:
        return None
    if not same(mac, _device_mac(user_id, device_id, int(issued))):
        return None
    return device_id
