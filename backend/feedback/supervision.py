"""Reflective supervision (seed 000): prompts for a social worker and their manager,
drawn from the themes in a quarter's feedback, with what the team agreed to do, and
last quarter's agreements to look back at. A theme is raised only from a quarter with at
least 10 answers, so a prompt never stands for one young person's answer."""

from __future__ import annotations

import datetime as dt

from backend.accounts import api as accounts
from backend.accounts.api import Actor
from backend.db import write_transaction
from backend.errors import Forbidden, Invalid
from backend.feedback import guards, periods, words
from backend.feedback.schemas import AgreementIn, AgreementOut, Prompt, PromptOut, Question, SupervisionOut
from backend.feedback.tables import Agreement, Answer
from backend.figures.suppression import SMALLEST_SHOWN
from backend.i18n import translate
from backend.sealed import seal, unseal

THEMES = {
    Question.RESPECT: Prompt.NOT_RESPECTED,
    Question.LISTENED: Prompt.NOT_LISTENED,
    Question.EXPLAINED: Prompt.NOT_EXPLAINED,
    Question.SAFE: Prompt.NOT_SAFE,
    Question.HELPED: Prompt.NOT_HELPED,
}
SHARE = 4  # a theme when at least 1 in 4 answers to a question is "bad" or "very bad"


def prompts_for(rows: list[dict]) -> list[tuple[Prompt, str]]:
    """The prompts a quarter's answers raise, each with why. Pure."""
    if len(rows) < SMALLEST_SHOWN:
        return [(Prompt.TOO_FEW, words.WHY_TOO_FEW), (Prompt.TREATED_DIFFERENTLY, words.WHY_ALWAYS)]
    raised = []
    for question, prompt in THEMES.items():
        answered = [row[question.value] for row in rows if row[question.value] is not None]
        if answered and SHARE * sum(value <= 2 for value in answered) >= len(answered):
            raised.append((prompt, words.WHY_THEME))
    said = [row[k] for row in rows for k in ("searched", "restrained") if row[k] in ("yes", "no")]
    if said and SHARE * said.count("yes") >= len(said):
        raised.append((Prompt.SEARCHED, words.WHY_SEARCHED))
    raised.append((Prompt.TREATED_DIFFERENTLY, words.WHY_ALWAYS))
    return raised


def _require(actor: Actor) -> None:
    if not guards.may_reflect(actor.role) or actor.council_id is None:
        raise Forbidden(words.ONLY_SUPERVISION)


async def _agreed(actor: Actor, quarter: str) -> list[AgreementOut]:
    rows = (
        await Agreement.select()
        .where((Agreement.council == actor.council_id) & (Agreement.quarter == quarter))
        .order_by(Agreement.at)
    )
    found = await accounts.accounts(row["by"] for row in rows)
    names = {account_id: account.display_name for account_id, account in found.items()}
    return [
        AgreementOut(
            id=row["id"],
            quarter=row["quarter"],
            prompt=Prompt(row["prompt"]),
            text=unseal(row["text"]),
            by=names.get(row["by"], ""),
            at=row["at"],
        )
        for row in rows
    ]


async def supervision(actor: Actor, quarter: str | None, now: dt.datetime) -> SupervisionOut:
    _require(actor)
    quarter = quarter or periods.quarter_of(now)
    if "Q" not in quarter or not periods.months_in(quarter):
        raise Invalid({"quarter": words.NO_SUCH_PERIOD})
    rows = await Answer.select().where(
        (Answer.council == actor.council_id) & Answer.month.is_in(periods.months_in(quarter))
    )
    return SupervisionOut(
        quarter=quarter,
        prompts=[
            PromptOut(key=prompt, text=translate(words.PROMPTS[prompt]), why=translate(why))
            for prompt, why in prompts_for(rows)
        ],
        agreed=await _agreed(actor, quarter),
        last_quarter=await _agreed(actor, periods.previous_quarter(quarter)),
    )


async def agree(actor: Actor, data: AgreementIn, now: dt.datetime) -> AgreementOut:
    _require(actor)
    text = data.text.strip()
    row = Agreement(
        council=actor.council_id,
        quarter=data.quarter,
        prompt=data.prompt.value,
        text=seal(text),
        by=actor.user_id,
        at=now,
    )
    async with write_transaction():
        await Agreement.insert(row)
    return AgreementOut(
        id=row.id, quarter=data.quarter, prompt=data.prompt, text=text, by=actor.display_name, at=now
    )
