"""Keeping police-feedback answers only as counts once their time is over (called by
backend/retention with the council's setting).

A month's answers are needed one by one only while its links can still be used and its
quarter's figures are made; after that the figures need only how many gave each answer
to each question, which is what `AnswerCount` keeps. The figures are the same after.
"""

from __future__ import annotations

import datetime as dt
import uuid

from backend.db import write_transaction
from backend.feedback import periods
from backend.feedback.figures import NOT_ANSWERED, ROWS
from backend.feedback.tables import Answer, AnswerCount


async def _due_months(council_id: uuid.UUID, kept: dt.timedelta, now: dt.datetime) -> list[str]:
    rows = await Answer.select(Answer.month).where(Answer.council == council_id).distinct()
    return sorted(row["month"] for row in rows if periods.expires_at(row["month"]) + kept <= now)


async def answers_due(council_id: uuid.UUID, kept: dt.timedelta, now: dt.datetime) -> int:
    """How many of the council's answers are due to become counts."""
    months = await _due_months(council_id, kept, now)
    if not months:
        return 0
    return await Answer.count().where((Answer.council == council_id) & Answer.month.is_in(months))


async def answers_to_counts_batch(
    council_id: uuid.UUID, kept: dt.timedelta, now: dt.datetime, *, batch: int
) -> int:
    """Up to `batch` of the council's answers whose month's links ran out at least
    `kept` ago become counts, in the caller's transaction if there is one: their rows
    are deleted and their counts added together, so a crash loses nothing and a rerun
    goes on. Returns how many answers became counts."""
    months = await _due_months(council_id, kept, now)
    if not months:
        return 0
    async with write_transaction():
        ids = [
            row["id"]
            for row in await Answer.select(Answer.id)
            .where((Answer.council == council_id) & Answer.month.is_in(months))
            .limit(batch)
        ]
        if not ids:
            return 0
        # What this transaction deleted is what it counts: a second run at the same time
        # (another process) finds these rows gone and counts none of them.
        gone = await Answer.delete().where(Answer.id.is_in(ids)).returning(*Answer.all_columns())
        counts: dict[tuple[str, str, str, str], int] = {}
        for row in gone:
            for question in ROWS:
                answer = NOT_ANSWERED if row[question] is None else str(row[question])
                key = (row["force"], row["month"], question, answer)
                counts[key] = counts.get(key, 0) + 1
        if counts:
            await AnswerCount.insert(
                *[
                    AnswerCount(
                        council=council_id,
                        force=force,
                        month=month,
                        question=question,
                        answer=answer,
                        answers=n,
                    )
                    for (force, month, question, answer), n in sorted(counts.items())
                ]
            )
    return len(gone)
