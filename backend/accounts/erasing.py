"""Deleting young people's own accounts when their records are erased (called by
young_people last, after the record that points at the account is gone)."""

from __future__ import annotations

import uuid

from backend.accounts.tables import Session, SignInLink, Throttle, User
from backend.accounts.throttle import account_key


async def erase_accounts(user_ids: list[uuid.UUID]) -> None:
    """Sessions, sign-in links, the failed sign-in count and the account itself, inside
    the caller's transaction."""
    if not user_ids:
        return
    users = await User.select(User.id, User.username, User.email).where(User.id.is_in(user_ids))
    keys = [account_key(name) for row in users for name in (row["username"], row["email"]) if name]
    if keys:
        await Throttle.delete().where(Throttle.key.is_in(keys))
    await Session.delete().where(Session.user.is_in(user_ids))
    await SignInLink.delete().where(SignInLink.user.is_in(user_ids))
    await User.delete().where(User.id.is_in(user_ids))
