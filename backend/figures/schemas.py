"""Reply shapes for a manager's figures."""

from __future__ import annotations

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
