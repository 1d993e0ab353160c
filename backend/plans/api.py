"""What other domains may call about a young person's plan.

Typed in and out: nobody outside plans reads its tables or its sealed content. Access
checks and audit are the caller's, as for any service given a relation.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import msgspec

from backend.accounts.actor import Actor
from backend.audit.services import Who
from backend.plans import content as plan_content
from backend.plans import services
from backend.plans.schemas import ComingBack, OfflinePlan, Part, PlanContent, Section, Sharing, TrioPerson
from backend.plans.sharing import kept_from


@dataclass(frozen=True)
class AgreedPlan:
    number: int
    agreed_at: dt.datetime
    content: PlanContent  # all of it, as the young person and their social worker see it


async def agreed_content(young_person_id: uuid.UUID) -> AgreedPlan | None:
    """The latest agreed version, or None before everyone has signed one."""
    found = await services.agreed(young_person_id)
    if found is None:
        return None
    version, content = found
    return AgreedPlan(
        number=version["number"],
        agreed_at=version["agreed_at"],
        content=msgspec.convert(content, PlanContent),
    )


async def phone_of(young_person_id: uuid.UUID) -> str:
    """The young person's phone number in their agreed plan ("" if none): what an alert
    shows the people it reaches, so it is the agreed one, never a draft's."""
    found = await services.agreed(young_person_id)
    about = (found[1].get("about_me") if found else None) or {}
    return about.get("phone") or ""


async def mark_review_due(young_person_id: uuid.UUID, reason: str, at: dt.datetime) -> None:
    """The plan must be looked at again (a return from missing, a new placement)."""
    await services.mark_review_due(young_person_id, reason, at)


async def when_i_come_back(relation: str | None, young_person_id: uuid.UUID) -> ComingBack | None:
    """The young person's own words on how they want to be welcomed back, as `relation`
    may see them in the agreed plan (None when there are none or they keep them)."""
    found = await services.agreed(young_person_id)
    if found is None or Part.COMING_BACK in kept_from(relation, found[1]):
        return None
    wishes = msgspec.convert(found[1].get("coming_back") or {}, ComingBack)
    return wishes if wishes.what_helps or wishes.please_dont else None


@dataclass(frozen=True)
class PlanAttention:
    """What a young person's plan needs from their social worker now."""

    review_due_at: dt.datetime | None  # None: no review due
    review_reason: str
    waiting_for: list[str]  # who still has to sign the draft ("young_person", "carer", ...)


async def attention(young_person_ids: list[uuid.UUID]) -> dict[uuid.UUID, PlanAttention]:
    """For each of these young people who has a plan: its review and signatures."""
    found = await services.attention(young_person_ids)
    return {
        young_person_id: PlanAttention(due, reason, [str(role) for role in waiting])
        for young_person_id, (due, reason, waiting) in found.items()
    }


async def sharing(young_person_id: uuid.UUID) -> Sharing:
    """The sharing choices in force now: the agreed plan's, else the draft's, else the
    defaults (see services.choices_in_force)."""
    return msgspec.convert(await services.choices_in_force(young_person_id), Sharing)


async def may_see_live(relation: str | None, young_person_id: uuid.UUID, part: Part) -> bool:
    """Whether `relation` may see the live (not versioned) form of a part, like the
    trio as it is now, under the choices in force."""
    choices = await services.choices_in_force(young_person_id)
    return part not in kept_from(relation, {"sharing": choices})


async def refresh_trio(
    young_person_id: uuid.UUID, people: list[TrioPerson], now: dt.datetime, by: Actor | Who
) -> None:
    """Copy the young person's people into the draft (started if need be), so every
    version keeps who they were. `by` changed them: an account (audited here) or a
    trusted contact (audited by the caller). Nothing changes when they are the same."""
    await services.change(young_person_id, Section.TRIO, msgspec.to_builtins(people), now, by)


async def forget_trio_people(young_person_id: uuid.UUID, contact_ids: list[uuid.UUID], name: str) -> int:
    """Erase the copies of these people (contact ids) in every version of the young
    person's plan, leaving `name` in their place; signatures stay. Returns how many
    versions changed."""
    return await services.forget_trio_people(young_person_id, {str(c) for c in contact_ids}, name)


async def set_trio_states(
    young_person_id: uuid.UUID, states: dict[uuid.UUID, tuple[str, dt.datetime]]
) -> None:
    """Where each of the young person's people stands now ({contact id: (state, since)},
    states as contacts names them): shown with every version, never signed, so a
    change of it (stepping down) is no new version and clears no signature."""
    await services.set_trio_states(young_person_id, states)


async def known_worker(young_person_id: uuid.UUID) -> tuple[uuid.UUID, dt.datetime] | None:
    """(account id, chosen at) of the out-of-hours worker who knows the young person, as
    their social worker named them (alerts checks they are still on the rota)."""
    return await services.known_worker(young_person_id)


async def set_known_worker(
    young_person_id: uuid.UUID, worker_id: uuid.UUID | None, chosen_by: uuid.UUID | None, now: dt.datetime
) -> bool:
    """Name the out-of-hours worker who knows the young person (None: nobody), beside the
    plan: no new version, no signature cleared. The caller checks who may be named and
    audits it. Returns whether it changed."""
    return await services.set_known_worker(young_person_id, worker_id, chosen_by, now)


async def offline_copy(relation: str | None, young_person_id: uuid.UUID, now: dt.datetime) -> OfflinePlan:
    """The agreed plan as `relation` may see it, for a phone to keep."""
    plan = await services.view_for(relation, young_person_id, now, with_draft=False)
    return OfflinePlan(agreed=plan.agreed, review_due_at=plan.review_due_at)


def normalise_phone(raw: str) -> str:
    """A UK phone number as the plan keeps it (+44..., E.164), so call and text links
    work; raises msgspec.ValidationError when it is not one."""
    return plan_content.normalise_phone(raw)
