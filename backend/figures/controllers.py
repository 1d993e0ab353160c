"""Route for a manager's anonymised figures."""

from __future__ import annotations

from litestar import get
from litestar.di import NamedDependency

from backend.accounts.api import Actor
from backend.figures import services
from backend.figures.schemas import FiguresOut


@get("/api/figures", tags=["figures"])
async def figures(actor: NamedDependency[Actor]) -> FiguresOut:
    return await services.for_council(actor)
