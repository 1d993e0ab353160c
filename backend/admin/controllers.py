"""Routes for administrators: accounts, never records."""

from __future__ import annotations

import uuid
from typing import Annotated

import msgspec
from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery
from litestar.status_codes import HTTP_204_NO_CONTENT

from backend.accounts.api import Actor
from backend.accounts.schemas import SignInLinkOut
from backend.admin import services
from backend.admin.schemas import AccountOut, RefusedPage
from backend.audit.services import PAGE_SIZE
from backend.clock import now


class AdminController(Controller):
    path = "/api/admin"
    tags = ["admin"]

    @get("/users")
    async def users(self, actor: NamedDependency[Actor]) -> list[AccountOut]:
        return await services.list_users(actor)

    @post("/users/{user_id:uuid}/deactivate", status_code=HTTP_204_NO_CONTENT)
    async def deactivate(self, actor: NamedDependency[Actor], user_id: FromPath[uuid.UUID]) -> None:
        await services.set_active(actor, user_id, False, now())

    @post("/users/{user_id:uuid}/reactivate", status_code=HTTP_204_NO_CONTENT)
    async def reactivate(self, actor: NamedDependency[Actor], user_id: FromPath[uuid.UUID]) -> None:
        await services.set_active(actor, user_id, True, now())

    @post("/users/{user_id:uuid}/reset-link")
    async def reset_link(self, actor: NamedDependency[Actor], user_id: FromPath[uuid.UUID]) -> SignInLinkOut:
        return await services.reset_link(actor, user_id, now())

    @get("/refused")
    async def refused(
        self,
        actor: NamedDependency[Actor],
        before: FromQuery[Annotated[str, msgspec.Meta(max_length=200)] | None] = None,
        limit: FromQuery[int] = PAGE_SIZE,
    ) -> RefusedPage:
        return await services.refused_attempts(actor, before, limit)
