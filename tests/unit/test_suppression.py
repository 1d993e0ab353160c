"""Small numbers could identify a child: fewer than 10 is never shown, the rest are
rounded to the nearest 5."""

from __future__ import annotations

import pytest

from backend.figures.suppression import shown


@pytest.mark.parametrize(
    ("count", "seen"),
    [
        (0, "fewer than 10"),
        (1, "fewer than 10"),
        (9, "fewer than 10"),
        (10, "10"),
        (12, "10"),
        (13, "15"),
        (15, "15"),
        (17, "15"),
        (18, "20"),
        (1002, "1000"),
    ],
)
def test_counts_are_shown_suppressed_and_rounded(count, seen):
    assert shown(count) == seen


def test_no_count_is_ever_shown_below_ten_or_off_the_five_times_table():
    for count in range(500):
        seen = shown(count)
        if count < 10:
            assert seen == "fewer than 10"
            continue
        value = int(seen)
        assert value >= 10
        assert value % 5 == 0
        assert abs(value - count) <= 2
