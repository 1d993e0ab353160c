"""The figures counted by hand: a small council's January, built as the episodes' and
interviews' facts (CONTRACTS.md), counted by backend/figures/counting.py, then
published by backend/figures/publish.py with small numbers hidden."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace

from backend.figures.counting import Dimension, Group, Person, count_all
from backend.figures.publish import publish, sums


@dataclass(frozen=True)
class Episode:  # the fields of backend.episodes.api.EpisodeFacts
    episode_id: uuid.UUID
    young_person_id: uuid.UUID
    council_id: uuid.UUID
    missing_from: str
    started_at: dt.datetime
    reported_at: dt.datetime | None
    returned_at: dt.datetime | None
    unreported: bool
    police_risk_grade: str | None
    suggested_risk_grade: str | None
    state: str


@dataclass(frozen=True)
class Interview:  # the fields of backend.interviews.api.InterviewFacts
    interview_id: uuid.UUID
    episode_id: uuid.UUID
    young_person_id: uuid.UUID
    council_id: uuid.UUID
    returned_at: dt.datetime
    offered_at: dt.datetime | None
    accepted: bool | None
    declined_reason: str | None
    held_at: dt.datetime | None
    held_within_72_hours: bool | None
    parental_consent: str | None
    follow_up_given: bool
    risk_of_going_missing_again: str | None


COUNCIL = uuid.uuid4()
A, B, C, D, E = (uuid.uuid4() for _ in range(5))
PEOPLE = {
    A: Person(dt.date(2010, 6, 1), "F", "WBRI"),  # 15 in January 2026
    B: Person(dt.date(2009, 3, 1), "M", "BAFR", placed_out_of_area=True),  # 16
    C: Person(dt.date(2015, 1, 1)),  # 11, sex and ethnicity not recorded
    D: Person(dt.date(2008, 12, 31), "U", "REFU", placed_out_of_area=True),  # 17
    E: Person(dt.date(2012, 2, 2), "F", "APKN"),  # 13
}


def on(day: int, hour: int = 12) -> dt.datetime:
    return dt.datetime(2026, 1, day, hour, tzinfo=dt.UTC)


def episode(who, day, *, reported=True, unreported=False, missing_from="home") -> Episode:
    return Episode(
        episode_id=uuid.uuid4(),
        young_person_id=who,
        council_id=COUNCIL,
        missing_from=missing_from,
        started_at=on(day),
        reported_at=on(day, 14) if reported else None,
        returned_at=None,
        unreported=unreported,
        police_risk_grade=None,
        suggested_risk_grade=None,
        state="reported" if reported else ("closed_unreported" if unreported else "open"),
    )


def interview(who, day, *, offered=True, accepted=None, reason=None, held=None, on_time=None,
              consent=None, follow_up=False) -> Interview:  # fmt: skip
    return Interview(
        interview_id=uuid.uuid4(),
        episode_id=uuid.uuid4(),
        young_person_id=who,
        council_id=COUNCIL,
        returned_at=on(day),
        offered_at=on(day, 15) if offered else None,
        accepted=accepted,
        declined_reason=reason,
        held_at=on(held) if held else None,
        held_within_72_hours=on_time,
        parental_consent=consent,
        follow_up_given=follow_up,
        risk_of_going_missing_again=None,
    )


EPISODES = [
    episode(A, 3),
    episode(A, 10, reported=False, unreported=True),  # found before anyone reported it
    episode(B, 5, missing_from="care"),
    episode(C, 20, reported=False),  # still open, not reported yet
    episode(D, 25, missing_from="care"),
    episode(B, 28, missing_from="care"),
]
INTERVIEWS = [
    interview(A, 4, accepted=True, held=5, on_time=True, consent="not_needed", follow_up=True),
    interview(B, 6, accepted=False, reason="wants_someone_else"),
    interview(D, 26, accepted=True, held=31, on_time=False, follow_up=True),
    interview(B, 29, offered=False),
    interview(E, 2, consent="refused"),  # offered, no answer; the parent said no
    interview(A, 15, accepted=False, reason="no_parental_consent", consent="refused"),
]


def test_a_month_counted_by_hand():
    counts = count_all(EPISODES, INTERVIEWS, PEOPLE)
    parts = {group: counted.parts for group, counted in counts.items()}
    assert parts[Group.EPISODES] == {"reported": 4, "unreported": 1, "not_yet_reported": 1}
    assert parts[Group.MISSING_FROM] == {"home": 3, "care": 3}
    assert parts[Group.YOUNG_PEOPLE] == {"once": 2, "repeat": 2}  # A and B went missing twice
    assert parts[Group.OUT_OF_AREA] == {"out_of_area": 2, "in_area": 2}
    assert parts[Group.INTERVIEWS] == {
        "not_offered": 1,
        "no_answer": 1,
        "declined": 2,
        "accepted_not_held": 0,
        "held_within_72_hours": 1,
        "held_later": 1,
    }
    assert parts[Group.DECLINED] == {
        "young_person_refused": 0,
        "wants_time_to_decide": 0,
        "wants_someone_else": 1,
        "nothing_changed_last_time": 0,
        "no_parental_consent": 1,
        "other": 0,
        "not_recorded": 0,
    }
    assert parts[Group.CONSENT] == {"lost_to_parental_consent": 2, "not_lost": 4}
    assert parts[Group.FOLLOW_UP] == {"follow_up_given": 2, "no_follow_up": 4}


def test_the_same_month_broken_down_by_age_band_sex_and_ethnicity():
    counts = count_all(EPISODES, INTERVIEWS, PEOPLE)
    episodes = counts[Group.EPISODES].by
    assert episodes[Dimension.AGE_BAND] == {
        ("13_15", "reported"): 1,
        ("13_15", "unreported"): 1,
        ("16_17", "reported"): 3,
        ("under_13", "not_yet_reported"): 1,
    }
    assert episodes[Dimension.SEX] == {
        ("F", "reported"): 1,
        ("F", "unreported"): 1,
        ("M", "reported"): 2,
        ("not_recorded", "not_yet_reported"): 1,
        ("U", "reported"): 1,
    }
    assert episodes[Dimension.ETHNICITY] == {
        ("white", "reported"): 1,
        ("white", "unreported"): 1,
        ("black", "reported"): 2,
        ("not_recorded", "not_yet_reported"): 1,
        ("not_known", "reported"): 1,
    }
    # 16-17 year olds who went missing: B (twice) and D (once).
    young = counts[Group.YOUNG_PEOPLE].by[Dimension.AGE_BAND]
    assert young == {
        ("13_15", "repeat"): 1,
        ("16_17", "repeat"): 1,
        ("under_13", "once"): 1,
        ("16_17", "once"): 1,
    }
    interviews = counts[Group.INTERVIEWS].by[Dimension.ETHNICITY]
    assert interviews == {
        ("white", "held_within_72_hours"): 1,
        ("white", "declined"): 1,
        ("black", "declined"): 1,
        ("black", "not_offered"): 1,
        ("not_known", "held_later"): 1,
        ("asian", "no_answer"): 1,
    }


def test_a_small_month_publishes_nothing_but_fewer_than_ten():
    counts = count_all(EPISODES, INTERVIEWS, PEOPLE)
    out = publish(counts)
    for group in out.values():
        assert group.total is None
        assert set(group.parts.values()) == {None}
        for table in group.by.values():
            assert set(table.cells.values()) == {None}
    assert sums(counts, out) == {"offered": None, "accepted": None, "held": None}


def five_times(facts):
    return [replace(fact, young_person_id=fact.young_person_id) for fact in facts for _ in range(5)]


def test_five_such_months_publish_the_hand_computed_rounded_figures():
    counts = count_all(five_times(EPISODES), five_times(INTERVIEWS), PEOPLE)
    out = publish(counts)
    episodes = out[Group.EPISODES]
    # reported 20, unreported 5, not yet reported 5: the two fives hide each other.
    assert episodes.parts == {"reported": 20, "unreported": None, "not_yet_reported": None}
    assert episodes.total == 30
    by_age = episodes.by[Dimension.AGE_BAND]
    # Reported by age: 0, 5, 15, 0 (total 20). The hidden 0, 5 and 0 add up to under 10,
    # so 20 - 15 would say nearly all about them: the 15 goes too.
    assert by_age.cells[("13_15", "reported")] is None
    assert by_age.cells[("16_17", "reported")] is None
    # Episodes by age band: 5, 10, 15, 0. The hidden 5 and 0 add up to under 10: the 10 goes.
    assert by_age.row_totals == {"under_13": None, "13_15": None, "16_17": 15, "18_over": None}
    assert out[Group.MISSING_FROM].parts == {"home": 15, "care": 15}
    assert out[Group.MISSING_FROM].total == 30
    # Interviews: 30 returns; 5 each not offered, no answer, held on time, held late; 10 declined.
    interviews = out[Group.INTERVIEWS]
    assert interviews.total == 30
    assert interviews.parts["declined"] == 10
    assert interviews.parts["held_within_72_hours"] is None
    assert sums(counts, out) == {"offered": None, "accepted": None, "held": None}
    assert out[Group.CONSENT].parts == {"lost_to_parental_consent": 10, "not_lost": 20}
    assert out[Group.FOLLOW_UP].parts == {"follow_up_given": 10, "no_follow_up": 20}
    # Ten declined: five wanted someone else, five had no parental consent; both hidden.
    assert out[Group.DECLINED].total == 10
    assert out[Group.DECLINED].parts["wants_someone_else"] is None
    # Young people are still the same four: fewer than 10.
    assert out[Group.YOUNG_PEOPLE].total is None
