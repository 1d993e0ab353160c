"""Anonymised figures for a manager's council. Counted from the other domains' facts
(sources.py, counting.py), made safe to show (publish.py, suppression.py): no name,
no record, no number under 10, nothing that gives a hidden number away."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from zoneinfo import ZoneInfo

from backend.accounts import api as accounts
from backend.accounts.api import Actor, Role
from backend.councils import api as councils
from backend.errors import Forbidden, Invalid, NotFound
from backend.figures import guards, periods, sources, words
from backend.figures.counting import CATEGORIES, PARTS, Group, Person, count_all
from backend.figures.periods import Period, PeriodKind
from backend.figures.publish import PublishedGroup, publish, sums
from backend.figures.schemas import (
    Breakdown,
    BreakdownRow,
    Cell,
    Figure,
    FigureKey,
    FiguresOut,
    GroupOut,
    MissingFigures,
    PeriodOut,
    TeamOut,
    Trend,
    TrendPoint,
)
from backend.figures.suppression import label, shown
from backend.i18n import translate
from backend.young_people import api as young_people

# Shown in the trends: each group's total.
TREND_GROUPS = (Group.EPISODES, Group.YOUNG_PEOPLE, Group.INTERVIEWS)


def _check(actor: Actor) -> uuid.UUID:
    if not guards.may_see_figures(actor.role, actor.council_id, actor.council_id) or actor.council_id is None:
        raise Forbidden(words.ONLY_MANAGERS)
    return actor.council_id


async def for_council(actor: Actor) -> FiguresOut:
    council_id = _check(actor)
    council = await accounts.council(council_id)
    records = await young_people.records(await young_people.in_council(council_id))
    counts = {
        FigureKey.YOUNG_PEOPLE: len(records),
        FigureKey.YOUNG_PEOPLE_JOINED: sum(record.user_id is not None for record in records.values()),
        FigureKey.CARERS: len(await accounts.colleagues(council_id, Role.CARER)),
    }
    return FiguresOut(
        council=council.name if council else "",
        figures=[
            Figure(key=key, label=translate(words.LABELS[key]), value=translate(shown(count)))
            for key, count in counts.items()
        ],
    )


def choose(kind: str | None, start: dt.date | None, today: dt.date) -> Period:
    """The period asked for (default: the month so far); bad input is refused."""
    try:
        chosen_kind = PeriodKind(kind or PeriodKind.MONTH)
    except ValueError:
        raise Invalid({"period": words.BAD_PERIOD}) from None
    if start is None:
        return periods.containing(chosen_kind, today)
    period = periods.containing(chosen_kind, start)
    if period.first_day != start or start > today:
        raise Invalid({"start": words.BAD_START})
    return period


async def _published(
    council_id, period: Period, zone: str, people: dict[uuid.UUID, Person], only: set[uuid.UUID] | None
):
    """Counted and published; `only`: just these young people's facts (a team's)."""
    start, end = period.bounds(zone)
    episodes = await sources.episodes(council_id, start, end)
    interviews = await sources.interviews(council_id, start, end)
    if only is not None:
        episodes = [fact for fact in episodes if fact.young_person_id in only]
        interviews = [fact for fact in interviews if fact.young_person_id in only]
    counts = count_all(episodes, interviews, people)
    out = publish(counts)
    return counts, out


def _group_out(published: PublishedGroup) -> GroupOut:
    parts = PARTS[published.group]
    return GroupOut(
        key=published.group.value,
        label=translate(words.GROUPS[published.group]),
        parts=[
            Cell(key=part, label=translate(words.PARTS[part]), value=published.parts[part]) for part in parts
        ],
        total=published.total,
        breakdowns=[
            Breakdown(
                dimension=dimension.value,
                label=translate(words.DIMENSIONS[dimension]),
                rows=[
                    BreakdownRow(
                        key=category,
                        label=translate(words.CATEGORIES[category]),
                        cells=[table.cells[(category, part)] for part in parts],
                        total=table.row_totals[category],
                    )
                    for category in CATEGORIES[dimension]
                ],
            )
            for dimension, table in published.by.items()
        ],
    )


async def team_members(council_id: uuid.UUID, team_id: uuid.UUID) -> set[uuid.UUID]:
    """A team's young people: those with a social worker of the team allocated now (a
    young person with workers in two teams is one of each)."""
    allocated = await young_people.allocated_in_council(council_id)
    teams = await accounts.team_of(worker for workers in allocated.values() for worker in workers)
    return {
        young_person
        for young_person, workers in allocated.items()
        if any(teams.get(worker) == team_id for worker in workers)
    }


async def missing(
    actor: Actor, kind: str | None, start: dt.date | None, now: dt.datetime, team_id: uuid.UUID | None = None
) -> MissingFigures:
    council_id = _check(actor)
    teams = [TeamOut(id=found.id, name=found.name) for found in await accounts.teams(council_id)]
    team = next((found for found in teams if found.id == team_id), None)
    if team_id is not None and team is None:
        raise NotFound(words.NO_SUCH_TEAM)  # another council's team reads as no team at all
    only = await team_members(council_id, team.id) if team else None
    settings = await councils.settings(council_id)
    zone = settings.office_hours.time_zone
    today = now.astimezone(ZoneInfo(zone)).date()
    period = choose(kind, start, today)
    council = await accounts.council(council_id)
    people = await sources.people(council_id)
    if only is not None:
        people = {key: person for key, person in people.items() if key in only}
    counts, out = await _published(council_id, period, zone, people, only)
    added = sums(counts, out)
    young = out[Group.YOUNG_PEOPLE].by
    headline = [
        Cell(key="episodes", label=translate(words.GROUPS[Group.EPISODES]), value=out[Group.EPISODES].total),
        Cell(
            key="young_people",
            label=translate(words.GROUPS[Group.YOUNG_PEOPLE]),
            value=out[Group.YOUNG_PEOPLE].total,
        ),
        Cell(
            key="repeat",
            label=translate(words.PARTS["repeat"]),
            value=out[Group.YOUNG_PEOPLE].parts["repeat"],
        ),
        Cell(
            key="sixteen_seventeen",
            label=translate(words.SIXTEEN_SEVENTEEN),
            value=next(iter(young.values())).row_totals["16_17"],
        ),
        *[Cell(key=name, label=translate(words.SUMS[name]), value=value) for name, value in added.items()],
    ]
    trends: dict[Group, list[TrendPoint]] = {group: [] for group in TREND_GROUPS}
    for earlier in periods.trend(period):
        _, published = (
            (counts, out) if earlier == period else await _published(council_id, earlier, zone, people, only)
        )
        for group in TREND_GROUPS:
            trends[group].append(TrendPoint(start=earlier.first_day, value=published[group].total))
    following = period.next()
    return MissingFigures(
        council=council.name if council else "",
        teams=teams,
        team=team,
        period=PeriodOut(kind=period.kind.value, start=period.first_day, end=period.next_first_day),
        previous=period.previous().first_day,
        next=following.first_day if following.first_day <= today else None,
        headline=headline,
        groups=[_group_out(out[group]) for group in Group],
        trends=[
            Trend(key=group.value, label=translate(words.GROUPS[group]), points=points)
            for group, points in trends.items()
        ],
    )


def _number(value: int | None) -> str:
    return translate(label(value))


def to_csv(figures: MissingFigures) -> str:
    """The same figures, the same suppression, one line per number. Every text is ours
    (labels), never typed by a person, so no cell can start a spreadsheet formula."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([translate(word) for word in words.CSV_HEADER])
    total = translate(words.TOTAL)
    period = f"{figures.period.kind} {figures.period.start.isoformat()}"
    writer.writerow([figures.council, period, figures.team.name if figures.team else "", "", ""])
    for cell in figures.headline:
        writer.writerow([cell.label, total, total, "", _number(cell.value)])
    for group in figures.groups:
        for part in group.parts:
            writer.writerow([group.label, total, total, part.label, _number(part.value)])
        writer.writerow([group.label, total, total, total, _number(group.total)])
        for breakdown in group.breakdowns:
            for row in breakdown.rows:
                for part, value in zip(group.parts, row.cells, strict=True):
                    writer.writerow([group.label, breakdown.label, row.label, part.label, _number(value)])
                writer.writerow([group.label, breakdown.label, row.label, total, _number(row.total)])
    return out.getvalue()
