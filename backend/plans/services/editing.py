"""Changing a plan: a section, the photo, and signing (which agrees it when everyone
needed has signed the same content)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import msgspec

from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.audit.services import Action
from backend.db import write_transaction
from backend.errors import Conflict, Forbidden, Invalid, NotFound
from backend.i18n import N_
from backend.plans import content as plan_content
from backend.plans import guards, words
from backend.plans.photo import clean_photo
from backend.plans.schemas import PlanOut, Section, VersionStatus
from backend.plans.services.versions import change, latest, plan_of, working
from backend.plans.services.view import required_signers, view_for
from backend.plans.sharing import visible_to
from backend.plans.tables import Plan, PlanPhoto, PlanSignature, PlanVersion
from backend.sealed import seal
from backend.security import same
from backend.young_people import api as young_people

NO_SUCH_PART = N_("There is no such part of the plan.")
CANNOT_CHANGE = N_("You can't change this part of the plan.")
NO_DRAFT = N_("There is no draft to sign.")
CHANGED_SINCE = N_("The plan has changed since you opened it. Read it again, then sign.")
CHANGED_SINCE_TITLE = N_("The plan has changed")


async def edit_section(
    actor: Actor, young_person_id: uuid.UUID, section: str, data: Any, now: dt.datetime
) -> PlanOut:
    relation = await young_people.require(actor, young_person_id, guards.may_read_plan, words.EDIT)
    if section not in plan_content.SECTIONS:
        raise NotFound(NO_SUCH_PART)
    try:
        value = plan_content.check_section(section, data)
    except msgspec.ValidationError as exc:
        field, message = plan_content.plain_error(exc)
        raise Invalid({field or section: message}) from exc
    async with write_transaction():
        current = await working(young_person_id)
        if not guards.may_edit_section(relation, section, current):
            raise Forbidden(CANNOT_CHANGE)
        if section == Section.ABOUT_ME and visible_to(relation, current)["about_me"]["health_needs"] is None:
            # A carer who may not see health details must not wipe them by saving the rest.
            value = {
                **value,
                "health_needs": current["about_me"]["health_needs"],
                "medication": current["about_me"]["medication"],
            }
        changed = await change(young_person_id, Section(section), value, now, actor)
    # The reply to a change is part of the change (audited as such), not a second read;
    # a change that changed nothing saved nothing and says so.
    return await view_for(relation, young_person_id, now, unchanged=not changed)


async def sign(actor: Actor, young_person_id: uuid.UUID, seen_hash: str, now: dt.datetime) -> PlanOut:
    """Sign the draft as it was seen; agree it when everyone needed has signed."""
    relation = await young_people.require(actor, young_person_id, guards.may_sign, words.SIGN)
    role = guards.signer_role(relation)
    async with write_transaction():
        plan = await plan_of(young_person_id)
        draft = await latest(plan["id"], VersionStatus.DRAFT) if plan else None
        if plan is None or draft is None:
            raise Conflict(NO_DRAFT)
        if not same(draft["content_hash"], seen_hash):
            raise Conflict(CHANGED_SINCE, title=CHANGED_SINCE_TITLE)
        await PlanSignature.delete().where(
            (PlanSignature.version == draft["id"]) & (PlanSignature.user == actor.user_id)
        )
        await PlanSignature.insert(
            PlanSignature(
                version=draft["id"], user=actor.user_id, role=role, content_hash=seen_hash, signed_at=now
            )
        )
        await audit.record(actor, Action.CHANGE, words.SIGNED, young_person_id, at=now)
        signed = await PlanSignature.select(PlanSignature.role).where(
            (PlanSignature.version == draft["id"]) & (PlanSignature.content_hash == seen_hash)
        )
        if set(await required_signers(young_person_id)) <= {s["role"] for s in signed}:
            await PlanVersion.update(status=VersionStatus.SUPERSEDED).where(
                (PlanVersion.plan == plan["id"]) & (PlanVersion.status == VersionStatus.AGREED)
            )
            await PlanVersion.update(status=VersionStatus.AGREED, agreed_at=now).where(
                PlanVersion.id == draft["id"]
            )
            await Plan.update(review_due_at=None, review_reason="").where(Plan.id == plan["id"])
            await audit.record(None, Action.CHANGE, words.AGREED, young_person_id, at=now)
    # The reply to a change is part of the change (audited as such), not a second read.
    return await view_for(relation, young_person_id, now)


async def set_photo(actor: Actor, young_person_id: uuid.UUID, data_base64: str, now: dt.datetime) -> PlanOut:
    relation = await young_people.require(actor, young_person_id, guards.may_read_plan, words.ADD_PHOTO)
    if not guards.may_add_photo(relation, await working(young_person_id)):
        raise Forbidden(CANNOT_CHANGE)
    media_type, data = await clean_photo(data_base64)
    photo = PlanPhoto(
        id=uuid.uuid4(),
        young_person=young_person_id,
        media_type=media_type,
        data=seal(data),
        uploaded_by=actor.user_id,
        created_at=now,
    )
    async with write_transaction():
        # Checked again: the young person may have stopped sharing while it was cleaned.
        if not guards.may_add_photo(relation, await working(young_person_id)):
            raise Forbidden(CANNOT_CHANGE)
        await PlanPhoto.insert(photo)
        await change(young_person_id, Section.PHOTO, str(photo.id), now, actor)
    # The reply to a change is part of the change (audited as such), not a second read.
    return await view_for(relation, young_person_id, now)
