"""Anonymised feedback figures: per council (and, for a police liaison, its force) and
per finished quarter only.

Why quarters only: figures for overlapping periods difference (a year minus three shown
quarters gives the fourth; a quarter minus two shown months gives the third). Quarters
never overlap, so no query can be set against another.

Why finished quarters only: a quarter's figures are shown once every link issued in it
has run out (periods.expires_at), so they never change after they first appear. Figures
that grew while someone watched would give away each new answer.

A quarter is one family of tables, one per question (a row per answer and one for "not
answered", so every table adds up to the quarter's number of answers), suppressed
together through the shared suppression (`suppress_linked`); with the number of answers
hidden nothing else is shown. Released words only then, sorted, with nothing beside them.
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
from backend.feedback.tables import Answer, AnswerCount, Quote
from backend.figures.suppression import TOTAL, Table, label, shown, suppress_linked
from backend.i18n import N_, translate
from backend.sealed import unseal

QUARTERS = ("Q1", "Q2", "Q3", "Q4")
COUNT = "count"
NOT_ANSWERED = "not_answered"
NOT_ANSWERED_LABEL = N_("Not answered")
ROWS = {
    **{question.value: [*(str(face) for face in words.FACES), NOT_ANSWERED] for question in Question},
    **{what.value: [*(answer.value for answer in YesNo), NOT_ANSWERED] for what in Happened},
}
Family = dict[str, dict[tuple[str, str], int]]
Published = dict[str, dict[str, str]]


async def _scope(actor: Actor) -> tuple[uuid.UUID, str | None]:
    """The council, and the force when the caller sees only theirs."""
    if not guards.may_see_figures(actor.role) or actor.council_id is None:
        raise Forbidden(words.ONLY_FIGURES)
    force = await force_of(actor.council_id) if guards.sees_only_own_force(actor.role) else None
    return actor.council_id, force


def _where(table, council_id: uuid.UUID, force: str | None, months: list[str]):
    condition = (table.council == council_id) & table.month.is_in(months)
    return condition & (table.force == force) if force is not None else condition


def ready_on(quarter: str) -> dt.datetime:
    """When a quarter's figures appear: once the last link issued in it has run out."""
    return periods.expires_at(periods.months_in(quarter)[-1])


def family(rows: list[dict]) -> Family:
    """A quarter's answers as one table per question: (answer, "count") -> count. Pure."""
    tables: Family = {key: {} for key in ROWS}
    for row in rows:
        for key in ROWS:
            answer = NOT_ANSWERED if row[key] is None else str(row[key])
            tables[key][(answer, COUNT)] = tables[key].get((answer, COUNT), 0) + 1
    return tables


def with_counts(tables: Family, counts: list[dict]) -> Family:
    """`tables` with answers kept only as counts (AnswerCount rows) added in. Pure."""
    for row in counts:
        cell = (row["answer"], COUNT)
        table = tables.setdefault(row["question"], {})
        table[cell] = table.get(cell, 0) + row["answers"]
    return tables


def suppressed(tables: Family) -> dict[str, Table]:
    """The family suppressed together (`suppress_linked`: the tables share the quarter's
    number of answers), so no table gives away another's hidden number."""
    keys = list(ROWS)
    done = suppress_linked([tables[key] for key in keys], rows=[ROWS[key] for key in keys], columns=[COUNT])
    return dict(zip(keys, done, strict=True))


def publish(tables: Family) -> Published:
    """Each table's entries as the words shown (`TOTAL`: the quarter's answers)."""
    return {
        key: {answer: translate(label(table.entry(answer, COUNT))) for answer in [*ROWS[key], TOTAL]}
        for key, table in suppressed(tables).items()
    }


def _group(key: str, label_text: str, labels: dict, table: dict[str, str]) -> QuestionFigures:
    return QuestionFigures(
        key=key,
        label=translate(label_text),
        cells=[
            Cell(
                key=answer,
                label=translate(NOT_ANSWERED_LABEL if answer == NOT_ANSWERED else labels[_label_key(answer)]),
                value=table[answer],
            )
            for answer in ROWS[key]
        ],
    )


def _label_key(answer: str):
    return int(answer) if answer.isdigit() else YesNo(answer)


def last_finished(now: dt.datetime) -> str:
    """The newest quarter whose figures are out."""
    quarter = periods.quarter_of(now)
    while ready_on(quarter) > now:
        quarter = periods.previous_quarter(quarter)
    return quarter


async def _published(council_id: uuid.UUID, force: str | None, quarter: str) -> Published:
    months = periods.months_in(quarter)
    rows = await Answer.select().where(_where(Answer, council_id, force, months))
    counts = await AnswerCount.select().where(_where(AnswerCount, council_id, force, months))
    return publish(with_counts(family(rows), counts))


async def figures(actor: Actor, period: str | None, now: dt.datetime) -> FiguresOut:
    council_id, force = await _scope(actor)
    period = period or last_finished(now)
    if "Q" not in period or not periods.months_in(period):
        raise Invalid({"period": words.NO_SUCH_PERIOD})
    finished = ready_on(period) <= now
    answers, questions, happened, quotes = "", [], [], []
    if finished:
        published = await _published(council_id, force, period)
        answers = published[Question.RESPECT.value][TOTAL]
    enough = answers.isdigit()
    if enough:
        questions = [_group(q.value, words.QUESTIONS[q], words.FACES, published[q.value]) for q in Question]
        happened = [_group(w.value, words.HAPPENED[w], words.ANSWERS, published[w.value]) for w in Happened]
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
    counted = (
        await AnswerCount.select(AnswerCount.month)
        .where(
            (AnswerCount.council == council_id)
            if force is None
            else (AnswerCount.council == council_id) & (AnswerCount.force == force)
        )
        .distinct()
    )
    offered = {periods.quarter_of_month(row["month"]) for row in [*present, *counted]} | {last_finished(now)}
    return FiguresOut(
        council=council.name if council else "",
        force=force if force is not None else await force_of(council_id) or translate(words.NOT_SET),
        period=period,
        periods=sorted((q for q in offered if ready_on(q) <= now), reverse=True),
        answers=answers,
        shown=enough,
        ready_on=None if finished else ready_on(period).date(),
        questions=questions,
        happened=happened,
        quotes=quotes,
        trend_svg=await _trend(council_id, force, period[:4], now),
    )


async def _trend(council_id: uuid.UUID, force: str | None, year: str, now: dt.datetime) -> str:
    """The year's finished quarters, each its number of answers as its own view shows it."""
    bars: list[tuple[str, int | None]] = []
    for q in QUARTERS:
        quarter = f"{year}-{q}"
        value = None
        if ready_on(quarter) <= now:
            total = (await _published(council_id, force, quarter))[Question.RESPECT.value][TOTAL]
            value = int(total) if total.isdigit() else None
        bars.append((quarter, value))
    return chart.bars(f"{translate(words.ANSWERS_LABEL)} {year}", bars, translate(shown(0)))


def as_csv(figures: FiguresOut) -> str:
    """The same figures, the same suppression, one row per cell (quotes are not in it)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["council", "force", "period", "question", "answer", "count"])
    place = [_cell(figures.council), _cell(figures.force), figures.period]
    writer.writerow([*place, "answers", "", figures.answers])
    for group in (*figures.questions, *figures.happened):
        for cell in group.cells:
            writer.writerow([*place, group.key, cell.key, cell.value])
    return out.getvalue()


def _cell(text: str) -> str:
    """A name as a spreadsheet will read it: never as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
