"""Plans due for review: marked when something happens (a return from missing, a
new placement), cleared when the plan is agreed again."""

from __future__ import annotations

import datetime as dt
import uuid

from backend.accounts.actor import Actor
from backend.clock import as_utc
from backend.db import write_transaction
from backend.errors import Forbidden
from backend.i18n import N_
from backend.plans import guards
from backend.plans.schemas import ReviewDue, VersionStatus
from backend.plans.services.versions import plan_of
from backend.plans.services.view import REVIEW_OVERDUE_AFTER, required_signers
from backend.plans.tables import Plan, PlanSignature, PlanVersion
from backend.young_people import api as young_people

NO_CASELOAD = N_("Only social workers have a caseload.")


async def mark_review_due(young_person_id: uuid.UUID, reason: str, at: dt.datetime) -> None:
    """The hook for later work (a return from missing, a change of placement): the plan
    must be looked at again. The earliest due date stands until the plan is agreed."""
    async with write_transaction():
        plan = await plan_of(young_person_id)
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
    caseload = await young_people.records(await young_people.caseload(actor.user_id))
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
            preferred_name=caseload[row["young_person"]].preferred_name,
            review_due_at=row["review_due_at"],
            reason=row["review_reason"],
            overdue=now - as_utc(row["review_due_at"]) > REVIEW_OVERDUE_AFTER,
        )
        for row in rows
    ]


async def attention(
    young_person_ids: list[uuid.UUID],
) -> dict[uuid.UUID, tuple[dt.datetime | None, str, list]]:
    """For each young person with a plan: (review due since or None, why, the signers
    still to sign its draft: empty when there is no draft)."""
    if not young_person_ids:
        return {}
    found = {}
    for plan in await Plan.select().where(Plan.young_person.is_in(list(set(young_person_ids)))):
        draft = await (
            PlanVersion.select(PlanVersion.id, PlanVersion.content_hash)
            .where((PlanVersion.plan == plan["id"]) & (PlanVersion.status == VersionStatus.DRAFT))
            .first()
        )
        waiting = []
        if draft:
            signed = {
                row["role"]
                for row in await PlanSignature.select(PlanSignature.role).where(
                    (PlanSignature.version == draft["id"])
                    & (PlanSignature.content_hash == draft["content_hash"])
                )
            }
            waiting = [role for role in await required_signers(plan["young_person"]) if role not in signed]
        review_due_at = as_utc(plan["review_due_at"]) if plan["review_due_at"] else None
        found[plan["young_person"]] = (review_due_at, plan["review_reason"], waiting)
    return found
