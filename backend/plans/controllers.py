"""Routes for Missing Safety Plans. The copy phones keep offline (PLAN/agreed) holds the
trio as it is now, so the contacts domain serves it (contacts calls plans, not back)."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Response, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, JSONBody

from backend.accounts.actor import Actor
from backend.clock import now
from backend.plans import photo, services
from backend.plans.schemas import (
    FieldChange,
    PhotoIn,
    PlanOut,
    ReviewDue,
    SignIn,
    VersionSummary,
)

PLAN = "/api/young-people/{young_person_id:uuid}/plan"


class PlansController(Controller):
    path = PLAN
    tags = ["plans"]

    @get("/")
    async def plan(self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]) -> PlanOut:
        return await services.view(actor, young_person_id, now())

    @put("/sections/{section:str}")
    async def edit(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        section: FromPath[str],
        data: JSONBody[dict[str, Any]],
    ) -> PlanOut:
        return await services.edit_section(actor, young_person_id, section, data, now())

    @put("/photo", request_max_body_size=photo.MAX_REQUEST_BYTES)
    async def set_photo(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        data: JSONBody[PhotoIn],
    ) -> PlanOut:
        return await services.set_photo(actor, young_person_id, data.photo, now())

    @get("/photos/{photo_id:uuid}")
    async def photo(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        photo_id: FromPath[uuid.UUID],
    ) -> Response[bytes]:
        media_type, data = await services.photo(actor, young_person_id, photo_id)
        return Response(data, media_type=media_type)

    @post("/sign", status_code=200)
    async def sign(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        data: JSONBody[SignIn],
    ) -> PlanOut:
        return await services.sign(actor, young_person_id, data.content_hash, now())

    @get("/versions")
    async def versions(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[VersionSummary]:
        return await services.versions(actor, young_person_id)

    @get("/compare")
    async def compare(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        first: FromQuery[int],
        second: FromQuery[int],
    ) -> list[FieldChange]:
        return await services.compare(actor, young_person_id, first, second)

    @get("/philomena.pdf")
    async def police_form(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> Response[bytes]:
        name, pdf = await services.police_form(actor, young_person_id, now())
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )


@get("/api/plans/reviews-due", tags=["plans"])
async def reviews_due(actor: NamedDependency[Actor]) -> list[ReviewDue]:
    return await services.reviews_due(actor, now())
