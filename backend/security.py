"""Secrets: password/PIN hashing, random tokens, second factor and field encryption."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from functools import lru_cache

import anyio.to_thread
import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from backend.config import get_settings

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
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"homeward-fields", info=b"fernet-v1"
    ).derive(secret_key.encode())
    return base64.urlsafe_b64encode(key)


@lru_cache(maxsize=4)
def _fernet_for(data_keys: str, secret_key: str) -> MultiFernet:
    """The first key encrypts; every key decrypts, so old values still read after rotation."""
    keys = [key.strip().encode() for key in data_keys.split(",") if key.strip()]
    if not keys:
        keys = [_derived_key(secret_key)]
    return MultiFernet([Fernet(key) for key in keys])


def _fernet() -> MultiFernet:
    settings = get_settings()
    return _fernet_for(settings.data_keys, settings.secret_key)


def new_data_key() -> str:
    return Fernet.generate_key().decode()


def encrypt(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode()


def decrypt(value: str) -> str:
    try:
        return _fernet().decrypt(value.encode()).decode()
    except InvalidToken as exc:
        raise RuntimeError("cannot decrypt: is a key missing from HOMEWARD_DATA_KEYS?") from exc


def reencrypt(value: str) -> str:
    """The same value under the newest key (for key rotation)."""
    return _fernet().rotate(value.encode()).decode()
