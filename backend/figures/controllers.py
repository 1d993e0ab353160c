"""Routes for a manager's anonymised figures."""

from __future__ import annotations

import datetime as dt
import uuid

from litestar import Controller, Response, get
from litestar.di import NamedDependency
from litestar.params import FromQuery

from backend.accounts.api import Actor
from backend.clock import now
from backend.figures import services
from backend.figures.schemas import FiguresOut, MissingFigures


@get("/api/figures", tags=["figures"])
async def figures(actor: NamedDependency[Actor]) -> FiguresOut:
    return await services.for_council(actor)


class MissingFiguresController(Controller):
    """Seed 002's counts for a fixed period (month, quarter, year), small numbers hidden."""

    path = "/api/figures/missing"
    tags = ["figures"]

    @get("/")
    async def missing(
        self,
        actor: NamedDependency[Actor],
        period: FromQuery[str | None] = None,
        start: FromQuery[dt.date | None] = None,
        team: FromQuery[uuid.UUID | None] = None,
    ) -> MissingFigures:
        return await services.missing(actor, period, start, now(), team)

    @get("/csv", media_type="text/csv")
    async def missing_csv(
        self,
        actor: NamedDependency[Actor],
        period: FromQuery[str | None] = None,
        start: FromQuery[dt.date | None] = None,
        team: FromQuery[uuid.UUID | None] = None,
    ) -> Response[str]:
        figures = await services.missing(actor, period, start, now(), team)
        name = f"homeward-figures-{figures.period.kind}-{figures.period.start.isoformat()}.csv"
        return Response(
            services.to_csv(figures),
            media_type="text/csv",  # Litestar adds "; charset=utf-8"
            headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
        )
