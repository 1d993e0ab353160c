"""Routes for due actions: the dashboard, and closing an action."""

from __future__ import annotations

import uuid

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from backend.accounts.actor import Actor
from backend.actions import services
from backend.actions.schemas import ActionOut, Dashboard, DoneIn, MeetingIn
from backend.clock import now


@get("/api/actions/dashboard", tags=["actions"])
async def dashboard(actor: NamedDependency[Actor]) -> Dashboard:
    return await services.dashboard(actor, now())


class ActionsController(Controller):
    path = "/api/young-people/{young_person_id:uuid}/actions/{action_id:uuid}"
    tags = ["actions"]

    @post("/done", status_code=200)
    async def done(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        action_id: FromPath[uuid.UUID],
        data: JSONBody[DoneIn],
    ) -> ActionOut:
        return await services.mark_done(actor, young_person_id, action_id, data, now())

    @post("/meeting", status_code=200)
    async def meeting(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        action_id: FromPath[uuid.UUID],
        data: JSONBody[MeetingIn],
    ) -> ActionOut:
        return await services.record_meeting(actor, young_person_id, action_id, data, now())
