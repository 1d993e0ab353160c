"""The plan's photo and the police form (Philomena Protocol), as each reader may see them."""

from __future__ import annotations

import base64
import datetime as dt
import uuid

from backend.accounts import api as accounts
from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.audit.services import Action
from backend.errors import Conflict, NotFound
from backend.i18n import N_
from backend.plans import guards, sharing, words
from backend.plans.philomena import render as render_police_form
from backend.plans.schemas import VersionStatus
from backend.plans.services.versions import agreed, known_worker, latest, load, plan_of, trio_states
from backend.plans.services.view import with_states
from backend.plans.sharing import visible_to
from backend.plans.tables import PlanPhoto
from backend.sealed import unseal
from backend.young_people import api as young_people

NO_SUCH_PHOTO = N_("There is no such photo.")
NOT_AGREED = N_("There is no agreed plan yet. Everyone needs to sign it first.")


async def photo_data(young_person_id: uuid.UUID, photo_id: str | None) -> tuple[str, str] | None:
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
    plan = await plan_of(young_person_id)
    seen = set()
    if plan:
        for status in (VersionStatus.DRAFT, VersionStatus.AGREED):
            version = await latest(plan["id"], status)
            if version:
                seen.add(visible_to(relation, load(version)).get("photo_id"))
    found = await photo_data(young_person_id, str(photo_id)) if str(photo_id) in seen else None
    if found is None:
        raise NotFound(NO_SUCH_PHOTO)
    await audit.record(actor, Action.READ, words.PHOTO_SEEN, young_person_id)
    return found[0], base64.b64decode(found[1])


async def _form_record(young_person_id: uuid.UUID, now: dt.datetime) -> dict:
    """What the police form says about the young person and who holds the full form."""
    found = await young_people.record(young_person_id)
    if found is None:
        raise NotFound()  # require() has just found it: only a record deleted meanwhile
    details = (await young_people.details([young_person_id])).get(young_person_id)
    return {
        "preferred_name": found.preferred_name,
        "date_of_birth": found.date_of_birth,
        "age": found.age(now.date()),
        "social_workers": sorted(a.display_name for a in await young_people.social_workers(young_person_id)),
        "carers": sorted(a.display_name for a in await young_people.carers(young_person_id)),
        "legal_name": details.legal_name if details else None,
        "placement_address": details.placement_address if details else None,
        # How the police reach the adults: the phone when their account has one.
        "carers_reach": [_reach(a) for a in await young_people.carers(young_person_id)],
        "social_workers_reach": [_reach(a) for a in await young_people.social_workers(young_person_id)],
        # Out of hours, someone who knows them (seed 000), as their social worker named them.
        "known_worker_reach": [_reach(a) for a in await _known_worker(young_person_id)],
    }


async def _known_worker(young_person_id: uuid.UUID) -> list:
    chosen = await known_worker(young_person_id)
    account = await accounts.account(chosen[0]) if chosen else None
    return [account] if account is not None and account.active else []


def _reach(account) -> dict:
    return {"name": account.display_name, "phone": getattr(account, "phone", None), "email": account.email}


def police_form_name(preferred_name: str, made_at: dt.datetime) -> str:
    """The download's file name: whose form and when (ASCII, for every browser)."""
    safe = "".join(c if c.isascii() and c.isalnum() else "-" for c in preferred_name).strip("-")
    return f"police-form-{safe or 'young-person'}-{made_at:%Y-%m-%d}.pdf"


async def police_form(actor: Actor, young_person_id: uuid.UUID, now: dt.datetime) -> tuple[str, bytes]:
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
    form = with_states(form, await trio_states(young_person_id))
    record = await _form_record(young_person_id, now)
    picture = await photo_data(young_person_id, form.get("photo_id"))
    pdf = render_police_form(record, form, version, picture, now, parts, left_out)
    await audit.record(actor, Action.READ, words.POLICE_FORM, young_person_id, at=now)
    return police_form_name(record["preferred_name"], now), pdf
