"""Reply shapes for a manager's figures."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

import msgspec


class FigureKey(StrEnum):
    YOUNG_PEOPLE = "young_people"
    YOUNG_PEOPLE_JOINED = "young_people_joined"
    CARERS = "carers"


class Figure(msgspec.Struct):
    key: FigureKey
    label: str
    value: str
    """A number, or "fewer than 10" (small numbers are never shown)."""


class FiguresOut(msgspec.Struct):
    council: str
    figures: list[Figure]


# -- missing episodes and return interviews (seed 002) ------------------------------------


class Cell(msgspec.Struct):
    key: str
    label: str
    value: int | None
    """None: hidden (fewer than 10, or would give a hidden number away)."""


class BreakdownRow(msgspec.Struct):
    key: str
    label: str
    cells: list[int | None]
    total: int | None


class Breakdown(msgspec.Struct):
    dimension: str
    label: str
    rows: list[BreakdownRow]


class GroupOut(msgspec.Struct):
    key: str
    label: str
    parts: list[Cell]
    total: int | None
    breakdowns: list[Breakdown]


class PeriodOut(msgspec.Struct):
    kind: str
    start: dt.date
    end: dt.date
    """The day after the period."""


class TrendPoint(msgspec.Struct):
    start: dt.date
    value: int | None


class Trend(msgspec.Struct):
    key: str
    label: str
    points: list[TrendPoint]


class TeamOut(msgspec.Struct):
    id: uuid.UUID
    name: str


class MissingFigures(msgspec.Struct):
    council: str
    period: PeriodOut
    previous: dt.date
    next: dt.date | None
    """None: the chosen period is the current one."""
    headline: list[Cell]
    groups: list[GroupOut]
    trends: list[Trend]
    teams: list[TeamOut] = msgspec.field(default_factory=list)
    """The council's teams, to choose from (`?team=<id>`)."""
    team: TeamOut | None = None
    """The team these figures are for (its young people: those whose social worker allocated
    now is in it); None: the whole council."""
