"""What other domains may ask of young people's records: typed records and ids, the
caller's relation, and `require`, the one door to a record."""

from __future__ import annotations

import uuid

from backend.young_people import details as _details
from backend.young_people import records as _records
from backend.young_people.records import (
    adult_names,
    carers,
    caseload,
    has_carer,
    known,
    link_account,
    place,
    record,
    social_workers,
    young_person_of,
)
from backend.young_people.schedule import past_schedule
from backend.young_people.schemas import Details, Ethnicity, Record, RecordAction, Relation, Sex
from backend.young_people.services import hold, relation_of, require

__all__ = [
    "Details",
    "Ethnicity",
    "Record",
    "RecordAction",
    "Relation",
    "Sex",
    "adult_names",
    "allocated_in_council",
    "carers",
    "caseload",
    "details",
    "details_in_council",
    "has_carer",
    "hold",
    "in_council",
    "known",
    "link_account",
    "past_schedule",
    "place",
    "placed_with",
    "record",
    "records",
    "relation_of",
    "require",
    "social_workers",
    "young_person_of",
]


async def placed_with(carer_id: uuid.UUID) -> list[uuid.UUID]:
    """The young people placed with this carer now."""
    return await _records.ids_placed_with(carer_id)


async def allocated_in_council(council_id: uuid.UUID | None) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The social workers allocated now to each young person of this council (a young
    person with none is left out): what makes a young person one of a team's."""
    return await _records.allocated_in_council(council_id)


async def in_council(council_id: uuid.UUID | None) -> list[uuid.UUID]:
    """The young people of this council."""
    return await _records.ids_in_council(council_id)


async def records(ids: list[uuid.UUID]) -> dict[uuid.UUID, Record]:
    return {found.id: found for found in await _records.records(ids)}


async def details(ids: list[uuid.UUID]) -> dict[uuid.UUID, Details]:
    """What the council counts about these young people (sex, ethnicity, its child id,
    in care, placed out of area), unsealed: never to be shown except as suppressed counts
    or to the young person's own social worker."""
    return await _details.of(ids)


async def details_in_council(council_id: uuid.UUID) -> list[Details]:
    """The same, for every young person of the council (the figures)."""
    return await _details.of_council(council_id)
