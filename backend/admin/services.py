"""Account management for admins, who never read a young person's record."""

from __future__ import annotations

import datetime as dt
import uuid

from backend.accounts.actor import Actor
from backend.accounts.tables import Session, User
from backend.audit import services as audit
from backend.contacts import api as contacts
from backend.db import write_transaction
from backend.errors import Conflict, Forbidden, NotFound


def _require_admin(actor: Actor) -> None:
    if actor.role != "admin":
        raise Forbidden("Only an administrator can manage accounts.")


async def list_users(actor: Actor) -> list[dict]:
    _require_admin(actor)
    return await User.select(
        User.id, User.role, User.display_name, User.username, User.email,
        User.active, User.last_sign_in_at,
    ).where(User.council == actor.council_id).order_by(User.role).order_by(User.display_name)


async def set_active(actor: Actor, user_id: uuid.UUID, active: bool, now: dt.datetime) -> None:
    """Deactivating signs the person out everywhere at once."""
    _require_admin(actor)
    if user_id == actor.user_id:
        raise Conflict("You can't deactivate your own account.")
    async with write_transaction():
        changed = await User.update(active=active).where(
            (User.id == user_id) & (User.council == actor.council_id)
        ).returning(User.display_name)
        if not changed:
            raise NotFound("No account with that id.")
        if not active:
            await Session.update(revoked_at=now).where(
                (Session.user == user_id) & Session.revoked_at.is_null()
            )
        word = "reactivated" if active else "deactivated"
        name = changed[0]["display_name"]
        await audit.record_text(actor, "change", f"{word} the account of {name}", at=now)


async def refused_attempts(actor: Actor, before: str | None, limit: int) -> dict:
    """Refused attempts by the council's accounts and by the trusted contacts of its
    young people (a sign of misuse to follow up), newest first, a page at a time."""
    _require_admin(actor)
    accounts = User.select(User.id).where(User.council == actor.council_id)
    trusted_contacts = await contacts.ids_in_council(actor.council_id)
    actor_ids = [accounts, trusted_contacts] if trusted_contacts else [accounts]
    return await audit.refused_page(actor_ids, before, limit)
