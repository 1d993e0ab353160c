"""Routes for making and using invites."""

from __future__ import annotations

from litestar import Controller, Request, Response, post
from litestar.di import NamedDependency
from litestar.params import JSONBody

from backend.accounts.api import Actor
from backend.accounts.edge import ComposeActor, signed_in
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
        return await services.create(actor, data.role, data.young_person_id, now())

    @post("/lookup", status_code=200)
    async def lookup(self, request: Request, data: JSONBody[CodeIn]) -> InviteInfo:
        return await services.lookup(data.code, client_address(request), now())

    @post("/accept")
    async def accept(
        self, request: Request, data: JSONBody[AcceptIn], compose_actor: NamedDependency[ComposeActor]
    ) -> Response[MeOut]:
        token = await services.accept(
            data.code,
            data.username,
            data.secret,
            data.display_name,
            data.device_name,
            client_address(request),
            now(),
        )
        return await signed_in(token, compose_actor, status_code=201)
