"""Routes for signing in and out, sessions and changing a PIN or password."""

from __future__ import annotations

import uuid

import msgspec
from litestar import Controller, Request, Response, delete, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_204_NO_CONTENT

from backend.accounts import services
from backend.accounts.actor import Actor
from backend.accounts.schemas import ChangeSecretIn, LoginIn, MeOut, SessionOut
from backend.clock import now
from backend.web.auth import (
    DEVICE_COOKIE,
    clear_session_cookie,
    client_address,
    set_device_cookie,
    set_session_cookie,
)


async def me_response(token: str, status_code: int = 200) -> Response[MeOut]:
    """A Me reply that sets the session cookie and the device cookie (after sign-in or
    joining)."""
    at = now()
    actor = await services.actor_for_token(token, at)
    body = msgspec.convert(await services.me(actor), MeOut)
    response = Response(body, status_code=status_code)
    set_session_cookie(response, token, actor.session_kind)
    set_device_cookie(response, services.remember_device(actor, at))
    return response


class AuthController(Controller):
    path = "/api/auth"
    tags = ["accounts"]

    @post("/login", status_code=200)
    async def login(self, request: Request, data: JSONBody[LoginIn]) -> Response[MeOut]:
        token, _ = await services.sign_in(
            data.identifier, data.secret, data.code, data.device_name,
            client_address(request), now(), request.cookies.get(DEVICE_COOKIE),
        )
        return await me_response(token)

    @get("/me")
    async def me(self, actor: NamedDependency[Actor]) -> MeOut:
        return msgspec.convert(await services.me(actor), MeOut)

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
        rows = await services.list_sessions(actor.user_id, actor.session_id)
        return msgspec.convert(rows, list[SessionOut])

    @delete("/sessions/{session_id:uuid}", status_code=HTTP_204_NO_CONTENT)
    async def revoke(
        self, actor: NamedDependency[Actor], session_id: FromPath[uuid.UUID]
    ) -> None:
        await services.revoke_session(actor.user_id, session_id, now())
