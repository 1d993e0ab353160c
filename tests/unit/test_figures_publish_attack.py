"""The attacker of test_suppression_attack.py, against everything a manager is shown
for a period: every published table of every group, from random months of facts. And
a figure shown in two places reads the same in both (else one would give the other's
hidden number away)."""

from __future__ import annotations

import datetime as dt
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.figures.counting import CATEGORIES, DECLINE_REASONS, PARTS, SUMS, Group, Person, count_all
from backend.figures.publish import SHARED_TOTALS, publish, sums
from tests.unit.test_figures_counting import COUNCIL, Episode, Interview
from tests.unit.test_suppression_attack import assert_safe

PEOPLE = [uuid.uuid4() for _ in range(40)]
JANUARY = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@st.composite
def people(draw):
    return {
        who: Person(
            date_of_birth=dt.date(draw(st.integers(2006, 2016)), 6, 1),
            sex=draw(st.sampled_from(["F", "M", "U", None])),
            ethnicity=draw(st.sampled_from(["WBRI", "MWBA", "APKN", "BAFR", "CHNE", "REFU", None])),
            placed_out_of_area=draw(st.booleans()),
        )
        for who in PEOPLE
    }


@st.composite
def episodes(draw):
    who = draw(st.sampled_from(PEOPLE))
    state = draw(st.sampled_from(["reported", "closed_unreported", "open"]))
    started = JANUARY + dt.timedelta(hours=draw(st.integers(0, 24 * 30)))
    return Episode(
        episode_id=uuid.uuid4(),
        young_person_id=who,
        council_id=COUNCIL,
        missing_from=draw(st.sampled_from(["home", "care"])),
        started_at=started,
        reported_at=started if state == "reported" else None,
        returned_at=None,
        unreported=state == "closed_unreported",
        police_risk_grade=None,
        suggested_risk_grade=None,
        state=state,
    )


@st.composite
def interviews(draw):
    returned = JANUARY + dt.timedelta(hours=draw(st.integers(0, 24 * 30)))
    offered = draw(st.booleans())
    accepted = draw(st.sampled_from([None, True, False])) if offered else None
    held = offered and accepted is True and draw(st.booleans())
    return Interview(
        interview_id=uuid.uuid4(),
        episode_id=uuid.uuid4(),
        young_person_id=draw(st.sampled_from(PEOPLE)),
        council_id=COUNCIL,
        returned_at=returned,
        offered_at=returned if offered else None,
        accepted=accepted,
        declined_reason=draw(st.sampled_from([*DECLINE_REASONS, None])) if accepted is False else None,
        held_at=returned + dt.timedelta(hours=30) if held else None,
        held_within_72_hours=draw(st.booleans()) if held else None,
        parental_consent=draw(st.sampled_from([None, "not_needed", "given", "refused"])),
        follow_up_given=draw(st.booleans()),
        risk_of_going_missing_again=None,
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(people(), st.lists(episodes(), max_size=80), st.lists(interviews(), max_size=80))
def test_no_published_figure_gives_a_hidden_one_away(who, episode_facts, interview_facts):
    counts = count_all(episode_facts, interview_facts, who)
    out = publish(counts)
    for group, published in out.items():
        for dimension, table in published.by.items():
            assert_safe(table, counts[group].by[dimension], list(CATEGORIES[dimension]), list(PARTS[group]))
            assert table.column_totals == published.parts  # the same in every breakdown
            assert table.total == published.total
    for linked in SHARED_TOTALS:
        assert len({out[group].total for group in linked}) == 1, linked
    assert out[Group.INTERVIEWS].parts["declined"] == out[Group.DECLINED].total
    for name, value in sums(counts, out).items():
        group, parts = SUMS[name]
        if any(out[group].parts[part] is None for part in parts):
            assert value is None, name
