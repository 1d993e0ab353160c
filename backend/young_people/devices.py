"""The phones a young person is signed in on, and those of the carers placed with them:
seen and signed out through the young person's record (a lost phone), every time audited."""

from __future__ import annotations

import datetime as dt
import uuid

from backend.accounts import api as accounts
from backend.accounts.api import Actor, Role, SessionOut
from backend.audit import services as audit
from backend.audit.services import Action
from backend.errors import NotFound
from backend.young_people import guards, words
from backend.young_people.records import carers, known
from backend.young_people.schemas import CarerDevices
from backend.young_people.services import require


async def devices(actor: Actor, young_person_id: uuid.UUID) -> list[SessionOut]:
    await require(actor, young_person_id, guards.may_manage_devices, words.SEE_DEVICES)
    found = await known(young_person_id)
    if found.user_id is None:
        return []
    await audit.record(actor, Action.READ, words.DEVICES_OPENED, young_person_id)
    current = actor.session_id if actor.role == Role.YOUNG_PERSON else None
    return await accounts.list_sessions(found.user_id, current)


async def revoke_device(
    actor: Actor, young_person_id: uuid.UUID, session_public_id: uuid.UUID, now: dt.datetime
) -> None:
    await require(actor, young_person_id, guards.may_manage_devices, words.SIGN_OUT_DEVICE)
    found = await known(young_person_id)
    if found.user_id is None:
        raise NotFound(words.NOT_SIGNED_IN)
    await accounts.revoke_session(found.user_id, session_public_id, now)
    await audit.record(actor, Action.CHANGE, words.DEVICE_SIGNED_OUT, young_person_id, at=now)


async def carer_devices(actor: Actor, young_person_id: uuid.UUID) -> list[CarerDevices]:
    """Where each carer placed with this young person is signed in (their social worker
    signs out a carer's lost phone as they would the young person's)."""
    await require(actor, young_person_id, guards.may_manage_carer_devices, words.SEE_CARER_DEVICES)
    placed = await carers(young_person_id)
    await audit.record(actor, Action.READ, words.CARER_DEVICES_OPENED, young_person_id)
    return [
        CarerDevices(
            carer_id=carer.id, name=carer.display_name, devices=await accounts.list_sessions(carer.id)
        )
        for carer in placed
    ]


async def revoke_carer_device(
    actor: Actor,
    young_person_id: uuid.UUID,
    carer_id: uuid.UUID,
    session_public_id: uuid.UUID,
    now: dt.datetime,
) -> None:
    await require(actor, young_person_id, guards.may_manage_carer_devices, words.SIGN_OUT_CARER_DEVICE)
    carer = next((c for c in await carers(young_person_id) if c.id == carer_id), None)
    if carer is None:
        # Not placed with this young person: the same answer as a phone that is not there.
        raise NotFound(words.NOT_SIGNED_IN)
    await accounts.revoke_session(carer_id, session_public_id, now)
    await audit.record(
        actor,
        Action.CHANGE,
        words.CARER_DEVICE_SIGNED_OUT,
        young_person_id,
        params={"carer": carer.display_name},
        at=now,
    )
