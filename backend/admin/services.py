"""Account management for admins, who never read a young person's record. Accounts are
read and changed through accounts' API; refused attempts through the audit log."""

from __future__ import annotations

import datetime as dt
import uuid

from backend.accounts import api as accounts
from backend.accounts.api import Actor
from backend.accounts.schemas import SignInLinkOut
from backend.admin import guards, words
from backend.admin.schemas import AccountOut, RefusedOut, RefusedPage
from backend.audit import services as audit
from backend.audit.services import Action
from backend.contacts import api as contacts
from backend.db import write_transaction
from backend.errors import Conflict, Forbidden, NotFound
from backend.notify import api as notify


def _require_admin(actor: Actor) -> None:
    if not guards.may_administer(actor.role):
        raise Forbidden(words.ONLY_ADMINS)


async def list_users(actor: Actor) -> list[AccountOut]:
    _require_admin(actor)
    return [
        AccountOut(
            id=account.id,
            role=account.role,
            display_name=account.display_name,
            username=account.username,
            email=account.email,
            active=account.active,
            last_sign_in_at=account.last_sign_in_at,
            can=guards.account_actions(
                actor.role,
                actor.user_id,
                actor.council_id,
                account.id,
                account.council_id,
                account.active,
                account.role,
            ),
        )
        for account in await accounts.council_accounts(actor.council_id)
    ]


async def set_active(actor: Actor, user_id: uuid.UUID, active: bool, now: dt.datetime) -> None:
    """Deactivating signs the person out everywhere at once."""
    _require_admin(actor)
    if user_id == actor.user_id:
        raise Conflict(words.NOT_YOURSELF)
    target = await accounts.account(user_id)
    if target is None or not guards.may_change_account(
        actor.role, actor.user_id, actor.council_id, target.id, target.council_id
    ):
        raise NotFound(words.NO_SUCH_ACCOUNT)
    async with write_transaction():
        changed = await accounts.set_active(user_id, actor.council_id, active, now)
        if changed is None:
            raise NotFound(words.NO_SUCH_ACCOUNT)
        code = words.REACTIVATED if active else words.DEACTIVATED
        await audit.record(actor, Action.CHANGE, code, params={"name": changed.display_name}, at=now)


async def reset_link(actor: Actor, user_id: uuid.UUID, now: dt.datetime) -> SignInLinkOut:
    """A one-time link for a carer or professional of the council who lost their
    password or second factor. They are told (a notice on any browser still signed
    in), and it is written to the audit log."""
    _require_admin(actor)
    target = await accounts.account(user_id)
    if target is None or not guards.may_change_account(
        actor.role, actor.user_id, actor.council_id, target.id, target.council_id
    ):
        raise NotFound(words.NO_SUCH_ACCOUNT)
    if not guards.may_make_reset_link(
        actor.role, actor.user_id, actor.council_id, target.id, target.council_id, target.role, target.active
    ):
        raise Conflict(words.NO_RESET_LINK if target.active else words.NO_SUCH_ACCOUNT)
    async with write_transaction():
        link = await accounts.make_link(target.id, actor.user_id, now)
        await audit.record(
            actor, Action.CHANGE, words.RESET_LINK_MADE, params={"name": target.display_name}, at=now
        )
        await notify.send(
            to_user=target.id, code=words.RESET_LINK_NOTICE, params={"name": actor.display_name}
        )
    return link


async def refused_attempts(actor: Actor, before: str | None, limit: int) -> RefusedPage:
    """Refused attempts by the council's accounts and by the trusted contacts of its
    young people (a sign of misuse to follow up), newest first, a page at a time."""
    _require_admin(actor)
    council = actor.council_id
    people = [await accounts.ids_in_council(council), await contacts.ids_in_council(council)]
    page = await audit.refused_page([ids for ids in people if ids], before, limit)
    return RefusedPage(
        attempts=[
            RefusedOut(at=a.at, actor_name=a.actor_name, actor_role=a.actor_role, what=a.what)
            for a in page.attempts
        ],
        older=page.older,
    )
