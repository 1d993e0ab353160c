"""Route for a manager's anonymised figures."""

from __future__ import annotations

import msgspec
from litestar import get
from litestar.di import NamedDependency

from backend.accounts.actor import Actor
from backend.figures import services


class Figure(msgspec.Struct):
    key: str
    label: str
    value: str


class FiguresOut(msgspec.Struct):
    council: str
    figures: list[Figure]


@get("/api/figures", tags=["figures"])
async def figures(actor: NamedDependency[Actor]) -> FiguresOut:
    return msgspec.convert(await services.for_council(actor), FiguresOut)
