"""An attacker holding only a published table (shown cells, totals) and the rules tries to
work out a hidden cell. Three attacks, each sound (the true table always satisfies what
the attacker assumes):

- subtraction with exact figures: pretend the shown figures were not rounded and solve
  the row / column / total equations by linear algebra (stronger than the real attacker);
- interval reasoning: shown v means the truth is in [v-2, v+2] (and at least 10), hidden
  means at least 0; propagate bounds along every equation until nothing changes;
- exhaustion: for small tables, every table that publishes the same thing.

No hidden entry may ever come out as one value."""

from __future__ import annotations

import itertools
from collections import defaultdict
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.figures.suppression import (
    ROUND_TO,
    SMALLEST_SHOWN,
    TOTAL,
    Table,
    suppress_counts,
    suppress_linked,
    suppress_table,
)

HALF = ROUND_TO // 2
BIG = 10**6


def bordered(table: Table) -> tuple[list[str], list[str], dict[tuple[str, str], int | None]]:
    rows, columns = [*table.rows, TOTAL], [*table.columns, TOTAL]
    return rows, columns, {(r, c): table.entry(r, c) for r in rows for c in columns}


def equations(rows: list[str], columns: list[str]) -> list[tuple[list[tuple[str, str]], tuple[str, str]]]:
    """Each line: its cells add up to its total."""
    inner_r, inner_c = rows[:-1], columns[:-1]
    out = [([(r, c) for c in inner_c], (r, TOTAL)) for r in rows]
    out += [([(r, c) for r in inner_r], (TOTAL, c)) for c in columns]
    return out


def solved_exactly(table: Table) -> set[tuple[str, str]]:
    """Hidden entries fixed by the equations if every shown figure were exact."""
    rows, columns, values = bordered(table)
    unknowns = sorted(key for key, value in values.items() if value is None)
    if not unknowns:
        return set()
    index = {key: k for k, key in enumerate(unknowns)}
    matrix: list[list[Fraction]] = []
    for cells, total in equations(rows, columns):
        line = [Fraction(0)] * (len(unknowns) + 1)
        for key, sign in [(cell, 1) for cell in cells] + [(total, -1)]:
            if values[key] is None:
                line[index[key]] += sign
            else:
                line[-1] -= sign * values[key]
        matrix.append(line)
    # Reduced row echelon form.
    pivots: list[int] = []
    r = 0
    for col in range(len(unknowns)):
        pivot = next((i for i in range(r, len(matrix)) if matrix[i][col] != 0), None)
        if pivot is None:
            continue
        matrix[r], matrix[pivot] = matrix[pivot], matrix[r]
        matrix[r] = [x / matrix[r][col] for x in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][col] != 0:
                matrix[i] = [a - matrix[i][col] * b for a, b in zip(matrix[i], matrix[r], strict=True)]
        pivots.append(col)
        r += 1
    solved = set()
    for i, col in enumerate(pivots):
        if all(matrix[i][k] == 0 for k in range(len(unknowns)) if k != col):
            solved.add(unknowns[col])
    return solved


def bounds(table: Table) -> dict[tuple[str, str], tuple[int, int]]:
    rows, columns, values = bordered(table)
    low, high = {}, {}
    for key, value in values.items():
        if value is None:
            low[key], high[key] = 0, BIG
        else:
            low[key], high[key] = max(SMALLEST_SHOWN, value - HALF), value + HALF
    lines = equations(rows, columns)
    for _ in range(50):
        changed = False
        for cells, total in lines:
            # total = sum(cells)
            new_low = max(low[total], sum(low[c] for c in cells))
            new_high = min(high[total], sum(high[c] for c in cells))
            if (new_low, new_high) != (low[total], high[total]):
                low[total], high[total], changed = new_low, new_high, True
            for cell in cells:
                others_low = sum(low[c] for c in cells if c != cell)
                others_high = sum(high[c] for c in cells if c != cell)
                new_low = max(low[cell], low[total] - others_high)
                new_high = min(high[cell], high[total] - others_low)
                if (new_low, new_high) != (low[cell], high[cell]):
                    low[cell], high[cell], changed = new_low, new_high, True
        if not changed:
            break
    return {key: (low[key], high[key]) for key in values}


def truth(cells, rows, columns) -> dict[tuple[str, str], int]:
    out = {(r, c): cells.get((r, c), 0) for r in rows for c in columns}
    for r in rows:
        out[(r, TOTAL)] = sum(out[(r, c)] for c in columns)
    for c in [*columns, TOTAL]:
        out[(TOTAL, c)] = sum(out[(r, c)] for r in rows)
    return out


def hidden(table: Table) -> set[tuple[str, str]]:
    _, _, values = bordered(table)
    return {key for key, value in values.items() if value is None}


def assert_safe(table: Table, cells, rows, columns) -> None:
    real = truth(cells, rows, columns)
    # Small numbers are never shown; shown numbers are multiples of 5 within 2 of the truth.
    for key, value in bordered(table)[2].items():
        if real[key] < SMALLEST_SHOWN:
            assert value is None, key
        if value is not None:
            assert value % ROUND_TO == 0 and abs(value - real[key]) <= HALF, key
    assert not solved_exactly(table) & hidden(table), "subtraction recovers a hidden entry"
    ranges = bounds(table)
    for key in hidden(table):
        low, high = ranges[key]
        assert low <= real[key] <= high, "the attacker's reasoning must be sound"
        assert low < high, f"interval reasoning pins {key} to {low}"


def tables(max_rows=5, max_columns=4, largest=60):
    @st.composite
    def build(draw):
        m = draw(st.integers(1, max_rows))
        n = draw(st.integers(1, max_columns))
        rows = [f"r{i}" for i in range(m)]
        columns = [f"c{j}" for j in range(n)]
        small = st.integers(0, 12)
        any_count = st.one_of(small, st.integers(0, largest))
        cells = {(r, c): draw(any_count) for r in rows for c in columns}
        return cells, rows, columns

    return build()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_no_hidden_cell_can_be_recovered_from_a_published_table(example):
    cells, rows, columns = example
    assert_safe(suppress_table(cells, rows=rows, columns=columns), cells, rows, columns)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=1, max_size=8))
def test_no_hidden_count_can_be_recovered_from_a_breakdown_and_its_total(counts):
    named = {f"k{i}": count for i, count in enumerate(counts)}
    table = suppress_counts(named)
    assert_safe(table, {(k, "count"): v for k, v in named.items()}, list(named), ["count"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(max_rows=4, max_columns=3), tables(max_rows=4, max_columns=3))
def test_linked_breakdowns_hide_a_shared_total_everywhere(first, second):
    cells_a, rows_a, columns = first
    # The second breakdown of the same figures: same column totals, other categories.
    _, rows_b, _ = second
    real_totals = {c: sum(cells_a.get((r, c), 0) for r in rows_a) for c in columns}
    cells_b = {(r, c): 0 for r in rows_b for c in columns}
    for c, total in real_totals.items():
        cells_b[(rows_b[0], c)] = total // 2
        cells_b[(rows_b[-1], c)] += total - total // 2
    a, b = suppress_linked([cells_a, cells_b], rows=[rows_a, rows_b], columns=columns)
    assert a.column_totals == b.column_totals
    assert a.total == b.total
    assert_safe(a, cells_a, rows_a, columns)
    assert_safe(b, cells_b, rows_b, columns)


def exhaust(shape_rows, shape_columns, largest):
    """Every table of this shape with counts 0..largest, grouped by what is published."""
    rows = [f"r{i}" for i in range(shape_rows)]
    columns = [f"c{j}" for j in range(shape_columns)]
    keys = [(r, c) for r in rows for c in columns]
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for values in itertools.product(range(largest + 1), repeat=len(keys)):
        cells = dict(zip(keys, values, strict=True))
        table = suppress_table(cells, rows=rows, columns=columns)
        published = tuple(sorted(bordered(table)[2].items()))
        groups[published].append(truth(cells, rows, columns))
    return groups


def test_exhaustively_every_published_small_table_fits_more_than_one_truth():
    largest = 20
    for shape in ((1, 2), (1, 3), (2, 2)):
        top = largest if shape != (2, 2) else 12
        for published, truths in exhaust(*shape, top).items():
            # Near the edge of the search, other truths lie beyond it: judge the rest.
            if any(max(v for (r, c), v in t.items() if TOTAL not in (r, c)) > top - ROUND_TO for t in truths):
                continue
            for key, value in published:
                if value is None:
                    assert len({t[key] for t in truths}) > 1, (shape, published, key)
