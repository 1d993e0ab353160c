"""What the council counts about a young person: sex, ethnicity (DfE codes), its own
identifier for the child (SSDA903 CHILD), whether they are looked after (in care, so an
episode is "missing from care") and placed out of area. Kept by the allocated social
worker; sealed at rest; unsealed only here, for the record screen and for the figures
(which publish them only as suppressed counts)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable

from backend.accounts.api import Actor
from backend.audit import services as audit
from backend.audit.services import Action
from backend.db import write_transaction
from backend.errors import Invalid
from backend.sealed import seal, unseal
from backend.young_people import guards, words
from backend.young_people.schemas import Details, DetailsIn, DetailsOut, Ethnicity, Sex
from backend.young_people.services import hold, require
from backend.young_people.tables import YoungPerson

# The DfE return's rule: letters and digits only (so no CSV quoting or formula either).
CHILD_CODE = re.compile(r"^[A-Za-z0-9]{1,10}$")

_COLUMNS = (
    YoungPerson.id,
    YoungPerson.council,
    YoungPerson.date_of_birth,
    YoungPerson.sex,
    YoungPerson.ethnicity,
    YoungPerson.child_code,
    YoungPerson.looked_after,
    YoungPerson.placed_out_of_area,
    YoungPerson.legal_name,
    YoungPerson.placement_address,
)


def _open(value: str | None) -> str | None:
    return None if value is None else unseal(value)


def _details(row: dict) -> Details:
    sex, ethnicity = _open(row["sex"]), _open(row["ethnicity"])
    return Details(
        young_person_id=row["id"],
        council_id=row["council"],
        date_of_birth=row["date_of_birth"],
        sex=Sex(sex) if sex else None,
        ethnicity=Ethnicity(ethnicity) if ethnicity else None,
        child_code=_open(row["child_code"]),
        looked_after=bool(row["looked_after"]),
        placed_out_of_area=bool(row["placed_out_of_area"]),
        legal_name=_open(row["legal_name"]),
        placement_address=_open(row["placement_address"]),
    )


async def of_council(council_id: uuid.UUID) -> list[Details]:
    """Every young person of the council (for the figures: no names)."""
    rows = await YoungPerson.select(*_COLUMNS).where(YoungPerson.council == council_id)
    return [_details(row) for row in rows]


async def of(ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Details]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = await YoungPerson.select(*_COLUMNS).where(YoungPerson.id.is_in(wanted))
    return {row["id"]: _details(row) for row in rows}


def _out(found: Details) -> DetailsOut:
    return DetailsOut(
        sex=found.sex,
        ethnicity=found.ethnicity,
        child_code=found.child_code,
        looked_after=found.looked_after,
        placed_out_of_area=found.placed_out_of_area,
        legal_name=found.legal_name,
        placement_address=found.placement_address,
    )


def _kept(value: str | None, old: str | None) -> str | None:
    """A sealed new value; None (not sent) keeps the old one; "" clears it."""
    if value is None:
        return seal(old) if old else None
    value = value.strip()
    return seal(value) if value else None


async def read(actor: Actor, young_person_id: uuid.UUID) -> DetailsOut:
    await require(actor, young_person_id, guards.may_edit_details, words.SEE_DETAILS)
    found = (await of([young_person_id]))[young_person_id]
    await audit.record(actor, Action.READ, words.DETAILS_OPENED, young_person_id)
    return _out(found)


async def change(actor: Actor, young_person_id: uuid.UUID, data: DetailsIn, now: dt.datetime) -> DetailsOut:
    await require(actor, young_person_id, guards.may_edit_details, words.CHANGE_DETAILS)
    code = data.child_code.strip() if data.child_code else None
    if code is not None and not CHILD_CODE.match(code):
        raise Invalid({"child_code": words.CHILD_CODE_FORM})
    async with write_transaction():
        await hold(young_person_id)
        if code is not None:
            # Sealed values cannot be compared in the database: look through the council.
            found = (await of([young_person_id]))[young_person_id]
            for other in await of_council(found.council_id):
                clash = other.child_code and other.child_code.upper() == code.upper()
                if clash and other.young_person_id != young_person_id:
                    raise Invalid({"child_code": words.CHILD_CODE_TAKEN})
        kept = (await of([young_person_id]))[young_person_id]
        await YoungPerson.update(
            {
                YoungPerson.legal_name: _kept(data.legal_name, kept.legal_name),
                YoungPerson.placement_address: _kept(data.placement_address, kept.placement_address),
                YoungPerson.sex: seal(data.sex.value) if data.sex else None,
                YoungPerson.ethnicity: seal(data.ethnicity.value) if data.ethnicity else None,
                YoungPerson.child_code: seal(code) if code else None,
                YoungPerson.looked_after: data.looked_after,
                YoungPerson.placed_out_of_area: data.placed_out_of_area,
            }
        ).where(YoungPerson.id == young_person_id)
        await audit.record(actor, Action.CHANGE, words.DETAILS_CHANGED, young_person_id, at=now)
    return _out((await of([young_person_id]))[young_person_id])


# What the demo council records (fictional, like everything in backend/demo.py).
DEMO = {
    "Jade": DetailsIn(
        sex=Sex.FEMALE,
        ethnicity=Ethnicity.MWBC,
        child_code="NB0001",
        looked_after=True,
        legal_name="Jade Amara Mensah",
        placement_address="14 Willow Close, Northbrook NB2 7QT",
    ),
    "Tyler": DetailsIn(sex=Sex.MALE, ethnicity=Ethnicity.WBRI, child_code="NB0002", looked_after=True),
    "Mia": DetailsIn(
        sex=Sex.FEMALE,
        ethnicity=Ethnicity.BAFR,
        child_code="NB0003",
        looked_after=True,
        placed_out_of_area=True,
    ),
}


async def load_demo(council_id: uuid.UUID) -> None:
    """The demo young people's details, written as the demo's other records are: unaudited."""
    rows = await YoungPerson.select(YoungPerson.id, YoungPerson.preferred_name).where(
        YoungPerson.council == council_id
    )
    async with write_transaction():
        for row in rows:
            data = DEMO.get(row["preferred_name"])
            if data is None:
                continue
            await YoungPerson.update(
                {
                    YoungPerson.sex: seal(data.sex.value) if data.sex else None,
                    YoungPerson.ethnicity: seal(data.ethnicity.value) if data.ethnicity else None,
                    YoungPerson.child_code: seal(data.child_code) if data.child_code else None,
                    YoungPerson.looked_after: data.looked_after,
                    YoungPerson.placed_out_of_area: data.placed_out_of_area,
                    YoungPerson.legal_name: seal(data.legal_name) if data.legal_name else None,
                    YoungPerson.placement_address: seal(data.placement_address)
                    if data.placement_address
                    else None,
                }
            ).where(YoungPerson.id == row["id"])
