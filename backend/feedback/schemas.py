"""Request and reply shapes for police-response feedback, and its words as enums."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated

import msgspec

Token = Annotated[str, msgspec.Meta(max_length=40)]
Face = Annotated[int, msgspec.Meta(ge=1, le=5)]
FreeText = Annotated[str, msgspec.Meta(max_length=1000)]
QuarterText = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-Q[1-4]$", max_length=7)]


class Question(StrEnum):
    """The five-face questions (issue 11), in the order the form asks them."""

    RESPECT = "respect"
    LISTENED = "listened"
    EXPLAINED = "explained"
    SAFE = "safe"
    HELPED = "helped"


class Happened(StrEnum):
    """Whether they were searched or restrained."""

    SEARCHED = "searched"
    RESTRAINED = "restrained"


class YesNo(StrEnum):
    YES = "yes"
    NO = "no"
    RATHER_NOT_SAY = "rather_not_say"


class QuoteState(StrEnum):
    WAITING = "waiting"
    """Masked automatically; not yet read by a moderator. Nobody else sees it."""
    RELEASED = "released"
    WITHHELD = "withheld"


class Prompt(StrEnum):
    """Reflective supervision prompts (seed 000), each raised by a theme in the feedback."""

    NOT_RESPECTED = "not_respected"
    NOT_LISTENED = "not_listened"
    NOT_EXPLAINED = "not_explained"
    NOT_SAFE = "not_safe"
    NOT_HELPED = "not_helped"
    SEARCHED = "searched"
    LOW_RISK_REPORTED = "low_risk_reported"
    TOO_FEW = "too_few"
    TREATED_DIFFERENTLY = "treated_differently"


# -- the young person's side ---------------------------------------------------------


class TokenIn(msgspec.Struct, forbid_unknown_fields=True):
    token: Token


class FormInfo(msgspec.Struct):
    """The link works: the form may be shown."""

    expires_on: dt.date


class AnswerIn(msgspec.Struct, forbid_unknown_fields=True):
    token: Token
    respect: Face | None = None
    listened: Face | None = None
    explained: Face | None = None
    safe: Face | None = None
    helped: Face | None = None
    searched: YesNo | None = None
    restrained: YesNo | None = None
    words: FreeText | None = None


class InvitationOut(msgspec.Struct):
    """A feedback link of the young person's own, to open on their phone."""

    token: str
    url: str
    expires_on: dt.date


# -- professionals --------------------------------------------------------------------


class CardsIn(msgspec.Struct, forbid_unknown_fields=True):
    count: Annotated[int, msgspec.Meta(ge=1, le=30)] = 1


class CardOut(msgspec.Struct):
    """One printed card: its own single-use link, as a QR code and as a short link."""

    token: str
    url: str
    qr_svg: str
    expires_on: dt.date


class Cell(msgspec.Struct):
    key: str
    label: str
    value: str
    """A number rounded to 5, or "fewer than 10"."""


class QuestionFigures(msgspec.Struct):
    key: str
    label: str
    cells: list[Cell]


class FiguresOut(msgspec.Struct):
    council: str
    force: str
    period: str
    periods: list[str]
    """The finished quarters that may be asked for, newest first."""
    answers: str
    """The quarter's number of answers ("fewer than 10"); "" before the quarter is finished."""
    shown: bool
    """False when there are too few answers to show anything more than that."""
    ready_on: dt.date | None
    """For a quarter not yet finished: the day its figures appear (its links have run out)."""
    questions: list[QuestionFigures]
    happened: list[QuestionFigures]
    quotes: list[str]
    trend_svg: str
    """Answers in each finished quarter of the year, as an SVG data: URL (small numbers hidden)."""


class QuoteOut(msgspec.Struct):
    id: uuid.UUID
    text: str
    """Phone numbers and emails already masked; nothing else is shown with it."""


class ReleaseIn(msgspec.Struct, forbid_unknown_fields=True):
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=1000)]
    """The words as others will read them, with names and places taken out."""


class PromptOut(msgspec.Struct):
    key: Prompt
    text: str
    why: str


class AgreementIn(msgspec.Struct, forbid_unknown_fields=True):
    quarter: QuarterText
    prompt: Prompt
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]


class AgreementOut(msgspec.Struct):
    id: uuid.UUID
    quarter: str
    prompt: Prompt
    text: str
    by: str
    at: dt.datetime


class SupervisionOut(msgspec.Struct):
    quarter: str
    prompts: list[PromptOut]
    agreed: list[AgreementOut]
    last_quarter: list[AgreementOut]
    """What the team agreed last quarter, to look back at."""
