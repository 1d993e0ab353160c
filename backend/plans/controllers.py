"""Routes for Missing Safety Plans."""

from __future__ import annotations

import uuid
from typing import Any

import msgspec
from litestar import Controller, Request, Response, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, JSONBody

from backend.accounts.actor import Actor
from backend.clock import now
from backend.contacts import services as contacts
from backend.plans import services
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
        return msgspec.convert(await services.view(actor, young_person_id, now()), PlanOut)

    @put("/sections/{section:str}")
    async def edit(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        section: FromPath[str],
        data: JSONBody[dict[str, Any]],
    ) -> PlanOut:
        result = await services.edit_section(actor, young_person_id, section, data, now())
        return msgspec.convert(result, PlanOut)

    @put("/photo")
    async def set_photo(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        data: JSONBody[PhotoIn],
    ) -> PlanOut:
        result = await services.set_photo(actor, young_person_id, data.photo, now())
        return msgspec.convert(result, PlanOut)

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
        result = await services.sign(actor, young_person_id, data.content_hash, now())
        return msgspec.convert(result, PlanOut)

    @get("/versions")
    async def versions(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[VersionSummary]:
        return msgspec.convert(await services.versions(actor, young_person_id), list[VersionSummary])

    @get("/compare")
    async def compare(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        first: FromQuery[int],
        second: FromQuery[int],
    ) -> list[FieldChange]:
        changes = await services.compare(actor, young_person_id, first, second)
        return msgspec.convert(changes, list[FieldChange])

    @get("/agreed")
    async def agreed(
        self, request: Request, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> Response[bytes]:
        """The latest agreed plan and the trio's current state, for reading offline.
        Phones revalidate with If-None-Match and get 304 when nothing changed."""
        etag, body = await contacts.offline_copy(
            actor, young_person_id, now(), request.headers.get("if-none-match")
        )
        if body is None:
            return Response(b"", status_code=304, headers={"ETag": etag})
        return Response(body, media_type="application/json", headers={"ETag": etag})

    @get("/philomena.pdf")
    async def police_form(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> Response[bytes]:
        pdf = await services.police_form(actor, young_person_id, now())
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"Content-Disposition": 'attachment; filename="police-form.pdf"'},
        )


@get("/api/plans/reviews-due", tags=["plans"])
async def reviews_due(actor: NamedDependency[Actor]) -> list[ReviewDue]:
    return msgspec.convert(await services.reviews_due(actor, now()), list[ReviewDue])
