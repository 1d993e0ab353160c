"""Co-designing a Missing Safety Plan: drafts, signatures, agreed versions and reviews.

A plan has numbered versions. Editing starts a draft (a copy of the latest agreed
version); a draft becomes *agreed* when the young person, their carer and their social
worker have each signed its exact content; agreeing supersedes the version before.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from typing import Any

import msgspec

from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.clock import as_utc
from backend.db import write_transaction
from backend.errors import Conflict, Forbidden, Invalid, NotFound
from backend.plans import content as plan_content
from backend.plans import sharing
from backend.plans.philomena import render as render_police_form
from backend.plans.photo import clean_photo
from backend.plans.sharing import visible_to
from backend.plans.tables import Plan, PlanChange, PlanPhoto, PlanSignature, PlanVersion
from backend.security import decrypt, encrypt, same
from backend.young_people import guards
from backend.young_people import services as young_people
from backend.young_people.tables import Placement

REVIEW_OVERDUE_AFTER = dt.timedelta(days=7)
SECTION_WORDS = {
    "about_me": "about me",
    "worries": "what worries me",
    "places": "places",
    "carer_steps": "what my carer will do",
    "sharing": "who can see what",
    "professional_notes": "notes from professionals",
    "trio": "my people",
    "photo_id": "my photo",
}


def _load(version: dict) -> dict[str, Any]:
    return json.loads(decrypt(version["content"]))


def _seal(version_id: uuid.UUID, content: dict[str, Any]) -> tuple[str, str]:
    """(encrypted content, the seal everyone signs) for a version's row."""
    return encrypt(json.dumps(content, default=str)), plan_content.seal(version_id, content)


def may_edit_section(relation: str, section: str, content: dict[str, Any]) -> bool:
    if section in plan_content.PROFESSIONAL_ONLY:
        return relation in ("carer", "social_worker")
    if section == "sharing":
        # The young person's choice; their social worker may record it for them.
        return relation in ("self", "social_worker")
    if relation == "carer":
        return visible_to("carer", content).get(section) is not None
    return relation in guards.RELATIONS


async def _plan(young_person_id: uuid.UUID) -> dict | None:
    return await Plan.select().where(Plan.young_person == young_person_id).first()


async def _version(plan_id: uuid.UUID, status: str) -> dict | None:
    return await (
        PlanVersion.select()
        .where((PlanVersion.plan == plan_id) & (PlanVersion.status == status))
        .order_by(PlanVersion.number, ascending=False)
        .first()
    )


async def required_signers(young_person_id: uuid.UUID) -> list[str]:
    """The young person and their social worker always; a carer when one is placed."""
    needed = ["young_person", "social_worker"]
    if await Placement.exists().where(
        (Placement.young_person == young_person_id) & (Placement.active == True)  # noqa: E712
    ):
        needed.insert(1, "carer")
    return needed


async def _describe(version: dict, relation: str, young_person_id: uuid.UUID) -> dict:
    content = _load(version)
    signatures = (
        await PlanSignature.select(
            PlanSignature.role,
            PlanSignature.content_hash,
            PlanSignature.signed_at,
            PlanSignature.user.display_name,
        )
        .where(PlanSignature.version == version["id"])
        .order_by(PlanSignature.signed_at)
    )
    changes = (
        await PlanChange.select(PlanChange.at, PlanChange.actor_name, PlanChange.role, PlanChange.section)
        .where(PlanChange.version == version["id"])
        .order_by(PlanChange.at, ascending=False)
    )
    current = [s for s in signatures if s["content_hash"] == version["content_hash"]]
    signed_roles = {s["role"] for s in current}
    needed = await required_signers(young_person_id)
    return {
        "id": version["id"],
        "number": version["number"],
        "status": version["status"],
        "content": visible_to(relation, content),
        "content_hash": version["content_hash"],
        "created_at": version["created_at"],
        "updated_at": version["updated_at"],
        "agreed_at": version["agreed_at"],
        "signatures": [
            {"name": s["user.display_name"], "role": s["role"], "signed_at": s["signed_at"]} for s in current
        ],
        "still_to_sign": [role for role in needed if role not in signed_roles],
        "changes": [
            {
                "at": c["at"],
                "name": c["actor_name"],
                "role": c["role"],
                "section": SECTION_WORDS.get(c["section"], c["section"]),
                "section_key": c["section"],
            }
            for c in changes
        ],
    }


async def view(actor: Actor, young_person_id: uuid.UUID, now: dt.datetime) -> dict:
    """The draft being worked on (if any) and the latest agreed version."""
    relation = await young_people.require(actor, young_person_id, guards.may_read_record, "open a plan")
    result = await view_data(relation, young_person_id, now)
    await audit.record_text(actor, "read", "opened your safety plan", young_person_id)
    return result


async def view_data(relation: str, young_person_id: uuid.UUID, now: dt.datetime) -> dict:
    """The plan as `relation` may see it (no access check and no audit: callers do both)."""
    plan = await _plan(young_person_id)
    result: dict[str, Any] = {
        "draft": None,
        "agreed": None,
        "review_due_at": None,
        "review_reason": "",
        "review_overdue": False,
        # What a new plan starts from, so a screen can show the defaults before any edit.
        "blank": visible_to(relation, plan_content.empty_content()),
    }
    if plan:
        for status in ("draft", "agreed"):
            version = await _version(plan["id"], status)
            if version:
                result[status] = await _describe(version, relation, young_person_id)
        due = plan["review_due_at"]
        result["review_due_at"] = due
        result["review_reason"] = plan["review_reason"]
        result["review_overdue"] = bool(due and now - as_utc(due) > REVIEW_OVERDUE_AFTER)
    return result


async def _draft_for_edit(young_person_id: uuid.UUID, now: dt.datetime) -> tuple[dict, dict]:
    """The current draft, made from the latest agreed version if there is none.
    Call inside a write transaction."""
    plan = await _plan(young_person_id)
    if plan is None:
        new_plan = Plan(young_person=young_person_id, created_at=now)
        await Plan.insert(new_plan)
        plan = await Plan.select().where(Plan.id == new_plan.id).first()
    draft = await _version(plan["id"], "draft")
    if draft:
        return plan, draft
    agreed = await _version(plan["id"], "agreed")
    base = _load(agreed) if agreed else plan_content.empty_content()
    numbers = await PlanVersion.select(PlanVersion.number).where(PlanVersion.plan == plan["id"])
    version_id = uuid.uuid4()
    sealed, digest = _seal(version_id, base)
    version = PlanVersion(
        id=version_id,
        plan=plan["id"],
        number=max([n["number"] for n in numbers], default=0) + 1,
        status="draft",
        content=sealed,
        content_hash=digest,
        created_at=now,
        updated_at=now,
    )
    await PlanVersion.insert(version)
    return plan, await PlanVersion.select().where(PlanVersion.id == version.id).first()


async def change(
    actor: Actor | None,
    young_person_id: uuid.UUID,
    section: str,
    value: Any,
    now: dt.datetime,
    relation: str | None = None,
    by: tuple[str, str] | None = None,
) -> None:
    """Write one section of the draft and record who changed it. Callers have checked
    access (`edit_section` for people; the contacts area for the trio snapshot)."""
    async with write_transaction():
        _, draft = await _draft_for_edit(young_person_id, now)
        content = _load(draft)
        if content.get(section) == value:
            return
        content[section] = value
        sealed, digest = _seal(draft["id"], content)
        await PlanVersion.update(content=sealed, content_hash=digest, updated_at=now).where(
            PlanVersion.id == draft["id"]
        )
        if actor is None and by is not None:
            # Someone with no account (a trusted contact stepping down) changed it.
            await PlanChange.insert(
                PlanChange(version=draft["id"], at=now, user=None, actor_name=by[0], role=by[1],
                           section=section)
            )
        if actor is not None:
            await PlanChange.insert(
                PlanChange(
                    version=draft["id"],
                    at=now,
                    user=actor.user_id,
                    actor_name=actor.display_name,
                    role=actor.role,
                    section=section,
                )
            )
            words = SECTION_WORDS.get(section, section)
            await audit.record_text(
                actor, "change", f"changed your safety plan ({words})", young_person_id, at=now
            )


async def edit_section(
    actor: Actor, young_person_id: uuid.UUID, section: str, data: Any, now: dt.datetime
) -> dict:
    relation = await young_people.require(actor, young_person_id, guards.may_read_record, "edit a plan")
    if section not in plan_content.SECTIONS:
        raise NotFound("There is no such part of the plan.")
    try:
        value = plan_content.check_section(section, data)
    except msgspec.ValidationError as exc:
        field, message = plan_content.plain_error(exc)
        raise Invalid({field or section: message}) from exc
    plan = await _plan(young_person_id)
    draft = await _version(plan["id"], "draft") if plan else None
    current = _load(draft) if draft else plan_content.empty_content()
    if not may_edit_section(relation, section, current):
        raise Forbidden("You can't change this part of the plan.")
    if section == "about_me" and visible_to(relation, current)["about_me"]["health_needs"] is None:
        # A carer who may not see health details must not wipe them by saving the rest.
        value = {
            **value,
            "health_needs": current["about_me"]["health_needs"],
            "medication": current["about_me"]["medication"],
        }
    await change(actor, young_person_id, section, value, now, relation)
    # The reply to a change is part of the change (audited as such), not a second read.
    return await view_data(relation, young_person_id, now)


async def sign(actor: Actor, young_person_id: uuid.UUID, seen_hash: str, now: dt.datetime) -> dict:
    """Sign the draft as it was seen; agree it when everyone needed has signed."""
    relation = await young_people.require(actor, young_person_id, guards.may_read_record, "sign a plan")
    role = {"self": "young_person", "carer": "carer", "social_worker": "social_worker"}[relation]
    async with write_transaction():
        plan = await _plan(young_person_id)
        draft = await _version(plan["id"], "draft") if plan else None
        if draft is None:
            raise Conflict("There is no draft to sign.")
        if not same(draft["content_hash"], seen_hash):
            raise Conflict(
                "The plan has changed since you opened it. Read it again, then sign.",
                title="The plan has changed",
            )
        await PlanSignature.delete().where(
            (PlanSignature.version == draft["id"]) & (PlanSignature.user == actor.user_id)
        )
        await PlanSignature.insert(
            PlanSignature(
                version=draft["id"],
                user=actor.user_id,
                role=role,
                content_hash=seen_hash,
                signed_at=now,
            )
        )
        await audit.record_text(actor, "change", "signed your safety plan", young_person_id, at=now)
        signed = await PlanSignature.select(PlanSignature.role).where(
            (PlanSignature.version == draft["id"]) & (PlanSignature.content_hash == seen_hash)
        )
        if set(await required_signers(young_person_id)) <= {s["role"] for s in signed}:
            await PlanVersion.update(status="superseded").where(
                (PlanVersion.plan == plan["id"]) & (PlanVersion.status == "agreed")
            )
            await PlanVersion.update(status="agreed", agreed_at=now).where(PlanVersion.id == draft["id"])
            await Plan.update(review_due_at=None, review_reason="").where(Plan.id == plan["id"])
            await audit.record_text(
                None, "change", "your safety plan was agreed by everyone", young_person_id, at=now
            )
    # The reply to a change is part of the change (audited as such), not a second read.
    return await view_data(relation, young_person_id, now)


async def versions(actor: Actor, young_person_id: uuid.UUID) -> list[dict]:
    await young_people.require(actor, young_person_id, guards.may_read_record, "see plan versions")
    await audit.record_text(actor, "read", "looked at the versions of your safety plan", young_person_id)
    plan = await _plan(young_person_id)
    if plan is None:
        return []
    return (
        await PlanVersion.select(
            PlanVersion.number,
            PlanVersion.status,
            PlanVersion.created_at,
            PlanVersion.updated_at,
            PlanVersion.agreed_at,
        )
        .where(PlanVersion.plan == plan["id"])
        .order_by(PlanVersion.number, ascending=False)
    )


async def compare(actor: Actor, young_person_id: uuid.UUID, first: int, second: int) -> list[dict]:
    """What changed from version `first` to version `second`."""
    relation = await young_people.require(
        actor, young_person_id, guards.may_read_record, "compare plan versions"
    )
    plan = await _plan(young_person_id)
    rows = {}
    if plan:
        for row in await PlanVersion.select().where(
            (PlanVersion.plan == plan["id"]) & PlanVersion.number.is_in([first, second])
        ):
            rows[row["number"]] = row
    if first not in rows or second not in rows:
        raise NotFound("There is no plan version with that number.")
    # An older version must not show what the young person keeps from this reader now.
    latest = _load(await _version(plan["id"], "draft") or await _version(plan["id"], "agreed"))
    await audit.record_text(actor, "read", "compared versions of your safety plan", young_person_id)
    return plan_content.diff(
        sharing.visible_in_history(relation, _load(rows[first]), latest),
        sharing.visible_in_history(relation, _load(rows[second]), latest),
    )


async def agreed_content(young_person_id: uuid.UUID) -> tuple[dict, dict] | None:
    """(version row, content) of the latest agreed version, for the police form."""
    plan = await _plan(young_person_id)
    version = await _version(plan["id"], "agreed") if plan else None
    return (version, _load(version)) if version else None


async def may_see_live(relation: str, young_person_id: uuid.UUID, part: str) -> bool:
    """Whether `relation` may see the live (not versioned) form of a part, like the trio
    as it is now. The agreed plan's sharing choices rule; before any plan is agreed, the
    draft's (the young person's only choice yet); with no plan at all, the defaults."""
    plan = await _plan(young_person_id)
    version = (await _version(plan["id"], "agreed") or await _version(plan["id"], "draft")) if plan else None
    content = _load(version) if version else plan_content.empty_content()
    return part not in sharing.kept_from(relation, content)


async def mark_review_due(young_person_id: uuid.UUID, reason: str, at: dt.datetime) -> None:
    """The hook for later work (a return from missing, a change of placement): the plan
    must be looked at again. The earliest due date stands until the plan is agreed."""
    async with write_transaction():
        plan = await _plan(young_person_id)
        if plan is None:
            await Plan.insert(
                Plan(
                    young_person=young_person_id, created_at=at, review_due_at=at, review_reason=reason[:200]
                )
            )
        elif plan["review_due_at"] is None:
            await Plan.update(review_due_at=at, review_reason=reason[:200]).where(Plan.id == plan["id"])


async def reviews_due(actor: Actor, now: dt.datetime) -> list[dict]:
    """A social worker's young people whose plan needs reviewing, oldest first."""
    if actor.role != "social_worker":
        raise Forbidden("Only social workers have a caseload.")
    caseload = {row.id: msgspec.structs.asdict(row) for row in await young_people.list_for(actor, now.date())}
    rows = (
        await Plan.select(Plan.young_person, Plan.review_due_at, Plan.review_reason)
        .where(Plan.young_person.is_in(list(caseload) or [uuid.uuid4()]) & Plan.review_due_at.is_not_null())
        .order_by(Plan.review_due_at)
    )
    return [
        {
            "young_person_id": row["young_person"],
            "preferred_name": caseload[row["young_person"]]["preferred_name"],
            "review_due_at": row["review_due_at"],
            "reason": row["review_reason"],
            "overdue": now - as_utc(row["review_due_at"]) > REVIEW_OVERDUE_AFTER,
        }
        for row in rows
    ]


async def set_photo(actor: Actor, young_person_id: uuid.UUID, data_base64: str, now: dt.datetime) -> dict:
    relation = await young_people.require(
        actor, young_person_id, guards.may_read_record, "add a photo to a plan"
    )
    if relation == "carer":
        plan = await _plan(young_person_id)
        draft = await _version(plan["id"], "draft") if plan else None
        current = _load(draft) if draft else plan_content.empty_content()
        if "photo" in sharing.kept_from(relation, current):
            raise Forbidden("You can't change this part of the plan.")
    media_type, data = await clean_photo(data_base64)
    photo = PlanPhoto(
        young_person=young_person_id,
        media_type=media_type,
        data=encrypt(data),
        uploaded_by=actor.user_id,
        created_at=now,
    )
    async with write_transaction():
        await PlanPhoto.insert(photo)
        await change(actor, young_person_id, "photo_id", str(photo.id), now, relation)
    # The reply to a change is part of the change (audited as such), not a second read.
    return await view_data(relation, young_person_id, now)


async def _photo_data(young_person_id: uuid.UUID, photo_id: str | None) -> tuple[str, str] | None:
    if not photo_id:
        return None
    row = (
        await PlanPhoto.select(PlanPhoto.media_type, PlanPhoto.data)
        .where((PlanPhoto.id == uuid.UUID(photo_id)) & (PlanPhoto.young_person == young_person_id))
        .first()
    )
    return (row["media_type"], decrypt(row["data"])) if row else None


async def photo(actor: Actor, young_person_id: uuid.UUID, photo_id: uuid.UUID) -> tuple[str, bytes]:
    """A photo that a version of the plan this person may see points at."""
    relation = await young_people.require(actor, young_person_id, guards.may_read_record, "see a photo")
    plan = await _plan(young_person_id)
    seen = set()
    if plan:
        for status in ("draft", "agreed"):
            version = await _version(plan["id"], status)
            if version:
                seen.add(visible_to(relation, _load(version)).get("photo_id"))
    found = await _photo_data(young_person_id, str(photo_id)) if str(photo_id) in seen else None
    if found is None:
        raise NotFound("There is no such photo.")
    await audit.record_text(actor, "read", "looked at your photo", young_person_id)
    return found[0], base64.b64decode(found[1])


async def police_form(actor: Actor, young_person_id: uuid.UUID, now: dt.datetime) -> bytes:
    """The Philomena Protocol PDF from the agreed plan, as its reader may see it: what
    the young person shares with the police, less what they keep from this reader (the
    form then says who holds the full one). Every download is audited."""
    relation = await young_people.require(
        actor, young_person_id, guards.may_download_police_form, "download a police form"
    )
    agreed = await agreed_content(young_person_id)
    if agreed is None:
        raise Conflict("There is no agreed plan yet. Everyone needs to sign it first.")
    version, content = agreed
    form, parts, left_out = sharing.police_form(relation, content)
    record = msgspec.structs.asdict(await young_people.detail_of(young_person_id, now.date()))
    photo_data = await _photo_data(young_person_id, form.get("photo_id"))
    pdf = render_police_form(record, form, version, photo_data, now, parts, left_out)
    await audit.record_text(
        actor, "read", "downloaded your police form (Philomena Protocol)", young_person_id, at=now
    )
    return pdf
