"""Anonymised feedback figures: per council (and, for a police liaison, its force) and
a fixed quarter or year only.

Why not months: a month's figures and its quarter's would difference (the quarter minus
two shown months gives the third, hidden one). So a year is published as one family of
tables, one per question: a row per answer (and "not answered"), a column per quarter,
with the year in the totals. Every table shares its column totals (each quarter's
number of answers) and grand total (the year's), and the whole family goes through the
shared suppression (backend/figures/suppression.py), so a quarter, its year and the
other quarters never give away a hidden number. A period with its number of answers
hidden shows nothing more; released words only then, sorted, with nothing beside them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid

from backend.accounts import api as accounts
from backend.accounts.api import Actor
from backend.errors import Forbidden, Invalid
from backend.feedback import chart, guards, periods, words
from backend.feedback.schemas import Cell, FiguresOut, Happened, Question, QuestionFigures, QuoteState, YesNo
from backend.feedback.services import force_of
from backend.feedback.tables import Answer, Quote
from backend.figures.suppression import shown
from backend.i18n import N_, translate
from backend.sealed import unseal

QUARTERS = ("Q1", "Q2", "Q3", "Q4")
TOTAL = "total"
NOT_ANSWERED = "not_answered"
NOT_ANSWERED_LABEL = N_("Not answered")
ROWS = {
    **{question.value: [*(str(face) for face in words.FACES), NOT_ANSWERED] for question in Question},
    **{what.value: [*(answer.value for answer in YesNo), NOT_ANSWERED] for what in Happened},
}
Family = dict[str, dict[tuple[str, str], int]]


async def _scope(actor: Actor) -> tuple[uuid.UUID, str | None]:
    """The council, and the force when the caller sees only theirs."""
    if not guards.may_see_figures(actor.role) or actor.council_id is None:
        raise Forbidden(words.ONLY_FIGURES)
    force = await force_of(actor.council_id) if guards.sees_only_own_force(actor.role) else None
    return actor.council_id, force


def _where(table, council_id: uuid.UUID, force: str | None, months: list[str]):
    condition = (table.council == council_id) & table.month.is_in(months)
    return condition & (table.force == force) if force is not None else condition


def family(rows: list[dict]) -> Family:
    """A year's answers as one table per question: (answer, quarter) -> count. Pure."""
    tables: Family = {key: {} for key in ROWS}
    for row in rows:
        quarter = f"Q{(int(row['month'][5:7]) - 1) // 3 + 1}"
        for key in ROWS:
            answer = NOT_ANSWERED if row[key] is None else str(row[key])
            tables[key][(answer, quarter)] = tables[key].get((answer, quarter), 0) + 1
    return tables


def publish(tables: Family) -> dict[str, dict[tuple[str, str], str]]:
    """Every entry of every table, totals included (`TOTAL`), as the words shown."""
    out: dict[str, dict[tuple[str, str], str]] = {}
    for key, cells in tables.items():
        entries: dict[tuple[str, str], int] = dict(cells)
        for (answer, quarter), count in cells.items():
            entries[(answer, TOTAL)] = entries.get((answer, TOTAL), 0) + count
            entries[(TOTAL, quarter)] = entries.get((TOTAL, quarter), 0) + count
            entries[(TOTAL, TOTAL)] = entries.get((TOTAL, TOTAL), 0) + count
        out[key] = {
            (answer, column): translate(shown(entries.get((answer, column), 0)))
            for answer in [*ROWS[key], TOTAL]
            for column in [*QUARTERS, TOTAL]
        }
    return out


def _group(key: str, label: str, labels: dict, column: str, table: dict) -> QuestionFigures:
    return QuestionFigures(
        key=key,
        label=translate(label),
        cells=[
            Cell(
                key=answer,
                label=translate(NOT_ANSWERED_LABEL if answer == NOT_ANSWERED else labels[_label_key(answer)]),
                value=table[(answer, column)],
            )
            for answer in ROWS[key]
        ],
    )


def _label_key(answer: str):
    return int(answer) if answer.isdigit() else YesNo(answer)


async def figures(actor: Actor, period: str | None, now: dt.datetime) -> FiguresOut:
    council_id, force = await _scope(actor)
    period = period or periods.quarter_of(now)
    if ("-" in period and "Q" not in period) or not periods.months_in(period):
        raise Invalid({"period": words.NO_SUCH_PERIOD})
    year, column = period[:4], period[5:] or TOTAL
    rows = await Answer.select().where(_where(Answer, council_id, force, periods.months_in(year)))
    published = publish(family(rows))
    first = published[Question.RESPECT.value]
    answers = first[(TOTAL, column)]
    enough = answers.isdigit()
    questions, happened, quotes = [], [], []
    if enough:
        questions = [
            _group(q.value, words.QUESTIONS[q], words.FACES, column, published[q.value]) for q in Question
        ]
        happened = [
            _group(w.value, words.HAPPENED[w], words.ANSWERS, column, published[w.value]) for w in Happened
        ]
        released = await Quote.select(Quote.text).where(
            _where(Quote, council_id, force, periods.months_in(period))
            & (Quote.state == QuoteState.RELEASED.value)
        )
        quotes = sorted(unseal(row["text"]) for row in released)
    council = await accounts.council(council_id)
    scope = Answer.council == council_id
    present = (
        await Answer.select(Answer.month)
        .where(scope if force is None else scope & (Answer.force == force))
        .distinct()
    )
    bars = [
        (f"{year}-{q}", int(first[(TOTAL, q)]) if first[(TOTAL, q)].isdigit() else None) for q in QUARTERS
    ]
    return FiguresOut(
        council=council.name if council else "",
        force=force if force is not None else await force_of(council_id) or translate(words.NOT_SET),
        period=period,
        periods=periods.periods_with({row["month"] for row in present} | {periods.month_of(now)}),
        answers=answers,
        shown=enough,
        questions=questions,
        happened=happened,
        quotes=quotes,
        trend_svg=chart.bars(f"{translate(words.ANSWERS_LABEL)} {year}", bars, translate(shown(0))),
    )


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
