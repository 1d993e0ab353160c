"""Co-designing a Missing Safety Plan: drafts, signatures, agreed versions and reviews.

A plan has numbered versions. Editing starts a draft (a copy of the latest agreed
version); a draft becomes *agreed* when the young person, their carer and their social
worker have each signed its exact content; agreeing supersedes the version before.
Who may do what is in guards; who sees which part is in sharing.
"""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from typing import Any

import msgspec

from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.audit.services import Action, Who
from backend.clock import as_utc
from backend.clock import now as clock_now
from backend.db import write_transaction
from backend.errors import Conflict, Forbidden, Invalid, NotFound
from backend.i18n import N_, translate
from backend.plans import content as plan_content
from backend.plans import guards, sharing, words
from backend.plans.philomena import render as render_police_form
from backend.plans.photo import clean_photo
from backend.plans.schemas import (
    Change,
    ChangedBy,
    FieldChange,
    Part,
    PlanContent,
    PlanOut,
    ReviewDue,
    Section,
    Signature,
    SignerRole,
    VersionOut,
    VersionStatus,
    VersionSummary,
)
from backend.plans.sharing import kept_from, visible_to
from backend.plans.tables import Plan, PlanChange, PlanPhoto, PlanSignature, PlanVersion
from backend.sealed import seal, seal_json, unseal, unseal_json
from backend.security import same
from backend.young_people import services as young_people

REVIEW_OVERDUE_AFTER = dt.timedelta(days=7)
SECTION_WORDS = {
    Section.ABOUT_ME: N_("about me"),
    Section.WORRIES: N_("what worries me"),
    Section.PLACES: N_("places"),
    Section.CARER_STEPS: N_("what my carer will do"),
    Section.SHARING: N_("who can see what"),
    Section.PROFESSIONAL_NOTES: N_("notes from professionals"),
    Section.TRIO: N_("my people"),
    Section.PHOTO: N_("my photo"),
}
NO_SUCH_PART = N_("There is no such part of the plan.")
CANNOT_CHANGE = N_("You can't change this part of the plan.")
NO_DRAFT = N_("There is no draft to sign.")
CHANGED_SINCE = N_("The plan has changed since you opened it. Read it again, then sign.")
CHANGED_SINCE_TITLE = N_("The plan has changed")
NO_SUCH_VERSION = N_("There is no plan version with that number.")
NO_CASELOAD = N_("Only social workers have a caseload.")
NO_SUCH_PHOTO = N_("There is no such photo.")
NOT_AGREED = N_("There is no agreed plan yet. Everyone needs to sign it first.")


def _load(version: dict) -> dict[str, Any]:
    return unseal_json(version["content"])


def _seal(version_id: uuid.UUID, content: dict[str, Any]) -> tuple[str, str]:
    """(sealed content, the seal everyone signs) for a version's row."""
    return seal_json(content), plan_content.seal(version_id, content)


async def _plan(young_person_id: uuid.UUID) -> dict | None:
    return await Plan.select().where(Plan.young_person == young_person_id).first()


async def _version(plan_id: uuid.UUID, status: VersionStatus) -> dict | None:
    return await (
        PlanVersion.select()
        .where((PlanVersion.plan == plan_id) & (PlanVersion.status == status))
        .order_by(PlanVersion.number, ascending=False)
        .first()
    )


async def _working(young_person_id: uuid.UUID) -> dict[str, Any]:
    """What the draft holds, or what a draft would start from now (the agreed version,
    else a blank plan): the content the next change is checked against."""
    plan = await _plan(young_person_id)
    if plan is None:
        return plan_content.empty_content()
    version = await _version(plan["id"], VersionStatus.DRAFT) or await _version(
        plan["id"], VersionStatus.AGREED
    )
    return _load(version) if version else plan_content.empty_content()


async def required_signers(young_person_id: uuid.UUID) -> list[SignerRole]:
    """The young person and their social worker always; a carer when one is placed."""
    placed = (await young_people.detail_of(young_person_id, clock_now().date()))["carers"]
    if placed:
        return [SignerRole.YOUNG_PERSON, SignerRole.CARER, SignerRole.SOCIAL_WORKER]
    return [SignerRole.YOUNG_PERSON, SignerRole.SOCIAL_WORKER]


def _seen(relation: str | None, content: dict[str, Any]) -> PlanContent:
    return msgspec.convert(visible_to(relation, content), PlanContent)


async def _describe(version: dict, relation: str | None, needed: list[SignerRole]) -> VersionOut:
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
        await PlanChange.select(PlanChange.at, PlanChange.actor, PlanChange.role, PlanChange.section)
        .where(PlanChange.version == version["id"])
        .order_by(PlanChange.at, ascending=False)
    )
    current = [s for s in signatures if s["content_hash"] == version["content_hash"]]
    signed_roles = {s["role"] for s in current}
    return VersionOut(
        id=version["id"],
        number=version["number"],
        status=VersionStatus(version["status"]),
        content=_seen(relation, content),
        content_hash=version["content_hash"],
        created_at=version["created_at"],
        updated_at=version["updated_at"],
        agreed_at=version["agreed_at"],
        signatures=[
            Signature(name=s["user.display_name"], role=SignerRole(s["role"]), signed_at=s["signed_at"])
            for s in current
        ],
        still_to_sign=[role for role in needed if role not in signed_roles],
        changes=[
            Change(
                at=c["at"],
                name=unseal(c["actor"]),
                role=ChangedBy(c["role"]),
                section=translate(SECTION_WORDS[Section(c["section"])]),
                section_key=Section(c["section"]),
            )
            for c in changes
        ],
        kept_from_me=[Part(part) for part in sorted(kept_from(relation, content))],
    )


async def view(actor: Actor, young_person_id: uuid.UUID, now: dt.datetime) -> PlanOut:
    """The draft being worked on (if any) and the latest agreed version."""
    relation = await young_people.require(actor, young_person_id, guards.may_read_plan, words.OPEN)
    result = await view_for(relation, young_person_id, now)
    await audit.record(actor, Action.READ, words.OPENED, young_person_id, at=now)
    return result


async def view_for(relation: str | None, young_person_id: uuid.UUID, now: dt.datetime) -> PlanOut:
    """The plan as `relation` may see it (no access check and no audit: callers do both)."""
    blank = plan_content.empty_content()
    plan = await _plan(young_person_id)
    draft = agreed = None
    working = blank
    review_due_at, review_reason, overdue = None, "", False
    if plan:
        needed = await required_signers(young_person_id)
        draft_row = await _version(plan["id"], VersionStatus.DRAFT)
        agreed_row = await _version(plan["id"], VersionStatus.AGREED)
        draft = await _describe(draft_row, relation, needed) if draft_row else None
        agreed = await _describe(agreed_row, relation, needed) if agreed_row else None
        working = _load(draft_row or agreed_row) if (draft_row or agreed_row) else blank
        review_due_at, review_reason = plan["review_due_at"], plan["review_reason"]
        overdue = bool(review_due_at and now - as_utc(review_due_at) > REVIEW_OVERDUE_AFTER)
    return PlanOut(
        draft=draft,
        agreed=agreed,
        review_due_at=review_due_at,
        review_reason=review_reason,
        review_overdue=overdue,
        # What a new plan starts from, so a screen can show the defaults before any edit.
        blank=_seen(relation, blank),
        can=guards.can(relation, working, draft.still_to_sign if draft else None),
    )


async def _draft_for_edit(young_person_id: uuid.UUID, now: dt.datetime) -> dict:
    """The current draft, made from the latest agreed version if there is none.
    Call inside a write transaction."""
    plan = await _plan(young_person_id)
    if plan is None:
        new_plan = Plan(young_person=young_person_id, created_at=now)
        await Plan.insert(new_plan)
        plan = await Plan.select().where(Plan.id == new_plan.id).first()
    draft = await _version(plan["id"], VersionStatus.DRAFT)
    if draft:
        return draft
    agreed = await _version(plan["id"], VersionStatus.AGREED)
    base = _load(agreed) if agreed else plan_content.empty_content()
    numbers = await PlanVersion.select(PlanVersion.number).where(PlanVersion.plan == plan["id"])
    version_id = uuid.uuid4()
    sealed, digest = _seal(version_id, base)
    await PlanVersion.insert(
        PlanVersion(
            id=version_id,
            plan=plan["id"],
            number=max([n["number"] for n in numbers], default=0) + 1,
            status=VersionStatus.DRAFT,
            content=sealed,
            content_hash=digest,
            created_at=now,
            updated_at=now,
        )
    )
    return await PlanVersion.select().where(PlanVersion.id == version_id).first()


async def change(
    young_person_id: uuid.UUID, section: Section, value: Any, now: dt.datetime, by: Actor | Who
) -> None:
    """Write one section of the draft and record who changed it. Callers have checked
    access (`edit_section` for people; the contacts domain for the trio's copy). A
    change by an account is audited here; one by someone with no account (a trusted
    contact stepping down) is audited by its caller."""
    async with write_transaction():
        draft = await _draft_for_edit(young_person_id, now)
        content = _load(draft)
        if content.get(section) == value:
            return
        content[section] = value
        sealed, digest = _seal(draft["id"], content)
        await PlanVersion.update(content=sealed, content_hash=digest, updated_at=now).where(
            PlanVersion.id == draft["id"]
        )
        who = audit.who(by)
        await PlanChange.insert(
            PlanChange(
                version=draft["id"],
                at=now,
                user=by.user_id if isinstance(by, Actor) else None,
                actor=seal(who.name[:120]),
                role=ChangedBy(who.role),
                section=section,
            )
        )
        if isinstance(by, Actor):
            await audit.record(by, Action.CHANGE, words.CHANGED[section], young_person_id, at=now)


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
        current = await _working(young_person_id)
        if not guards.may_edit_section(relation, section, current):
            raise Forbidden(CANNOT_CHANGE)
        if section == Section.ABOUT_ME and visible_to(relation, current)["about_me"]["health_needs"] is None:
            # A carer who may not see health details must not wipe them by saving the rest.
            value = {
                **value,
                "health_needs": current["about_me"]["health_needs"],
                "medication": current["about_me"]["medication"],
            }
        await change(young_person_id, Section(section), value, now, actor)
    # The reply to a change is part of the change (audited as such), not a second read.
    return await view_for(relation, young_person_id, now)


async def sign(actor: Actor, young_person_id: uuid.UUID, seen_hash: str, now: dt.datetime) -> PlanOut:
    """Sign the draft as it was seen; agree it when everyone needed has signed."""
    relation = await young_people.require(actor, young_person_id, guards.may_sign, words.SIGN)
    role = guards.signer_role(relation)
    async with write_transaction():
        plan = await _plan(young_person_id)
        draft = await _version(plan["id"], VersionStatus.DRAFT) if plan else None
        if draft is None:
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


async def versions(actor: Actor, young_person_id: uuid.UUID) -> list[VersionSummary]:
    await young_people.require(actor, young_person_id, guards.may_read_plan, words.SEE_VERSIONS)
    await audit.record(actor, Action.READ, words.VERSIONS_READ, young_person_id)
    plan = await _plan(young_person_id)
    if plan is None:
        return []
    rows = (
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
    return [
        VersionSummary(
            number=row["number"],
            status=VersionStatus(row["status"]),
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            agreed_at=row["agreed_at"],
        )
        for row in rows
    ]


async def compare(actor: Actor, young_person_id: uuid.UUID, first: int, second: int) -> list[FieldChange]:
    """What changed from version `first` to version `second`."""
    relation = await young_people.require(actor, young_person_id, guards.may_read_plan, words.COMPARE)
    plan = await _plan(young_person_id)
    rows = {}
    if plan:
        for row in await PlanVersion.select().where(
            (PlanVersion.plan == plan["id"]) & PlanVersion.number.is_in([first, second])
        ):
            rows[row["number"]] = row
    if first not in rows or second not in rows:
        raise NotFound(NO_SUCH_VERSION)
    # An older version must not show what the young person keeps from this reader now.
    latest = await _working(young_person_id)
    await audit.record(actor, Action.READ, words.COMPARED, young_person_id)
    changes = plan_content.diff(
        sharing.visible_in_history(relation, _load(rows[first]), latest),
        sharing.visible_in_history(relation, _load(rows[second]), latest),
    )
    return [FieldChange(**change) for change in changes]


async def agreed(young_person_id: uuid.UUID) -> tuple[dict, dict[str, Any]] | None:
    """(version row, whole content) of the latest agreed version."""
    plan = await _plan(young_person_id)
    version = await _version(plan["id"], VersionStatus.AGREED) if plan else None
    return (version, _load(version)) if version else None


async def choices_in_force(young_person_id: uuid.UUID) -> dict[str, Any]:
    """The sharing choices that rule what is live (not versioned), like the trio as it
    is now: the agreed plan's; before any is agreed, the draft's (the young person's
    only choice yet); with no plan at all, the defaults."""
    plan = await _plan(young_person_id)
    version = None
    if plan:
        version = await _version(plan["id"], VersionStatus.AGREED) or await _version(
            plan["id"], VersionStatus.DRAFT
        )
    content = _load(version) if version else plan_content.empty_content()
    return content["sharing"]


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


async def reviews_due(actor: Actor, now: dt.datetime) -> list[ReviewDue]:
    """A social worker's young people whose plan needs reviewing, oldest first."""
    if not guards.may_see_reviews_due(actor.role):
        raise Forbidden(NO_CASELOAD)
    caseload = {row["id"]: row for row in await young_people.list_for(actor, now.date())}
    if not caseload:
        return []
    rows = (
        await Plan.select(Plan.young_person, Plan.review_due_at, Plan.review_reason)
        .where(Plan.young_person.is_in(list(caseload)) & Plan.review_due_at.is_not_null())
        .order_by(Plan.review_due_at)
    )
    return [
        ReviewDue(
            young_person_id=row["young_person"],
            preferred_name=caseload[row["young_person"]]["preferred_name"],
            review_due_at=row["review_due_at"],
            reason=row["review_reason"],
            overdue=now - as_utc(row["review_due_at"]) > REVIEW_OVERDUE_AFTER,
        )
        for row in rows
    ]


async def set_photo(actor: Actor, young_person_id: uuid.UUID, data_base64: str, now: dt.datetime) -> PlanOut:
    relation = await young_people.require(actor, young_person_id, guards.may_read_plan, words.ADD_PHOTO)
    if not guards.may_add_photo(relation, await _working(young_person_id)):
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
        if not guards.may_add_photo(relation, await _working(young_person_id)):
            raise Forbidden(CANNOT_CHANGE)
        await PlanPhoto.insert(photo)
        await change(young_person_id, Section.PHOTO, str(photo.id), now, actor)
    # The reply to a change is part of the change (audited as such), not a second read.
    return await view_for(relation, young_person_id, now)


async def _photo_data(young_person_id: uuid.UUID, photo_id: str | None) -> tuple[str, str] | None:
    if not photo_id:
        return None
    row = (
        await PlanPhoto.select(PlanPhoto.media_type, PlanPhoto.data)
        .where((PlanPhoto.id == uuid.UUID(photo_id)) & (PlanPhoto.young_person == young_person_id))
        .first()
    )
    return (row["media_type"], unseal(row["data"])) if row else None


async def photo(actor: Actor, young_person_id: uuid.UUID, photo_id: uuid.UUID) -> tuple[str, bytes]:
    """A photo that a version of the plan this person may see points at."""
    relation = await young_people.require(actor, young_person_id, guards.may_read_plan, words.SEE_PHOTO)
    plan = await _plan(young_person_id)
    seen = set()
    if plan:
        for status in (VersionStatus.DRAFT, VersionStatus.AGREED):
            version = await _version(plan["id"], status)
            if version:
                seen.add(visible_to(relation, _load(version)).get("photo_id"))
    found = await _photo_data(young_person_id, str(photo_id)) if str(photo_id) in seen else None
    if found is None:
        raise NotFound(NO_SUCH_PHOTO)
    await audit.record(actor, Action.READ, words.PHOTO_SEEN, young_person_id)
    return found[0], base64.b64decode(found[1])


async def police_form(actor: Actor, young_person_id: uuid.UUID, now: dt.datetime) -> bytes:
    """The Philomena Protocol PDF from the agreed plan, as its reader may see it: what
    the young person shares with the police, less what they keep from this reader (the
    form then says who holds the full one). Every download is audited."""
    relation = await young_people.require(
        actor, young_person_id, guards.may_download_police_form, words.DOWNLOAD_POLICE_FORM
    )
    found = await agreed(young_person_id)
    if found is None:
        raise Conflict(NOT_AGREED)
    version, content = found
    form, parts, left_out = sharing.police_form(relation, content)
    record = await young_people.detail_of(young_person_id, now.date())
    photo_data = await _photo_data(young_person_id, form.get("photo_id"))
    pdf = render_police_form(record, form, version, photo_data, now, parts, left_out)
    await audit.record(actor, Action.READ, words.POLICE_FORM, young_person_id, at=now)
    return pdf
