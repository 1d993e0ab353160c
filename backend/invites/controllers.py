"""Routes for making and using invites."""

from __future__ import annotations

import msgspec
from litestar import Controller, Response, post
from litestar.di import NamedDependency
from litestar.params import JSONBody

from backend.accounts.actor import Actor
from backend.accounts.controllers import me_response
from backend.accounts.schemas import MeOut
from backend.clock import now
from backend.invites import services
from backend.invites.schemas import AcceptIn, CodeIn, InviteIn, InviteInfo, InviteOut


class InvitesController(Controller):
    path = "/api/invites"
    tags = ["invites"]

    @post("/")
    async def create(self, actor: NamedDependency[Actor], data: JSONBody[InviteIn]) -> InviteOut:
        row = await services.create(actor, data.role, data.young_person_id, now())
        return msgspec.convert(row, InviteOut)

    @post("/lookup", status_code=200)
    async def lookup(self, data: JSONBody[CodeIn]) -> InviteInfo:
        return msgspec.convert(await services.lookup(data.code, now()), InviteInfo)

    @post("/accept")
    async def accept(self, data: JSONBody[AcceptIn]) -> Response[MeOut]:
        token = await services.accept(
            data.code, data.username, data.secret, data.display_name, data.device_name, now()
        )
        return await me_response(token, status_code=201)
