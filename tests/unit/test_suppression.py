"""Small numbers could identify a child: fewer than 10 is never shown, the rest are
rounded to the nearest 5, and a hidden cell's neighbours hide it from the totals."""

from __future__ import annotations

import pytest

from backend.figures.suppression import published, shown, suppress_counts, suppress_linked, suppress_table


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


def test_nothing_is_hidden_when_every_count_is_ten_or_more():
    table = suppress_counts({"female": 12, "male": 13, "not recorded": 10})
    assert table.cells == {("female", "count"): 10, ("male", "count"): 15, ("not recorded", "count"): 10}
    assert table.total == 35
    assert table.hidden_by_rule == frozenset()


def test_one_small_count_takes_the_next_smallest_with_it():
    table = suppress_counts({"female": 40, "male": 9, "not recorded": 22})
    assert table.cells == {("female", "count"): 40, ("male", "count"): None, ("not recorded", "count"): None}
    assert table.total == 70  # 71: the hidden two add up to 29 or so, never one of them alone
    assert ("not recorded", "count") in table.hidden_by_rule


def test_two_hidden_zeros_are_not_pinned_by_rounding():
    # 0 + 0 + 13 + 18 + 23 + 28 = 82, shown 80; the others shown as 15, 20, 25, 30 would
    # say the two zeros add up to at most 0.
    table = suppress_counts({"a": 0, "b": 0, "c": 13, "d": 18, "e": 23, "f": 28})
    assert table.cells[("c", "count")] is None
    assert [table.cells[(k, "count")] for k in "def"] == [20, 25, 30]
    assert table.total == 80


def test_every_cell_shown_as_the_smallest_goes_together():
    # Hiding only one of two 12s would tell which is smaller.
    table = suppress_counts({"a": 12, "b": 12, "c": 9, "d": 40})
    assert [table.cells[(k, "count")] for k in "abcd"] == [None, None, None, 40]


def test_a_small_total_is_hidden_and_so_are_its_cells():
    table = suppress_counts({"female": 4, "male": 5})
    assert table.total is None
    assert set(table.cells.values()) == {None}


def test_a_table_hides_across_rows_and_columns_so_no_line_has_one_gap():
    cells = {
        ("under 13", "reported"): 30,
        ("under 13", "unreported"): 3,
        ("13-15", "reported"): 45,
        ("13-15", "unreported"): 20,
        ("16-17", "reported"): 60,
        ("16-17", "unreported"): 25,
    }
    table = suppress_table(cells, rows=["under 13", "13-15", "16-17"], columns=["reported", "unreported"])
    assert table.cells[("under 13", "unreported")] is None
    assert table.cells[("under 13", "reported")] is None  # else its row total gives it away
    assert table.cells[("13-15", "unreported")] is None  # else its column total gives it away
    assert table.cells[("13-15", "reported")] is None
    assert table.cells[("16-17", "reported")] == 60
    assert table.column_totals == {"reported": 135, "unreported": 50}
    assert table.total == 185


def test_linked_tables_agree_on_every_shared_total():
    by_sex = {("female", "n"): 6, ("male", "n"): 2}
    by_age = {("under 16", "n"): 5, ("16-17", "n"): 3}
    a, b = suppress_linked([by_sex, by_age], rows=[["female", "male"], ["under 16", "16-17"]], columns=["n"])
    assert a.total is None and b.total is None


def test_published_is_none_below_ten():
    assert [published(n) for n in (9, 10, 12, 13)] == [None, 10, 10, 15]


def test_bad_tables_are_refused():
    with pytest.raises(ValueError):
        suppress_table({("x", "y"): 1}, rows=["a"], columns=["b"])
    with pytest.raises(ValueError):
        suppress_table({("a", "b"): -1}, rows=["a"], columns=["b"])
    with pytest.raises(ValueError):
        suppress_table({}, rows=["total"], columns=["b"])


def test_the_quick_bridge_search_agrees_with_the_definition():
    """An entry is a bridge when, without it, its row and column are no longer joined."""
    import random

    from backend.figures import suppression

    def by_definition(hidden):
        for entry in sorted(hidden):
            parts = suppression._components(hidden, without=entry)
            a, b = suppression._lines(entry)
            if a not in parts or b not in parts or parts[a] != parts[b]:
                return entry
        return None

    chance = random.Random(7)
    for _ in range(2000):
        cells = [(i, j) for i in range(chance.randint(1, 6)) for j in range(chance.randint(1, 6))]
        hidden = set(chance.sample(cells, chance.randint(0, len(cells))))
        found = suppression._a_bridge(hidden)
        assert (found[0] if found else None) == by_definition(hidden)
