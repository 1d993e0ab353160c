"""Where the figures' facts come from: the episodes' and interviews' `facts(...)`
(CONTRACTS.md) and what the council records about each young person.

TRANSITIONAL: while the interviews domain is not yet on main, its api is found by name
at run time and, missing, gives no facts; when it lands this becomes a plain import."""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import uuid
from typing import Any

from backend.episodes import api as episodes_api
from backend.figures.counting import EpisodeFact, InterviewFact, Person
from backend.young_people import api as young_people


def _api(domain: str) -> Any | None:
    name = f"backend.{domain}.api"
    try:
        found = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    return importlib.import_module(name) if found else None


async def episodes(council_id: uuid.UUID, start: dt.datetime, end: dt.datetime) -> list[EpisodeFact]:
    """Episodes that started in [start, end)."""
    return list(await episodes_api.facts(council_id=council_id, start=start, end=end))


async def interviews(council_id: uuid.UUID, start: dt.datetime, end: dt.datetime) -> list[InterviewFact]:
    """Interviews whose return fell in [start, end)."""
    api = _api("interviews")
    return list(await api.facts(council_id=council_id, start=start, end=end)) if api else []


async def people(council_id: uuid.UUID) -> dict[uuid.UUID, Person]:
    return {
        found.young_person_id: Person(
            date_of_birth=found.date_of_birth,
            sex=found.sex.value if found.sex else None,
            ethnicity=found.ethnicity.value if found.ethnicity else None,
            placed_out_of_area=found.placed_out_of_area,
        )
        for found in await young_people.details_in_council(council_id)
    }
