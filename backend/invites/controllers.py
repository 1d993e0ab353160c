"""Routes for making and using invites."""

from __future__ import annotations

import msgspec
from litestar import Controller, Request, Response, post
from litestar.di import NamedDependency
from litestar.params import JSONBody

from backend.accounts.actor import Actor
from backend.accounts.controllers import me_response
from backend.accounts.schemas import MeOut
from backend.clock import now
from backend.invites import services
from backend.invites.schemas import AcceptIn, CodeIn, InviteIn, InviteInfo, InviteOut
from backend.web.auth import client_address


class InvitesController(Controller):
    path = "/api/invites"
    tags = ["invites"]

    @post("/")
    async def create(self, actor: NamedDependency[Actor], data: JSONBody[InviteIn]) -> InviteOut:
        row = await services.create(actor, data.role, data.young_person_id, now())
        return msgspec.convert(row, InviteOut)

    @post("/lookup", status_code=200)
    async def lookup(self, request: Request, data: JSONBody[CodeIn]) -> InviteInfo:
        row = await services.lookup(data.code, client_address(request), now())
        return msgspec.convert(row, InviteInfo)

    @post("/accept")
    async def accept(self, request: Request, data: JSONBody[AcceptIn]) -> Response[MeOut]:
        token = await services.accept(
            data.code, data.username, data.secret, data.display_name, data.device_name,
            client_address(request), now(),
        )
        return await me_response(token, status_code=201)
