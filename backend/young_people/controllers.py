"""Routes for young people's records."""

from __future__ import annotations

import uuid

from litestar import Controller, delete, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_204_NO_CONTENT

from backend.accounts.api import Actor, Role, SessionOut
from backend.clock import now
from backend.young_people import care_team, details, services
from backend.young_people import devices as phones
from backend.young_people.care_team import ALLOCATIONS, PLACEMENTS
from backend.young_people.schemas import (
    AllocationIn,
    CarerDevices,
    Colleague,
    DetailsIn,
    DetailsOut,
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
        return await services.list_for(actor, now().date())

    @post("/")
    async def add(self, actor: NamedDependency[Actor], data: JSONBody[YoungPersonIn]) -> YoungPersonOut:
        return await services.add(actor, data.preferred_name, data.date_of_birth, now())

    @get(YP)
    async def detail(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> YoungPersonOut:
        return await services.detail(actor, young_person_id, now().date())

    @get(YP + "/who-can-see")
    async def who_can_see(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[PersonWhoCanSee]:
        return await services.who_can_see(actor, young_person_id)

    @get(YP + "/who-has-looked")
    async def who_has_looked(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[Look]:
        return await services.who_has_looked(actor, young_person_id)

    @get(YP + "/devices")
    async def devices(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[SessionOut]:
        return await phones.devices(actor, young_person_id)

    @delete(YP + "/devices/{session_id:uuid}", status_code=HTTP_204_NO_CONTENT)
    async def revoke_device(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        session_id: FromPath[uuid.UUID],
    ) -> None:
        await phones.revoke_device(actor, young_person_id, session_id, now())

    @get(YP + "/carers/devices")
    async def carer_devices(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[CarerDevices]:
        return await phones.carer_devices(actor, young_person_id)

    @delete(YP + "/carers/{carer_id:uuid}/devices/{session_id:uuid}", status_code=HTTP_204_NO_CONTENT)
    async def revoke_carer_device(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        carer_id: FromPath[uuid.UUID],
        session_id: FromPath[uuid.UUID],
    ) -> None:
        await phones.revoke_carer_device(actor, young_person_id, carer_id, session_id, now())

    # -- what the council counts about them (backend/young_people/details.py) -----------

    @get(YP + "/details")
    async def read_details(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> DetailsOut:
        return await details.read(actor, young_person_id)

    @put(YP + "/details")
    async def change_details(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID], data: JSONBody[DetailsIn]
    ) -> DetailsOut:
        return await details.change(actor, young_person_id, data, now())

    # -- who looks after them: placements (carers) and allocations (social workers) ----

    @get(YP + "/placements")
    async def placements(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[TeamMemberOut]:
        return await care_team.listing(PLACEMENTS, actor, young_person_id)

    @post(YP + "/placements")
    async def place(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID], data: JSONBody[PlacementIn]
    ) -> TeamMemberOut:
        return await care_team.start(
            PLACEMENTS, actor, young_person_id, data.carer_id, data.instead_of, now()
        )

    @post(YP + "/placements/{placement_id:int}/end", status_code=200)
    async def end_placement(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID], placement_id: FromPath[int]
    ) -> TeamMemberOut:
        return await care_team.end(PLACEMENTS, actor, young_person_id, placement_id, now())

    @get(YP + "/allocations")
    async def allocations(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[TeamMemberOut]:
        return await care_team.listing(ALLOCATIONS, actor, young_person_id)

    @post(YP + "/allocations")
    async def allocate(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        data: JSONBody[AllocationIn],
    ) -> TeamMemberOut:
        return await care_team.start(
            ALLOCATIONS, actor, young_person_id, data.social_worker_id, data.instead_of, now()
        )

    @post(YP + "/allocations/{allocation_id:int}/end", status_code=200)
    async def end_allocation(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        allocation_id: FromPath[int],
    ) -> TeamMemberOut:
        return await care_team.end(ALLOCATIONS, actor, young_person_id, allocation_id, now())


class CouncilPeopleController(Controller):
    """Names and ids only: what a social worker needs to choose who takes over."""

    path = "/api/council"
    tags = ["young people"]

    @get("/carers")
    async def carers(self, actor: NamedDependency[Actor]) -> list[Colleague]:
        return await care_team.colleagues(actor, Role.CARER)

    @get("/social-workers")
    async def social_workers(self, actor: NamedDependency[Actor]) -> list[Colleague]:
        return await care_team.colleagues(actor, Role.SOCIAL_WORKER)
