"""Reading a plan: each version as its reader may see it, what they may do with it
(`can`), the list of versions and what changed between two of them."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import msgspec

from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.audit.services import Action
from backend.clock import as_utc
from backend.errors import NotFound
from backend.i18n import N_, translate
from backend.i18n import current as current_language
from backend.kept import Kept
from backend.plans import content as plan_content
from backend.plans import guards, sharing, sql, words
from backend.plans.schemas import (
    Change,
    ChangedBy,
    FieldChange,
    Part,
    PlanContent,
    PlanOut,
    Section,
    Signature,
    Signer,
    SignerRole,
    VersionOut,
    VersionStatus,
    VersionSummary,
)
from backend.plans.services.versions import load, plan_of, working
from backend.plans.sharing import kept_from, visible_to
from backend.plans.tables import PlanVersion
from backend.sealed import unseal
from backend.young_people import api as young_people

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
    Section.COMING_BACK: N_("when I come back"),
}
# The same parts as an adult reads them: "Tyler changed my photo" is the young person's
# voice, wrong on a carer's or social worker's screen.
SECTION_WORDS_FOR_ADULTS = {
    Section.ABOUT_ME: N_("about them"),
    Section.WORRIES: N_("what worries them"),
    Section.PLACES: N_("places"),
    Section.CARER_STEPS: N_("what their carer will do"),
    Section.SHARING: N_("who can see what"),
    Section.PROFESSIONAL_NOTES: N_("notes from professionals"),
    Section.TRIO: N_("their trusted people"),
    Section.PHOTO: N_("their photo"),
    Section.COMING_BACK: N_("when they come back"),
}
NO_SUCH_VERSION = N_("There is no plan version with that number.")


async def required_signers(young_person_id: uuid.UUID) -> list[SignerRole]:
    """The young person and their social worker always; a carer when one is placed."""
    if await young_people.has_carer(young_person_id):
        return [SignerRole.YOUNG_PERSON, SignerRole.CARER, SignerRole.SOCIAL_WORKER]
    return [SignerRole.YOUNG_PERSON, SignerRole.SOCIAL_WORKER]


States = dict[str, tuple[str, dt.datetime]]


def with_states(content: dict[str, Any], states: States) -> dict[str, Any]:
    """The content with each of the people marked with where they stand now (live,
    outside what was signed)."""
    if not content.get("trio"):
        return content
    marked = []
    for person in content["trio"]:
        state, since = states.get(person.get("id") or "", (None, None))
        marked.append({**person, "state": state, "state_since": since})
    return {**content, "trio": marked}


def _seen(relation: str | None, content: dict[str, Any], states: States | None = None) -> PlanContent:
    return msgspec.convert(with_states(visible_to(relation, content), states or {}), PlanContent)


Trail = tuple[dict[uuid.UUID, list[dict]], dict[uuid.UUID, list[dict]]]


class Around(msgspec.Struct):
    """What a plan read shows around the versions' content (from sql.PLAN_READ)."""

    trail: Trail  # ({version: its signatures, in the order signed}, {version: its changes, newest first})
    states: States  # where each of the young person's people stands now
    carers: list[str]  # names of the carers placed with them now
    workers: list[str]  # names of the social workers allocated to them now
    young_person: str  # their preferred name

    @property
    def needed(self) -> list[SignerRole]:
        """Who must sign (as `required_signers`): the young person and their social
        worker always; a carer when one is placed."""
        if self.carers:
            return [SignerRole.YOUNG_PERSON, SignerRole.CARER, SignerRole.SOCIAL_WORKER]
        return [SignerRole.YOUNG_PERSON, SignerRole.SOCIAL_WORKER]


def _plan_and_versions(rows: list[dict]) -> tuple[dict | None, dict | None, dict | None]:
    """(the plan, its draft, its latest agreed version) from sql.PLAN_READ's `version`
    rows, as versions.plan_and_versions gives them."""
    plan = draft = agreed = None
    for row in rows:
        if row["kind"] != "version":
            continue
        plan = {"id": row["plan"], "review_due_at": row["due"], "review_reason": row["name"]}
        if row["ref"] is None:
            continue
        version = {
            "id": row["ref"],
            "number": row["number"],
            "status": row["role"],
            "content": row["sealed"],
            "content_hash": row["detail"],
            "created_at": row["at"],
            "updated_at": row["at2"],
            "agreed_at": row["at3"],
        }
        if row["role"] == VersionStatus.DRAFT and (draft is None or version["number"] > draft["number"]):
            draft = version
        elif row["role"] == VersionStatus.AGREED and (agreed is None or version["number"] > agreed["number"]):
            agreed = version
    return plan, draft, agreed


def _around(rows: list[dict], *versions: dict | None) -> Around:
    signatures: dict[uuid.UUID, list[dict]] = {version["id"]: [] for version in versions if version}
    changes: dict[uuid.UUID, list[dict]] = {version_id: [] for version_id in signatures}
    around = Around(trail=(signatures, changes), states={}, carers=[], workers=[], young_person="")
    for row in rows:
        kind = row["kind"]
        if kind == "signature" and row["ref"] in signatures:
            signatures[row["ref"]].append(
                {
                    "role": row["role"],
                    "content_hash": row["detail"],
                    "signed_at": row["at"],
                    "display_name": row["name"],
                }
            )
        elif kind == "change" and row["ref"] in changes:
            changes[row["ref"]].append(
                {"at": row["at"], "actor": row["sealed"], "role": row["role"], "section": row["detail"]}
            )
        elif kind == "person":
            around.states[str(row["ref"])] = (row["detail"], row["at"])
        elif kind == "adult":
            (around.carers if row["role"] == "carer" else around.workers).append(row["name"])
        elif kind == "young_person":
            around.young_person = row["name"]
    for signed in signatures.values():
        signed.sort(key=lambda signature: as_utc(signature["signed_at"]))
    for changed in changes.values():
        changed.sort(key=lambda change: as_utc(change["at"]), reverse=True)
    return around


def _describe(
    version: dict, relation: str | None, needed: list[SignerRole], states: States, trail: Trail
) -> VersionOut:
    content = load(version)
    signatures, changes = trail[0][version["id"]], trail[1][version["id"]]
    current = [s for s in signatures if s["content_hash"] == version["content_hash"]]
    signed_roles = {s["role"] for s in current}
    return VersionOut(
        id=version["id"],
        number=version["number"],
        status=VersionStatus(version["status"]),
        content=_seen(relation, content, states),
        content_hash=version["content_hash"],
        created_at=version["created_at"],
        updated_at=version["updated_at"],
        agreed_at=version["agreed_at"],
        signatures=[
            Signature(name=s["display_name"], role=SignerRole(s["role"]), signed_at=s["signed_at"])
            for s in current
        ],
        still_to_sign=[role for role in needed if role not in signed_roles],
        changes=[
            Change(
                at=c["at"],
                name=unseal(c["actor"]),
                role=ChangedBy(c["role"]),
                section=translate(
                    (SECTION_WORDS if relation == "self" else SECTION_WORDS_FOR_ADULTS)[Section(c["section"])]
                ),
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


async def view_for(
    relation: str | None,
    young_person_id: uuid.UUID,
    now: dt.datetime,
    unchanged: bool = False,
    with_draft: bool = True,
) -> PlanOut:
    """The plan as `relation` may see it (no access check and no audit: callers do both).
    `with_draft=False` leaves the draft out (`draft` is None).

    One round trip (sql.PLAN_READ). The reply is a pure function of the rows it returns,
    the reader and the language, so it is kept (`BUILT`) under exactly those: any change
    to the plan, a signature, a change, where a person stands, who is placed or
    allocated, a name, makes another key, and the reply is built again."""
    names, values = await sql.PLAN_READ.table(
        young_person=young_person_id, draft=VersionStatus.DRAFT.value, agreed=VersionStatus.AGREED.value
    )
    # The rows as one string of bytes make the key (msgpack: equal bytes, equal values;
    # datetimes, the same instant): hashed once and compared as bytes, not value by value
    # (a tuple of the rows cost 40 us a read to hash and compare). Dicts of the rows are
    # made only to build a reply.
    key = (relation, with_draft, current_language(), msgspec.msgpack.encode([tuple(row) for row in values]))
    built = BUILT.get(key)
    if built is None:
        rows = [dict(zip(names, row, strict=True)) for row in values]
        plan, draft_row, agreed_row = _plan_and_versions(rows)
        if not with_draft:
            draft_row = None
        built = _build(relation, plan, draft_row, agreed_row, _around(rows, draft_row, agreed_row))
        BUILT.put(key, built)
    review_due_at = built.review_due_at
    overdue = bool(review_due_at and now - as_utc(review_due_at) > REVIEW_OVERDUE_AFTER)
    return msgspec.structs.replace(built, review_overdue=overdue, unchanged=unchanged)


BUILT: Kept[PlanOut] = Kept(size=256, seconds=60.0)
"""Plan replies built in the last minute, by everything they were built from."""


def _build(
    relation: str | None, plan: dict | None, draft_row: dict | None, agreed_row: dict | None, around: Around
) -> PlanOut:
    blank = plan_content.empty_content()
    draft = agreed = None
    current = blank
    review_due_at, review_reason = None, ""
    again: list[Signer] = []
    if plan:
        needed, states, trail = around.needed, around.states, around.trail
        draft = _describe(draft_row, relation, needed, states, trail) if draft_row else None
        agreed = _describe(agreed_row, relation, needed, states, trail) if agreed_row else None
        again = sign_again(relation, draft, agreed, needed, around)
        newest = draft_row or agreed_row
        current = load(newest) if newest else blank
        review_due_at, review_reason = plan["review_due_at"], plan["review_reason"]
    return PlanOut(
        draft=draft,
        agreed=agreed,
        review_due_at=review_due_at,
        review_reason=review_reason,
        review_overdue=False,
        # What a new plan starts from, so a screen can show the defaults before any edit.
        blank=_seen(relation, blank),
        can=guards.can(relation, current, draft.still_to_sign if draft else None),
        sign_again=again,
        unchanged=False,
    )


def sign_again(
    relation: str | None,
    draft: VersionOut | None,
    agreed: VersionOut | None,
    needed: list[SignerRole],
    around: Around,
) -> list[Signer]:
    """Who would have to sign again if `relation` changed the plan now (not themselves):
    those who signed the draft as it is; with no draft, everyone else who signs the new
    version an edit of the agreed plan starts."""
    mine = guards.signer_role(relation)
    if draft is not None:
        return [Signer(name=s.name, role=s.role) for s in draft.signatures if s.role != mine]
    if agreed is None:
        return []
    people: list[Signer] = []
    for role in needed:
        if role == mine:
            continue
        if role == SignerRole.YOUNG_PERSON:
            people += [Signer(name=around.young_person, role=role)] if around.young_person else []
        elif role == SignerRole.CARER:
            people += [Signer(name=name, role=role) for name in around.carers]
        else:
            people += [Signer(name=name, role=role) for name in around.workers]
    return people


async def versions(actor: Actor, young_person_id: uuid.UUID) -> list[VersionSummary]:
    await young_people.require(actor, young_person_id, guards.may_read_plan, words.SEE_VERSIONS)
    await audit.record(actor, Action.READ, words.VERSIONS_READ, young_person_id)
    plan = await plan_of(young_person_id)
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
    plan = await plan_of(young_person_id)
    rows = {}
    if plan:
        for row in await PlanVersion.select().where(
            (PlanVersion.plan == plan["id"]) & PlanVersion.number.is_in([first, second])
        ):
            rows[row["number"]] = row
    if first not in rows or second not in rows:
        raise NotFound(NO_SUCH_VERSION)
    # An older version must not show what the young person keeps from this reader now.
    current = await working(young_person_id)
    await audit.record(actor, Action.READ, words.COMPARED, young_person_id)
    changes = plan_content.diff(
        sharing.visible_in_history(relation, load(rows[first]), current),
        sharing.visible_in_history(relation, load(rows[second]), current),
    )
    return [FieldChange(**change) for change in changes]
