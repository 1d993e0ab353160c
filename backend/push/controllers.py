"""Routes for Web Push that need no owner: the key browsers subscribe with."""

from __future__ import annotations

from litestar import get

from backend.config import get_settings
from backend.push.schemas import PublicKeyOut
from backend.vapid import load_public_key


@get("/api/push/public-key", tags=["push"])
async def public_key() -> PublicKeyOut:
    path = get_settings().vapid_private_key_file
    assert path is not None  # load_settings() always fills it in
    return PublicKeyOut(public_key=load_public_key(path))
