"""Deleting a young person's plan (every version, its signatures and changes), photos,
trio standings and the out-of-hours worker who knows them when their records are erased."""

from __future__ import annotations

from backend.hooks import YoungPeopleErasing
from backend.plans.tables import (
    KnownWorker,
    Plan,
    PlanChange,
    PlanPhoto,
    PlanSignature,
    PlanVersion,
    TrioStanding,
)


async def erase(payload: YoungPeopleErasing) -> None:
    ids = list(payload.young_person_ids)
    plans = [row["id"] for row in await Plan.select(Plan.id).where(Plan.young_person.is_in(ids))]
    if plans:
        versions = [
            row["id"] for row in await PlanVersion.select(PlanVersion.id).where(PlanVersion.plan.is_in(plans))
        ]
        if versions:
            await PlanSignature.delete().where(PlanSignature.version.is_in(versions))
            await PlanChange.delete().where(PlanChange.version.is_in(versions))
            await PlanVersion.delete().where(PlanVersion.id.is_in(versions))
        await Plan.delete().where(Plan.id.is_in(plans))
    await PlanPhoto.delete().where(PlanPhoto.young_person.is_in(ids))
    await TrioStanding.delete().where(TrioStanding.young_person.is_in(ids))
    await KnownWorker.delete().where(KnownWorker.young_person.is_in(ids))
