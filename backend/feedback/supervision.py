"""Reflective supervision (seed 000): prompts for a social worker and their manager,
drawn from the themes in a quarter's feedback, with what the team agreed to do, and
last quarter's agreements to look back at. A theme is raised only from a quarter with at
least 10 answers, so a prompt never stands for one young person's answer."""

from __future__ import annotations

import datetime as dt

from backend.accounts import api as accounts
from backend.accounts.api import Actor
from backend.db import write_transaction
from backend.episodes import api as episodes
from backend.errors import Forbidden, Invalid
from backend.feedback import figures, guards, periods, words
from backend.feedback.schemas import AgreementIn, AgreementOut, Prompt, PromptOut, Question, SupervisionOut
from backend.feedback.tables import Agreement, Answer, AnswerCount
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
    return prompts_from(figures.family(rows))


def prompts_from(tables: figures.Family) -> list[tuple[Prompt, str]]:
    """The same from a quarter's counts (answers, and answers kept only as counts):
    each theme needs only how many gave each answer to one question. Pure."""

    def count(key: str, answer: str) -> int:
        return tables.get(key, {}).get((answer, figures.COUNT), 0)

    def answers(key: str) -> dict[str, int]:
        return {answer: n for (answer, _), n in tables.get(key, {}).items()}

    total = sum(answers(Question.RESPECT.value).values())
    if total < SMALLEST_SHOWN:
        return [(Prompt.TOO_FEW, words.WHY_TOO_FEW), (Prompt.TREATED_DIFFERENTLY, words.WHY_ALWAYS)]
    raised = []
    for question, prompt in THEMES.items():
        given = {a: n for a, n in answers(question.value).items() if a != figures.NOT_ANSWERED}
        answered = sum(given.values())
        low = sum(n for a, n in given.items() if a.isdigit() and int(a) <= 2)
        if answered and SHARE * low >= answered:
            raised.append((prompt, words.WHY_THEME))
    said = sum(count(k, v) for k in ("searched", "restrained") for v in ("yes", "no"))
    yes = sum(count(k, "yes") for k in ("searched", "restrained"))
    if said and SHARE * yes >= said:
        raised.append((Prompt.SEARCHED, words.WHY_SEARCHED))
    raised.append((Prompt.TREATED_DIFFERENTLY, words.WHY_ALWAYS))
    return raised


LOW_GRADES = ("no_apparent_risk", "low")


def episode_prompts(facts: list) -> list[tuple[Prompt, str]]:
    """Prompts from a quarter's episode figures (seed 000: reduce the need for a police
    response), raised only from 10 or more reported episodes. Pure."""
    reported = [fact for fact in facts if fact.reported_at is not None]
    low = sum(fact.police_risk_grade in LOW_GRADES for fact in reported)
    if len(reported) >= SMALLEST_SHOWN and 2 * low >= len(reported):
        return [(Prompt.LOW_RISK_REPORTED, words.WHY_LOW_RISK)]
    return []


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


async def _episodes(actor: Actor, quarter: str) -> list:
    assert actor.council_id is not None  # _require refused anyone without a council
    start, end = periods.bounds(quarter)
    if actor.council_id is None:  # an account of no council has no episodes
        return []
    return await episodes.facts(council_id=actor.council_id, start=start, end=end)


async def supervision(actor: Actor, quarter: str | None, now: dt.datetime) -> SupervisionOut:
    """Themes come only from a finished quarter (figures.ready_on): a theme that changed
    as answers came in would say something about the newest answer."""
    _require(actor)
    quarter = quarter or figures.last_finished(now)
    if "Q" not in quarter or not periods.months_in(quarter):
        raise Invalid({"quarter": words.NO_SUCH_PERIOD})
    themes = [(Prompt.TREATED_DIFFERENTLY, words.WHY_ALWAYS)]
    if figures.ready_on(quarter) <= now:
        months = periods.months_in(quarter)
        rows = await Answer.select().where((Answer.council == actor.council_id) & Answer.month.is_in(months))
        counts = await AnswerCount.select().where(
            (AnswerCount.council == actor.council_id) & AnswerCount.month.is_in(months)
        )
        themes = prompts_from(figures.with_counts(figures.family(rows), counts))
    return SupervisionOut(
        quarter=quarter,
        prompts=[
            PromptOut(key=prompt, text=translate(words.PROMPTS[prompt]), why=translate(why))
            for prompt, why in [*themes, *episode_prompts(await _episodes(actor, quarter))]
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
