"""Request and reply shapes for Web Push subscriptions."""

from __future__ import annotations

from typing import Annotated

import msgspec


class PushKeys(msgspec.Struct, forbid_unknown_fields=True):
    p256dh: Annotated[str, msgspec.Meta(max_length=200)]
    auth: Annotated[str, msgspec.Meta(max_length=100)]


class SubscriptionIn(msgspec.Struct):
    """What a browser's `PushSubscription.toJSON()` gives."""

    endpoint: Annotated[str, msgspec.Meta(max_length=2000)]
    keys: PushKeys
    expirationTime: float | None = None


class PublicKeyOut(msgspec.Struct):
    public_key: str | None
