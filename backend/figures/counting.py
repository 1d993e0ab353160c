"""What a partnership must be able to count (seed 002's checklists), as pure functions
over the facts the episodes and interviews domains give (CONTRACTS.md) and what the
council records about each young person. No database, no suppression: `publish.py`
suppresses what is counted here.

Every figure is a *group*: a set of things counted (episodes, young people, returns)
split into parts that add up to the group's total, so the suppression can see every sum
a reader could do. Each group is also broken down by age band, sex and ethnicity (seed
000: so a partnership can look for discrimination).

- episodes (started in the period): reported to the police / unreported absence ("hidden
  missing", seed 002) / not reported yet; and missing from home / from care;
- young people who went missing in the period: once / more than once (repeat); placed
  out of area or not; the 16-17 year olds are the age band "16-17";
- return home interviews (returns in the period): not offered yet / offered, no answer
  yet / declined / accepted, not held yet / held within 72 hours / held later; offered,
  accepted and held are sums of these parts; declined by reason; lost to parental
  consent; follow-up given.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class EpisodeFact(Protocol):
    """The fields of episodes.api.EpisodeFacts counted here (read-only: the facts are frozen)."""

    @property
    def episode_id(self) -> uuid.UUID: ...
    @property
    def young_person_id(self) -> uuid.UUID: ...
    @property
    def missing_from(self) -> str: ...
    @property
    def started_at(self) -> dt.datetime: ...
    @property
    def reported_at(self) -> dt.datetime | None: ...
    @property
    def unreported(self) -> bool: ...


class InterviewFact(Protocol):
    """The fields of interviews.api.InterviewFacts counted here (read-only: the facts are frozen)."""

    @property
    def young_person_id(self) -> uuid.UUID: ...
    @property
    def returned_at(self) -> dt.datetime: ...
    @property
    def offered_at(self) -> dt.datetime | None: ...
    @property
    def accepted(self) -> bool | None: ...
    @property
    def declined_reason(self) -> str | None: ...
    @property
    def held_at(self) -> dt.datetime | None: ...
    @property
    def held_within_72_hours(self) -> bool | None: ...
    @property
    def parental_consent(self) -> str | None: ...
    @property
    def follow_up_given(self) -> bool: ...


@dataclass(frozen=True)
class Person:
    """What is counted about a young person (young_people.api.Details)."""

    date_of_birth: dt.date
    sex: str | None = None  # SSDA903 SEX: M, F, U
    ethnicity: str | None = None  # a DfE ethnic origin code
    placed_out_of_area: bool = False


class Group(StrEnum):
    EPISODES = "episodes"
    MISSING_FROM = "missing_from"
    YOUNG_PEOPLE = "young_people"
    OUT_OF_AREA = "out_of_area"
    INTERVIEWS = "interviews"
    DECLINED = "declined"
    CONSENT = "consent"
    FOLLOW_UP = "follow_up"


class Dimension(StrEnum):
    AGE_BAND = "age_band"
    SEX = "sex"
    ETHNICITY = "ethnicity"


NOT_RECORDED = "not_recorded"
DECLINE_REASONS = (
    "young_person_refused",
    "wants_time_to_decide",
    "wants_someone_else",
    "nothing_changed_last_time",
    "no_parental_consent",
    "other",
)
PARTS: dict[Group, tuple[str, ...]] = {
    Group.EPISODES: ("reported", "unreported", "not_yet_reported"),
    Group.MISSING_FROM: ("home", "care"),
    Group.YOUNG_PEOPLE: ("once", "repeat"),
    Group.OUT_OF_AREA: ("out_of_area", "in_area"),
    Group.INTERVIEWS: (
        "not_offered",
        "no_answer",
        "declined",
        "accepted_not_held",
        "held_within_72_hours",
        "held_later",
    ),
    Group.DECLINED: (*DECLINE_REASONS, NOT_RECORDED),
    Group.CONSENT: ("lost_to_parental_consent", "not_lost"),
    Group.FOLLOW_UP: ("follow_up_given", "no_follow_up"),
}
# Figures that are sums of a group's parts (shown only when none of the parts is hidden).
SUMS: dict[str, tuple[Group, tuple[str, ...]]] = {
    "offered": (Group.INTERVIEWS, PARTS[Group.INTERVIEWS][1:]),
    "accepted": (Group.INTERVIEWS, ("accepted_not_held", "held_within_72_hours", "held_later")),
    "held": (Group.INTERVIEWS, ("held_within_72_hours", "held_later")),
}
CATEGORIES: dict[Dimension, tuple[str, ...]] = {
    Dimension.AGE_BAND: ("under_13", "13_15", "16_17", "18_over"),
    Dimension.SEX: ("F", "M", "U", NOT_RECORDED),
    # The DfE's main ethnic groups: single codes would be too small to show anywhere.
    Dimension.ETHNICITY: ("white", "mixed", "asian", "black", "other", "not_known", NOT_RECORDED),
}
_ETHNIC_GROUP = {"W": "white", "M": "mixed", "A": "asian", "B": "black"}


def age(date_of_birth: dt.date, on: dt.date) -> int:
    return on.year - date_of_birth.year - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))


def age_band(date_of_birth: dt.date, on: dt.date) -> str:
    years = age(date_of_birth, on)
    if years < 13:
        return "under_13"
    if years < 16:
        return "13_15"
    if years < 18:
        return "16_17"
    return "18_over"


def ethnic_group(code: str | None) -> str:
    if not code:
        return NOT_RECORDED
    if code in ("REFU", "NOBT"):
        return "not_known"
    if code in ("CHNE", "OOTH"):
        return "other"
    return _ETHNIC_GROUP.get(code[0], "other")


def categories(person: Person | None, on: dt.date) -> dict[Dimension, str]:
    """The age band (on the day counted), sex and ethnic group of a young person."""
    if person is None:  # not a record of this council any more
        return {Dimension.AGE_BAND: "18_over", Dimension.SEX: NOT_RECORDED, Dimension.ETHNICITY: NOT_RECORDED}
    return {
        Dimension.AGE_BAND: age_band(person.date_of_birth, on),
        Dimension.SEX: person.sex if person.sex in ("F", "M", "U") else NOT_RECORDED,
        Dimension.ETHNICITY: ethnic_group(person.ethnicity),
    }


# -- what each thing counted is --------------------------------------------------------


def episode_reporting(episode: EpisodeFact) -> str:
    if episode.reported_at is not None:
        return "reported"
    return "unreported" if episode.unreported else "not_yet_reported"


def interview_stage(interview: InterviewFact) -> str:
    if interview.held_at is not None:
        return "held_within_72_hours" if interview.held_within_72_hours else "held_later"
    if interview.offered_at is None:
        return "not_offered"
    if interview.accepted is None:
        return "no_answer"
    return "accepted_not_held" if interview.accepted else "declined"


def lost_to_consent(interview: InterviewFact) -> bool:
    """Not held because a parent did not consent (seed 002: "RHIs that do not take place
    due to lack of parental consent")."""
    if interview.held_at is not None:
        return False
    return interview.parental_consent == "refused" or interview.declined_reason == "no_parental_consent"


@dataclass(frozen=True)
class Counted:
    """One thing counted: its part of the group, and its young person on the day."""

    part: str
    young_person_id: uuid.UUID
    on: dt.date


def _counted(group: Group, episodes: list[EpisodeFact], interviews: list[InterviewFact]) -> Iterable[Counted]:
    if group == Group.EPISODES:
        for e in episodes:
            yield Counted(episode_reporting(e), e.young_person_id, e.started_at.date())
    elif group == Group.MISSING_FROM:
        for e in episodes:
            yield Counted(
                "care" if e.missing_from == "care" else "home", e.young_person_id, e.started_at.date()
            )
    elif group in (Group.YOUNG_PEOPLE, Group.OUT_OF_AREA):
        yield from _young_people(group, episodes)
    else:
        for i in interviews:
            if group == Group.INTERVIEWS:
                part = interview_stage(i)
            elif group == Group.DECLINED:
                if interview_stage(i) != "declined":
                    continue
                part = i.declined_reason if i.declined_reason in DECLINE_REASONS else NOT_RECORDED
            elif group == Group.CONSENT:
                part = "lost_to_parental_consent" if lost_to_consent(i) else "not_lost"
            else:
                part = "follow_up_given" if i.follow_up_given else "no_follow_up"
            yield Counted(part, i.young_person_id, i.returned_at.date())


def _young_people(group: Group, episodes: list[EpisodeFact]) -> Iterable[Counted]:
    """Each young person who went missing once, on the day of their first episode."""
    first: dict[uuid.UUID, dt.date] = {}
    times: Counter[uuid.UUID] = Counter()
    for e in episodes:
        times[e.young_person_id] += 1
        day = e.started_at.date()
        first[e.young_person_id] = min(first.get(e.young_person_id, day), day)
    for young_person_id, day in first.items():
        if group == Group.YOUNG_PEOPLE:
            part = "repeat" if times[young_person_id] > 1 else "once"
        else:
            part = "?"  # filled in by `count`, which knows the people
        yield Counted(part, young_person_id, day)


@dataclass(frozen=True)
class GroupCount:
    """A group counted: by part, and by (category, part) for each dimension."""

    group: Group
    parts: dict[str, int]
    by: dict[Dimension, dict[tuple[str, str], int]]

    @property
    def total(self) -> int:
        return sum(self.parts.values())


def count(
    group: Group,
    episodes: Iterable[EpisodeFact],
    interviews: Iterable[InterviewFact],
    people: Mapping[uuid.UUID, Person],
) -> GroupCount:
    episodes, interviews = list(episodes), list(interviews)
    parts: Counter[str] = Counter()
    by: dict[Dimension, Counter[tuple[str, str]]] = {dimension: Counter() for dimension in Dimension}
    for counted in _counted(group, episodes, interviews):
        person = people.get(counted.young_person_id)
        part = counted.part
        if group == Group.OUT_OF_AREA:
            part = "out_of_area" if person is not None and person.placed_out_of_area else "in_area"
        parts[part] += 1
        for dimension, category in categories(person, counted.on).items():
            by[dimension][(category, part)] += 1
    return GroupCount(
        group=group,
        parts={part: parts[part] for part in PARTS[group]},
        by={dimension: dict(counter) for dimension, counter in by.items()},
    )


def count_all(
    episodes: Iterable[EpisodeFact], interviews: Iterable[InterviewFact], people: Mapping[uuid.UUID, Person]
) -> dict[Group, GroupCount]:
    episodes, interviews = list(episodes), list(interviews)
    return {group: count(group, episodes, interviews, people) for group in Group}
