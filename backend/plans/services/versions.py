"""A plan's versions as they are kept: sealed content, the draft every change goes
into, and who changed which part. Nothing here checks access: callers do."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.audit.services import Action, Who
from backend.db import write_transaction
from backend.plans import content as plan_content
from backend.plans import sql, words
from backend.plans.schemas import ChangedBy, Section, VersionStatus
from backend.plans.tables import KnownWorker, Plan, PlanChange, PlanSignature, PlanVersion, TrioStanding
from backend.sealed import seal, seal_json, unseal_json


def load(version: dict) -> dict[str, Any]:
    return unseal_json(version["content"])


def seal_version(version_id: uuid.UUID, content: dict[str, Any]) -> tuple[str, str]:
    """(sealed content, the seal everyone signs) for a version's row."""
    return seal_json(content), plan_content.seal(version_id, content)


async def plan_of(young_person_id: uuid.UUID) -> dict | None:
    return await Plan.select().where(Plan.young_person == young_person_id).first()


async def latest(plan_id: uuid.UUID, status: VersionStatus) -> dict | None:
    return await (
        PlanVersion.select()
        .where((PlanVersion.plan == plan_id) & (PlanVersion.status == status))
        .order_by(PlanVersion.number, ascending=False)
        .first()
    )


async def draft_and_agreed(plan_id: uuid.UUID) -> tuple[dict | None, dict | None]:
    """(the draft, the latest agreed version) in one query: a plan has at most one of
    each (agreeing supersedes the agreed one before it), and the newest of each wins."""
    rows = await (
        PlanVersion.select()
        .where(
            (PlanVersion.plan == plan_id)
            & PlanVersion.status.is_in([VersionStatus.DRAFT, VersionStatus.AGREED])
        )
        .order_by(PlanVersion.number, ascending=False)
    )
    draft = next((row for row in rows if row["status"] == VersionStatus.DRAFT), None)
    agreed = next((row for row in rows if row["status"] == VersionStatus.AGREED), None)
    return draft, agreed


async def plan_and_versions(young_person_id: uuid.UUID) -> tuple[dict | None, dict | None, dict | None]:
    """(the plan, its draft, its latest agreed version) in one round trip: the plan
    read's `plan_of` and `draft_and_agreed` together. The plan row has `id`,
    `review_due_at` and `review_reason`; the versions every column but `plan`."""
    rows = await sql.PLAN_AND_VERSIONS.rows(
        young_person=young_person_id, draft=VersionStatus.DRAFT.value, agreed=VersionStatus.AGREED.value
    )
    if not rows:
        return None, None, None
    first = rows[0]
    plan = {
        "id": first["plan_id"],
        "review_due_at": first["review_due_at"],
        "review_reason": first["review_reason"],
    }
    versions = [row for row in rows if row["id"] is not None]
    draft = next((row for row in versions if row["status"] == VersionStatus.DRAFT), None)
    agreed_row = next((row for row in versions if row["status"] == VersionStatus.AGREED), None)
    return plan, draft, agreed_row


async def working(young_person_id: uuid.UUID) -> dict[str, Any]:
    """What the draft holds, or what a draft would start from now (the agreed version,
    else a blank plan): the content the next change is checked against."""
    plan = await plan_of(young_person_id)
    if plan is None:
        return plan_content.empty_content()
    version = await latest(plan["id"], VersionStatus.DRAFT) or await latest(plan["id"], VersionStatus.AGREED)
    return load(version) if version else plan_content.empty_content()


async def agreed(young_person_id: uuid.UUID) -> tuple[dict, dict[str, Any]] | None:
    """(version row, whole content) of the latest agreed version (the row as
    `plan_and_versions` gives it)."""
    _, _, version = await plan_and_versions(young_person_id)
    return (version, load(version)) if version else None


async def choices_in_force(young_person_id: uuid.UUID) -> dict[str, Any]:
    """The sharing choices that rule what is live (not versioned), like the trio as it
    is now: the agreed plan's; before any is agreed, the draft's (the young person's
    only choice yet); with no plan at all, the defaults."""
    _, draft, agreed_row = await plan_and_versions(young_person_id)
    version = agreed_row or draft
    content = load(version) if version else plan_content.empty_content()
    return content["sharing"]


async def draft_for_edit(young_person_id: uuid.UUID, now: dt.datetime) -> dict:
    """The current draft, made from the latest agreed version if there is none.
    Call inside a write transaction."""
    plan = await plan_of(young_person_id)
    if plan is None:
        new_plan = Plan(young_person=young_person_id, created_at=now)
        await Plan.insert(new_plan)
        plan = await Plan.select().where(Plan.id == new_plan.id).first()
    assert plan is not None  # found, or inserted just above in this transaction
    draft = await latest(plan["id"], VersionStatus.DRAFT)
    if draft:
        return draft
    agreed_row = await latest(plan["id"], VersionStatus.AGREED)
    base = load(agreed_row) if agreed_row else plan_content.empty_content()
    numbers = await PlanVersion.select(PlanVersion.number).where(PlanVersion.plan == plan["id"])
    version_id = uuid.uuid4()
    sealed, digest = seal_version(version_id, base)
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
    draft = await PlanVersion.select().where(PlanVersion.id == version_id).first()
    assert draft is not None  # inserted just above in this transaction
    return draft


async def change(
    young_person_id: uuid.UUID, section: Section, value: Any, now: dt.datetime, by: Actor | Who
) -> bool:
    """Write one section of the draft and record who changed it; False (and nothing
    written: no draft started, no change listed, no audit) when it already says that.
    Callers have checked access (`edit_section` for people; the contacts domain for the
    trio's copy). A change by an account is audited here; one by someone with no
    account is audited by its caller."""
    async with write_transaction():
        if (await working(young_person_id)).get(section) == value:
            return False
        draft = await draft_for_edit(young_person_id, now)
        content = load(draft)
        content[section] = value
        sealed, digest = seal_version(draft["id"], content)
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
        return True


async def trio_states(young_person_id: uuid.UUID) -> dict[str, tuple[str, dt.datetime]]:
    """{contact id: (state, since)}: where each of the young person's people stands now."""
    rows = await sql.TRIO_STATES.rows(young_person=young_person_id)
    return {str(row["contact_id"]): (row["state"], row["since"]) for row in rows}


async def set_trio_states(
    young_person_id: uuid.UUID, states: dict[uuid.UUID, tuple[str, dt.datetime]]
) -> None:
    """Replace where the young person's people stand (not versioned, not signed)."""
    async with write_transaction():
        await TrioStanding.delete().where(TrioStanding.young_person == young_person_id)
        if states:
            await TrioStanding.insert(
                *[
                    TrioStanding(
                        contact_id=contact_id, young_person=young_person_id, state=state, since=since
                    )
                    for contact_id, (state, since) in states.items()
                ]
            )


async def forget_trio_people(young_person_id: uuid.UUID, contact_ids: set[str], name: str) -> int:
    """Erase the copies of some of the young person's people in every version of the
    plan (a person forgotten: "forget me", or the retention job): their entry stays, as
    `name` with no other detail, so each version still reads sensibly. A version whose
    content changes gets a new seal, and a signature that was on the old content moves
    with it: the erasure is the law's, not a change anyone made, so no one signs again.
    Returns how many versions changed."""
    plan = await plan_of(young_person_id)
    if plan is None:
        return 0
    changed = 0
    async with write_transaction():
        for version in await PlanVersion.select().where(PlanVersion.plan == plan["id"]):
            content = load(version)
            people = content.get(Section.TRIO)
            if not isinstance(people, list):
                continue
            erased = [
                {"id": person["id"], "name": name}
                if isinstance(person, dict) and str(person.get("id")) in contact_ids
                else person
                for person in people
            ]
            if erased == people:
                continue
            content[Section.TRIO] = erased
            sealed, digest = seal_version(version["id"], content)
            await PlanVersion.update(content=sealed, content_hash=digest).where(
                PlanVersion.id == version["id"]
            )
            await PlanSignature.update(content_hash=digest).where(
                (PlanSignature.version == version["id"])
                & (PlanSignature.content_hash == version["content_hash"])
            )
            changed += 1
    return changed


async def known_worker(young_person_id: uuid.UUID) -> tuple[uuid.UUID, dt.datetime] | None:
    """(worker id, chosen at) of the out-of-hours worker who knows the young person."""
    row = (
        await KnownWorker.select(KnownWorker.worker, KnownWorker.chosen_at)
        .where(KnownWorker.young_person == young_person_id)
        .first()
    )
    return (row["worker"], row["chosen_at"]) if row else None


async def set_known_worker(
    young_person_id: uuid.UUID, worker_id: uuid.UUID | None, chosen_by: uuid.UUID | None, now: dt.datetime
) -> bool:
    """Name the out-of-hours worker who knows the young person (None: nobody), beside
    the plan (no version, no signature). Returns whether it changed."""
    async with write_transaction():
        found = await known_worker(young_person_id)
        if (found[0] if found else None) == worker_id:
            return False
        await KnownWorker.delete().where(KnownWorker.young_person == young_person_id)
        if worker_id is not None:
            await KnownWorker.insert(
                KnownWorker(
                    young_person=young_person_id, worker=worker_id, chosen_by=chosen_by, chosen_at=now
                )
            )
        return True
