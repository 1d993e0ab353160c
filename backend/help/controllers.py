"""POST /api/help: a young person asks their social worker for help."""

from __future__ import annotations

from litestar import post
from litestar.di import NamedDependency
from litestar.params import JSONBody

from backend.accounts.api import Actor
from backend.help import services
from backend.help.schemas import HelpIn, HelpOut


@post("/api/help", status_code=200, tags=["help"])
async def ask_for_help(actor: NamedDependency[Actor], data: JSONBody[HelpIn]) -> HelpOut:
    return await services.ask(actor, data)
