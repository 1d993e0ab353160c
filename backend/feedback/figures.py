"""Anonymised feedback figures: per council (and, for a police liaison, its force) and a
fixed period only. Every count goes through the shared suppression (figures.suppression);
when a period has fewer than 10 answers, nothing but that is shown; released words are
shown only then, sorted, with no month, rating or other detail beside them."""

from __future__ import annotations

import csv
import io
import uuid

from backend.accounts import api as accounts
from backend.accounts.api import Actor
from backend.errors import Forbidden, Invalid
from backend.feedback import chart, guards, periods, words
from backend.feedback.schemas import (
    Cell,
    FiguresOut,
    Happened,
    Question,
    QuestionFigures,
    QuoteState,
)
from backend.feedback.services import force_of
from backend.feedback.tables import Answer, Quote
from backend.figures.suppression import SMALLEST_SHOWN, shown
from backend.i18n import translate
from backend.sealed import unseal


async def _scope(actor: Actor) -> tuple[uuid.UUID, str | None]:
    """The council, and the force when the caller sees only theirs."""
    if not guards.may_see_figures(actor.role) or actor.council_id is None:
        raise Forbidden(words.ONLY_FIGURES)
    force = await force_of(actor.council_id) if guards.sees_only_own_force(actor.role) else None
    return actor.council_id, force


def _where(table, council_id: uuid.UUID, force: str | None, months: list[str]):
    condition = (table.council == council_id) & table.month.is_in(months)
    return condition & (table.force == force) if force is not None else condition


def _cells(counts: dict[str, int], labels: dict) -> list[Cell]:
    return [
        Cell(key=str(key), label=translate(label), value=translate(shown(counts.get(str(key), 0))))
        for key, label in labels.items()
    ]


async def figures(actor: Actor, period: str | None, now) -> FiguresOut:
    council_id, force = await _scope(actor)
    period = period or periods.quarter_of(now)
    months = periods.months_in(period)
    if not months:
        raise Invalid({"period": words.NO_SUCH_PERIOD})
    rows = await Answer.select().where(_where(Answer, council_id, force, months))
    enough = len(rows) >= SMALLEST_SHOWN
    questions, happened, quotes = [], [], []
    if enough:
        for question in Question:
            counts: dict[str, int] = {}
            for row in rows:
                if row[question.value] is not None:
                    counts[str(row[question.value])] = counts.get(str(row[question.value]), 0) + 1
            questions.append(
                QuestionFigures(
                    key=question.value,
                    label=translate(words.QUESTIONS[question]),
                    cells=_cells(counts, words.FACES),
                )
            )
        for what in Happened:
            counts = {}
            for row in rows:
                if row[what.value] is not None:
                    counts[row[what.value]] = counts.get(row[what.value], 0) + 1
            happened.append(
                QuestionFigures(
                    key=what.value, label=translate(words.HAPPENED[what]), cells=_cells(counts, words.ANSWERS)
                )
            )
        released = await Quote.select(Quote.text).where(
            _where(Quote, council_id, force, months) & (Quote.state == QuoteState.RELEASED.value)
        )
        quotes = sorted(unseal(row["text"]) for row in released)
    council = await accounts.council(council_id)
    present = (
        await Answer.select(Answer.month)
        .where(
            (Answer.council == council_id) & (Answer.force == force)
            if force is not None
            else Answer.council == council_id
        )
        .distinct()
    )
    return FiguresOut(
        council=council.name if council else "",
        force=force if force is not None else await force_of(council_id) or translate(words.NOT_SET),
        period=period,
        periods=periods.periods_with({row["month"] for row in present} | {periods.month_of(now)}),
        answers=translate(shown(len(rows))),
        shown=enough,
        questions=questions,
        happened=happened,
        quotes=quotes,
        trend_svg=await _trend(council_id, force, period[:4]),
    )


async def _trend(council_id: uuid.UUID, force: str | None, year: str) -> str:
    months = periods.months_in(year)
    rows = await Answer.select(Answer.month).where(_where(Answer, council_id, force, months))
    per_month = {month: 0 for month in months}
    for row in rows:
        per_month[row["month"]] += 1
    labelled = [(month, int(shown(n)) if n >= SMALLEST_SHOWN else None) for month, n in per_month.items()]
    return chart.bars(translate(words.ANSWERS_LABEL) + f" {year}", labelled, translate(shown(0)))


def as_csv(figures: FiguresOut) -> str:
    """The same figures, the same suppression, one row per cell (quotes are not in it)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["council", "force", "period", "question", "answer", "count"])
    place = [figures.council, figures.force, figures.period]
    writer.writerow([*place, "answers", "", figures.answers])
    for group in (*figures.questions, *figures.happened):
        for cell in group.cells:
            writer.writerow([*place, group.key, cell.key, cell.value])
    return out.getvalue()
