"""Real VAPID key pairs for tests (EC P-256), in the forms pywebpush and browsers take."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec


def b64url(data: bytes) -> str:
    """Base64url without padding, as Web Push uses everywhere."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class VapidKeys:
    """One key pair.

    pywebpush 2.5.0 takes ``vapid_private_key`` as a path to a PEM file, a ``py_vapid.Vapid``,
    or a string holding the raw 32-byte key or the DER key in base64url. A PEM *string*
    fails (ValueError: could not deserialize key data).
    """

    private_pem: str
    """PKCS#8 PEM text; write it to a file (``write_pem``) to give pywebpush a path."""
    private_raw: str
    """The 32-byte private scalar, base64url: a string pywebpush takes as it is."""
    public_key: str
    """The 65-byte uncompressed public point, base64url: the browser's applicationServerKey."""

    def write_pem(self, path: Path) -> str:
        """Write the private key as PEM to ``path`` (mode 600); return the path as a str."""
        path.write_text(self.private_pem)
        path.chmod(0o600)
        return str(path)


def make_vapid_keys() -> VapidKeys:
    """A fresh P-256 key pair."""
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")
    raw = key.private_numbers().private_value.to_bytes(32, "big")
    public = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return VapidKeys(private_pem=pem, private_raw=b64url(raw), public_key=b64url(public))
