"""Routes for a council's settings: the caller's own council, always."""

from __future__ import annotations

from litestar import Controller, get, put
from litestar.di import NamedDependency
from litestar.params import JSONBody

from backend.accounts.actor import Actor
from backend.clock import now
from backend.councils import services
from backend.councils.schemas import SettingsIn, SettingsView


class CouncilSettingsController(Controller):
    path = "/api/council/settings"
    tags = ["council settings"]

    @get("/")
    async def show(self, actor: NamedDependency[Actor]) -> SettingsView:
        return await services.view(actor, now())

    @put("/")
    async def change(self, actor: NamedDependency[Actor], data: JSONBody[SettingsIn]) -> SettingsView:
        return await services.change(actor, data, now())
