"""Routes for signing in and out, sessions, changing a PIN or password, and the
language a person reads Homeward in."""

from __future__ import annotations

import uuid

from litestar import Controller, Request, Response, delete, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_204_NO_CONTENT

from backend.accounts import services
from backend.accounts.actor import Actor
from backend.accounts.edge import ComposeActor, signed_in
from backend.accounts.schemas import ChangeSecretIn, LanguageIn, LoginIn, MeOut, PhoneIn, SessionOut
from backend.clock import now
from backend.web import language
from backend.web.auth import DEVICE_COOKIE, clear_session_cookie, client_address


class AuthController(Controller):
    path = "/api/auth"
    tags = ["accounts"]

    @post("/login", status_code=200)
    async def login(
        self, request: Request, data: JSONBody[LoginIn], compose_actor: NamedDependency[ComposeActor]
    ) -> Response[MeOut]:
        token, _ = await services.sign_in(
            data.identifier,
            data.secret,
            data.code,
            data.device_name,
            client_address(request),
            now(),
            request.cookies.get(DEVICE_COOKIE),
        )
        return await signed_in(token, compose_actor)

    @get("/me")
    async def me(self, actor: NamedDependency[Actor]) -> MeOut:
        return await services.me(actor)

    @put("/me/language")
    async def set_language(
        self, request: Request, actor: NamedDependency[Actor], data: JSONBody[LanguageIn]
    ) -> MeOut:
        await services.set_language(actor, data.language)
        language.use(request, data.language)
        return await services.me(actor)

    @put("/me/phone")
    async def set_phone(self, actor: NamedDependency[Actor], data: JSONBody[PhoneIn]) -> MeOut:
        """A carer's or professional's own phone: the police form lists it."""
        await services.set_phone(actor, data.phone)
        return await services.me(actor)

    @post("/logout", status_code=HTTP_204_NO_CONTENT)
    async def logout(self, actor: NamedDependency[Actor]) -> Response[None]:
        await services.sign_out(actor, now())
        response = Response(None, status_code=HTTP_204_NO_CONTENT)
        clear_session_cookie(response)
        return response

    @post("/change-secret", status_code=HTTP_204_NO_CONTENT)
    async def change_secret(self, actor: NamedDependency[Actor], data: JSONBody[ChangeSecretIn]) -> None:
        await services.change_secret(actor, data.current_secret, data.new_secret, now())

    @get("/sessions")
    async def sessions(self, actor: NamedDependency[Actor]) -> list[SessionOut]:
        return await services.list_sessions(actor.user_id, actor.session_id)

    @delete("/sessions/{session_id:uuid}", status_code=HTTP_204_NO_CONTENT)
    async def revoke(self, actor: NamedDependency[Actor], session_id: FromPath[uuid.UUID]) -> None:
        await services.revoke_own(actor, session_id, now())
