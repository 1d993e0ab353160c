"""Routes for making and using invites."""

from __future__ import annotations

import uuid

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from backend.accounts.api import Actor
from backend.accounts.edge import ComposeActor, signed_in
from backend.accounts.schemas import (
    MeOut,
    SignInLinkCodeIn,
    SignInLinkInfo,
    SignInLinkOut,
    UseSignInLinkIn,
)
from backend.clock import now
from backend.invites import recovery, services
from backend.invites.schemas import (
    AcceptIn,
    CodeIn,
    EmailInviteIn,
    InviteEmailed,
    InviteIn,
    InviteInfo,
    InviteOut,
    InviteSummary,
    SignInLinkIn,
)
from backend.web.auth import client_address


class InvitesController(Controller):
    path = "/api/invites"
    tags = ["invites"]

    @post("/")
    async def create(self, actor: NamedDependency[Actor], data: JSONBody[InviteIn]) -> InviteOut:
        return await services.create(actor, data.role, data.young_person_id, now())

    @post("/email", status_code=200)
    async def email(self, actor: NamedDependency[Actor], data: JSONBody[EmailInviteIn]) -> InviteEmailed:
        return await services.email(actor, data.young_person_id, data.code, data.email, now())

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


class YoungPersonInvitesController(Controller):
    """The invites made for one young person, with what really happened to each."""

    path = "/api/young-people/{young_person_id:uuid}/invites"
    tags = ["invites"]

    @get("/")
    async def made_for(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[InviteSummary]:
        return await services.made_for(actor, young_person_id, now())


class SignInLinksController(Controller):
    """A new sign-in link for a young person (a forgotten PIN, a lost phone), and using
    one (also an admin's reset link for a professional, see backend/admin)."""

    path = "/api/sign-in-links"
    tags = ["invites"]

    @post("/")
    async def create(self, actor: NamedDependency[Actor], data: JSONBody[SignInLinkIn]) -> SignInLinkOut:
        return await recovery.make_for_young_person(actor, data.young_person_id, now())

    @post("/lookup", status_code=200)
    async def lookup(self, request: Request, data: JSONBody[SignInLinkCodeIn]) -> SignInLinkInfo:
        return await recovery.lookup(data.code, client_address(request), now())

    @post("/use")
    async def use(
        self, request: Request, data: JSONBody[UseSignInLinkIn], compose_actor: NamedDependency[ComposeActor]
    ) -> Response[MeOut]:
        token = await recovery.use(
            data.code,
            data.secret,
            data.second_factor_code,
            data.device_name,
            client_address(request),
            now(),
        )
        return await signed_in(token, compose_actor, status_code=201)
