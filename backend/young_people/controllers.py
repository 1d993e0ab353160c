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
from backend.young_people import care_team, services
from backend.young_people.care_team import ALLOCATIONS, PLACEMENTS
from backend.young_people.schemas import (
    AllocationIn,
    CarerDevices,
    Colleague,
    Look,
    PersonWhoCanSee,
    PlacementIn,
    TeamMemberOut,
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
    # -- who looks after them: placements (carers) and allocations (social workers) ----

    @get(YP + "/placements")
    async def placements(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[TeamMemberOut]:
        rows = await care_team.listing(PLACEMENTS, actor, young_person_id)
        return msgspec.convert(rows, list[TeamMemberOut])

    @post(YP + "/placements")
    async def place(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID], data: JSONBody[PlacementIn]
    ) -> TeamMemberOut:
        row = await care_team.start(PLACEMENTS, actor, young_person_id, data.carer_id, data.instead_of, now())
        return msgspec.convert(row, TeamMemberOut)

    @post(YP + "/placements/{placement_id:int}/end", status_code=200)
    async def end_placement(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID], placement_id: FromPath[int]
    ) -> TeamMemberOut:
        row = await care_team.end(PLACEMENTS, actor, young_person_id, placement_id, now())
        return msgspec.convert(row, TeamMemberOut)

    @get(YP + "/allocations")
    async def allocations(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[TeamMemberOut]:
        rows = await care_team.listing(ALLOCATIONS, actor, young_person_id)
        return msgspec.convert(rows, list[TeamMemberOut])

    @post(YP + "/allocations")
    async def allocate(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        data: JSONBody[AllocationIn],
    ) -> TeamMemberOut:
        row = await care_team.start(
            ALLOCATIONS, actor, young_person_id, data.social_worker_id, data.instead_of, now()
        )
        return msgspec.convert(row, TeamMemberOut)

    @post(YP + "/allocations/{allocation_id:int}/end", status_code=200)
    async def end_allocation(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        allocation_id: FromPath[int],
    ) -> TeamMemberOut:
        row = await care_team.end(ALLOCATIONS, actor, young_person_id, allocation_id, now())
        return msgspec.convert(row, TeamMemberOut)


class CouncilPeopleController(Controller):
    """Names and ids only: what a social worker needs to choose who takes over."""

    path = "/api/council"
    tags = ["young people"]

    @get("/carers")
    async def carers(self, actor: NamedDependency[Actor]) -> list[Colleague]:
        return msgspec.convert(await care_team.colleagues(actor, "carer"), list[Colleague])

    @get("/social-workers")
    async def social_workers(self, actor: NamedDependency[Actor]) -> list[Colleague]:
        return msgspec.convert(await care_team.colleagues(actor, "social_worker"), list[Colleague])
