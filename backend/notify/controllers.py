"""Routes for the signed-in person's own notices."""

from __future__ import annotations

import uuid

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.status_codes import HTTP_204_NO_CONTENT

from backend.accounts.actor import Actor
from backend.clock import now
from backend.notify import services
from backend.notify.schemas import NoticeList


class NoticesController(Controller):
    path = "/api/notices"
    tags = ["notices"]

    @get("/")
    async def mine(self, actor: NamedDependency[Actor]) -> NoticeList:
        return await services.list_mine(actor)

    @post("/{notice_id:uuid}/read", status_code=HTTP_204_NO_CONTENT)
    async def read(self, actor: NamedDependency[Actor], notice_id: FromPath[uuid.UUID]) -> None:
        await services.mark_read(actor, notice_id, now())
