"""Entry checks for a missing episode: what the episodes domain refuses before saving."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.errors import Invalid
from backend.exports.episode_rules import (
    CLOCK_GRACE,
    check_end,
    check_episode,
    check_overlap,
    check_start,
)
from backend.exports.ssda903 import ENGLAND

DOB = dt.date(2011, 6, 14)
NOW = dt.datetime(2025, 11, 20, 12, 0, tzinfo=dt.UTC)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=ENGLAND).astimezone(dt.UTC)


def test_a_start_in_the_past_after_the_date_of_birth_is_fine():
    assert check_start(at("2025-11-02 16:00"), date_of_birth=DOB, now=NOW) == {}
    assert check_start(at("2011-06-15 00:00"), date_of_birth=DOB, now=NOW) == {}


def test_a_start_in_the_future_is_refused_but_a_phone_clock_a_little_ahead_is_not():
    assert check_start(NOW + CLOCK_GRACE, date_of_birth=DOB, now=NOW) == {}
    assert check_start(NOW + CLOCK_GRACE + dt.timedelta(seconds=1), date_of_birth=DOB, now=NOW) == {
        "started_at": "The time they went missing can't be in the future.",
    }


def test_a_start_on_or_before_the_date_of_birth_is_refused():
    # The DfE refuses the birthday itself too (rule 586); in England it is still the
    # birthday at 00:30 BST, though UTC says the day before.
    for start in ("2011-06-14 00:30", "2011-06-14 23:59", "2010-01-01 12:00"):
        assert check_start(at(start), date_of_birth=DOB, now=NOW, field="start") == {
            "start": "This is not after their date of birth (14 June 2011). Check the date.",
        }, start


def test_an_end_after_the_start_and_not_in_the_future_is_fine():
    assert check_end(at("2025-11-02 16:00"), at("2025-11-04 11:00"), now=NOW) == {}
    assert check_end(at("2025-11-02 16:00"), None, now=NOW) == {}


@pytest.mark.parametrize("end", ["2025-11-02 15:59", "2025-10-01 09:00"])
def test_an_end_before_the_start_is_refused(end):
    assert check_end(at("2025-11-02 16:00"), at(end), now=NOW) == {
        "ended_at": "The time they came back can't be before the time they went missing.",
    }


def test_an_end_in_the_same_minute_as_the_start_is_fine():
    """Screens give times to the minute; the DfE's rule 567 compares days."""
    assert check_end(at("2025-11-02 16:00"), at("2025-11-02 16:00"), now=NOW) == {}


def test_an_end_in_the_future_is_refused():
    assert check_end(at("2025-11-02 16:00"), NOW + dt.timedelta(hours=1), now=NOW, field="end") == {
        "end": "The time they came back can't be in the future.",
    }


EARLIER = (at("2025-05-05 19:00"), at("2025-05-05 23:30"))
OPEN = (at("2025-11-02 16:00"), None)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2025-05-05 23:30", "2025-05-07 08:00"),  # starts the minute the earlier one ended
        ("2025-05-01 10:00", "2025-05-05 19:00"),  # ends the minute the next one started
        ("2025-06-01 10:00", "2025-06-02 08:00"),
        ("2025-10-01 10:00", "2025-11-02 16:00"),  # before the open one
    ],
)
def test_episodes_that_only_touch_or_stand_apart_are_fine(start, end):
    assert check_overlap(at(start), at(end), [EARLIER, OPEN]) == {}


def test_a_new_episode_cannot_start_while_another_is_open():
    assert check_overlap(at("2025-11-10 20:00"), None, [EARLIER, OPEN]) == {
        "started_at": "They are still recorded as missing since 2 November 2025 at 16:00. "
        "Record that they came back first.",
    }


def test_an_earlier_episode_must_end_before_the_open_one_started():
    assert check_overlap(at("2025-11-01 20:00"), at("2025-11-03 08:00"), [OPEN]) == {
        "ended_at": "They went missing again on 2 November 2025 at 16:00, so this time must end before then.",
    }
    assert check_overlap(at("2025-11-01 20:00"), None, [OPEN]) == {
        "ended_at": "They went missing again on 2 November 2025 at 16:00, so this time must end before then.",
    }


def test_a_start_inside_an_earlier_episode_is_refused():
    assert check_overlap(at("2025-05-05 21:00"), at("2025-05-06 08:00"), [EARLIER]) == {
        "started_at": "They were already missing then (5 May 2025 at 19:00 to 5 May 2025 at 23:30). "
        "Check the time.",
    }


def test_an_episode_around_another_one_is_refused_on_its_end():
    assert check_overlap(at("2025-05-05 10:00"), at("2025-05-06 08:00"), [EARLIER]) == {
        "ended_at": "This overlaps another time they were missing (5 May 2025 at 19:00 to "
        "5 May 2025 at 23:30). Check the times.",
    }
    assert check_overlap(at("2025-05-05 10:00"), None, [EARLIER]) == {
        "started_at": "This overlaps another time they were missing (5 May 2025 at 19:00 to "
        "5 May 2025 at 23:30). Check the times.",
    }


def test_check_episode_gives_one_message_per_field_ready_for_invalid():
    errors = check_episode(
        at("2030-01-01 10:00"),
        at("2029-01-01 10:00"),
        date_of_birth=DOB,
        others=[OPEN],
        now=NOW,
    )
    assert errors == {
        "started_at": "The time they went missing can't be in the future.",
        "ended_at": "The time they came back can't be before the time they went missing.",
    }
    assert Invalid(errors).errors == errors


def test_check_episode_looks_at_overlaps_once_the_times_themselves_are_right():
    assert check_episode(at("2025-11-10 20:00"), None, date_of_birth=DOB, others=[OPEN], now=NOW) == {
        "started_at": "They are still recorded as missing since 2 November 2025 at 16:00. "
        "Record that they came back first.",
    }
    assert (
        check_episode(
            at("2025-11-01 20:00"),
            at("2025-11-02 09:00"),
            date_of_birth=DOB,
            others=[EARLIER, OPEN],
            now=NOW,
            start_field="start",
            end_field="end",
        )
        == {}
    )


def test_times_without_a_time_zone_are_a_programming_error():
    with pytest.raises(ValueError, match="timezone-aware"):
        check_start(dt.datetime(2025, 11, 2, 16, 0), date_of_birth=DOB, now=NOW)
    with pytest.raises(ValueError, match="timezone-aware"):
        check_overlap(at("2025-11-10 20:00"), None, [(dt.datetime(2025, 1, 1), None)])
