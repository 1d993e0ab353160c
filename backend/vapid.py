"""The VAPID key pair that signs our Web Push requests."""

from __future__ import annotations

import base64
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from backend.config import private_folder


def public_key_b64(private: ec.EllipticCurvePrivateKey) -> str:
    """The 65-byte uncompressed public key, base64url: the browser's applicationServerKey."""
    raw = private.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def make_keys(path: Path, force: bool = False) -> str:
    if path.exists() and not force:
        raise SystemExit(f"{path} exists; use --force to replace it (old subscriptions stop).")
    private = ec.generate_private_key(ec.SECP256R1())
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    private_folder(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # a replaced file (--force) keeps its old mode otherwise
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    return public_key_b64(private)


def load_public_key(path: Path) -> str | None:
    if not path.exists():
        return None
    private = serialization.load_pem_private_key(path.read_bytes(), password=None)
    assert isinstance(private, ec.EllipticCurvePrivateKey)
    return public_key_b64(private)
