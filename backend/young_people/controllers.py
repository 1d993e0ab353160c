"""Routes for young people's records."""

from __future__ import annotations

import uuid

import msgspec
from litestar import Controller, delete, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_204_NO_CONTENT

from backend.accounts.actor import Actor
from backend.accounts.schemas import SessionOut
from backend.clock import now
from backend.young_people import services
from backend.young_people.schemas import (
    CarerDevices,
    Look,
    PersonWhoCanSee,
    YoungPersonIn,
    YoungPersonOut,
    YoungPersonSummary,
)

YP = "/{young_person_id:uuid}"


class YoungPeopleController(Controller):
    path = "/api/young-people"
    tags = ["young people"]

    @get("/")
    async def list_young_people(self, actor: NamedDependency[Actor]) -> list[YoungPersonSummary]:
        rows = await services.list_for(actor, now().date())
        return msgspec.convert(rows, list[YoungPersonSummary])

    @post("/")
    async def add(self, actor: NamedDependency[Actor], data: JSONBody[YoungPersonIn]) -> YoungPersonOut:
        row = await services.add(actor, data.preferred_name, data.date_of_birth, now())
        return msgspec.convert(row, YoungPersonOut)

    @get(YP)
    async def detail(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> YoungPersonOut:
        row = await services.get(actor, young_person_id, now().date())
        return msgspec.convert(row, YoungPersonOut)

    @get(YP + "/who-can-see")
    async def who_can_see(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[PersonWhoCanSee]:
        rows = await services.who_can_see(actor, young_person_id)
        return msgspec.convert(rows, list[PersonWhoCanSee])

    @get(YP + "/who-has-looked")
    async def who_has_looked(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[Look]:
        rows = await services.who_has_looked(actor, young_person_id)
        return msgspec.convert(rows, list[Look])

    @get(YP + "/devices")
    async def devices(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[SessionOut]:
        rows = await services.devices(actor, young_person_id)
        return msgspec.convert(rows, list[SessionOut])

    @delete(YP + "/devices/{session_id:uuid}", status_code=HTTP_204_NO_CONTENT)
    async def revoke_device(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        session_id: FromPath[uuid.UUID],
    ) -> None:
        await services.revoke_device(actor, young_person_id, session_id, now())

    @get(YP + "/carers/devices")
    async def carer_devices(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[CarerDevices]:
        rows = await services.carer_devices(actor, young_person_id)
        return msgspec.convert(rows, list[CarerDevices])

    @delete(YP + "/carers/{carer_id:uuid}/devices/{session_id:uuid}", status_code=HTTP_204_NO_CONTENT)
    async def revoke_carer_device(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        carer_id: FromPath[uuid.UUID],
        session_id: FromPath[uuid.UUID],
    ) -> None:
        await services.revoke_carer_device(actor, young_person_id, carer_id, session_id, now())
