"""New sign-in links for young people: a forgotten PIN or a lost phone.

The young person's social worker, or the carer they live with, makes the link (the
record's rule, young_people.guards.may_make_sign_in_link); accounts keeps it (one use,
short-lived, stored hashed). Making one is written to the young person's "who has
looked" log and sent to them as a notice, so a link they did not ask for is seen.
"""

from __future__ import annotations

import datetime as dt
import uuid

from backend.accounts import api as accounts
from backend.accounts.api import Actor
from backend.accounts.schemas import SignInLinkInfo, SignInLinkOut
from backend.audit import services as audit
from backend.audit.services import Action
from backend.db import write_transaction
from backend.errors import Conflict
from backend.invites import words
from backend.notify import api as notify
from backend.young_people import api as young_people
from backend.young_people.guards import may_make_sign_in_link


async def make_for_young_person(actor: Actor, young_person_id: uuid.UUID, now: dt.datetime) -> SignInLinkOut:
    await young_people.require(actor, young_person_id, may_make_sign_in_link, words.MAKE_SIGN_IN_LINK)
    found = await young_people.known(young_person_id)  # it passed `require`
    if found.user_id is None:
        raise Conflict(words.NOT_JOINED)
    async with write_transaction():
        link = await accounts.make_link(found.user_id, actor.user_id, now)
        await audit.record(actor, Action.CHANGE, words.SIGN_IN_LINK_MADE, young_person_id, at=now)
        await notify.send(
            to_user=found.user_id,
            code=words.SIGN_IN_LINK_NOTICE,
            params={"name": actor.display_name},
            young_person_id=young_person_id,
            link="#/phones",
        )
    return link


async def lookup(code: str, address: str, now: dt.datetime) -> SignInLinkInfo:
    return await accounts.link_info(code, address, now)


async def use(
    code: str,
    secret: str,
    second_factor_code: str | None,
    device_name: str | None,
    address: str,
    now: dt.datetime,
) -> str:
    """Sign in with a new PIN or password (see accounts.recovery); returns the token."""
    used = await accounts.use_link(code, secret, second_factor_code, device_name, address, now)
    young_person_id = await young_people.young_person_of(used.user_id)
    person = await accounts.actor_for_token(used.token, now)
    async with write_transaction():
        what = words.SIGN_IN_LINK_USED if young_person_id else words.RESET_LINK_USED
        await audit.record(person, Action.CHANGE, what, young_person_id, at=now)
    return used.token
