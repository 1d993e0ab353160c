"""Small numbers could identify a child: every figure a professional sees goes through here.

Written once; the figures for managers and the police-feedback picture both use it.

The rules
---------
1. **Primary suppression.** A count under 10 (`SMALLEST_SHOWN`) is never shown: it reads
   "fewer than 10". This holds for cells *and* totals.
2. **Rounding.** Every count that is shown is rounded to the nearest 5 (`ROUND_TO`), so
   12 is shown as 10 and 13 as 15. Totals are the rounded *true* totals (so the same
   figure reads the same in every table that carries it), never the sum of rounded cells.
3. **Complementary suppression** (`suppress_table`). A table of counts is published with
   its row totals, column totals and grand total. Put the totals in as an extra row and
   column: every row and every column of that bordered table is then one equation
   (cells minus total = 0), and the hidden entries are the unknowns. Seen as a graph
   (a node per row and per column, an edge per hidden entry) an unknown is fixed by the
   equations exactly when its edge is a *bridge*: it lies on no cycle. So entries are
   hidden until:
   a. no hidden entry is a bridge (which also means no row or column ever has exactly
      one hidden entry: "if one cell in a row is hidden, the next smallest goes too");
   b. in every row and column with hidden entries, the hidden entries add up to at least
      10 between them, so subtracting rounded figures can never pin them to 0 (e.g. two
      hidden zeros beside four 13s, shown as 15s, under a total of 52 shown as 50 would
      otherwise give "the hidden two add up to at most 0").
   The entry hidden to satisfy a rule is the smallest shown one that closes the gap
   (inner cells before row and column totals, those before the grand total), so as
   little as possible is lost; "smallest" compares
   the numbers as they would be shown, and every candidate shown as that same number is
   hidden with it. (Hiding one of two cells shown as 10 would tell the attacker it was
   the smaller: an exhaustive search found a table pinned exactly that way.)

What the attacker has: the published table and these rules. What they cannot do: work
out the exact value of any hidden entry, by subtraction over rows, columns and totals
(tests/unit/test_suppression.py tries, with hypothesis, both exact linear algebra on the
published figures and interval reasoning on the rounding).

Linked tables: a figure that appears in several tables (the headline count of episodes
is the grand total of the breakdown by sex and of the breakdown by ethnicity) must be
hidden everywhere if it is hidden anywhere. `suppress_linked` does that for tables that
share their column totals.

What this does not cover: sums across *periods*. Twelve months and their year are
published separately, each suppressed on its own, so "the year minus the eleven months
shown" bounds a hidden month; the rounding of thirteen figures (each within 2) leaves
that bound about 50 wide, far wider than the 0 to 9 a hidden month can be, but it is
the rounding, not complementary suppression, that protects it.

API
---
- `shown(count) -> str`: one count on its own, e.g. a headline figure.
- `published(count) -> int | None`: the number to show, or None when it is hidden.
- `suppress_table(cells, rows=..., columns=...) -> Table`: `cells` maps (row, column)
  to a count (missing keys are 0). The reply's values are `int | None` (None: hidden).
- `suppress_counts({"female": 12, "male": 3, ...}) -> Table`: a one-column table (a
  breakdown and its total), column "count".
- `suppress_linked([table cells, ...], rows=[...], columns=...) -> list[Table]`.
- `Table.label(value)`: the words for a published value ("fewer than 10" or "15").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from backend.i18n import N_, Message

SMALLEST_SHOWN = 10
ROUND_TO = 5
FEWER_THAN = N_("fewer than {count}")
TOTAL = "total"
"""The key of the totals row and column in a `Table`'s `rows_with_totals`."""


def published(count: int) -> int | None:
    """The number shown for a count on its own: None under 10, else rounded to 5."""
    if count < SMALLEST_SHOWN:
        return None
    return int(ROUND_TO * round(count / ROUND_TO))


def label(value: int | None) -> str:
    """The words for a published value (translate the result where it is shown)."""
    return Message(FEWER_THAN, count=SMALLEST_SHOWN) if value is None else str(value)


def shown(count: int) -> str:
    """Fewer than 10 is never shown exactly; larger counts are rounded to the nearest 5."""
    return label(published(count))


@dataclass(frozen=True)
class Table:
    """A published table: every value is a rounded count or None (hidden)."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: dict[tuple[str, str], int | None]
    row_totals: dict[str, int | None]
    column_totals: dict[str, int | None]
    total: int | None
    hidden_by_rule: frozenset[tuple[str, str]] = field(default=frozenset())
    """Entries hidden though 10 or more (complementary), keyed like `entry`."""

    def entry(self, row: str, column: str) -> int | None:
        """Any entry of the bordered table; `TOTAL` names the totals row / column."""
        if row == TOTAL and column == TOTAL:
            return self.total
        if row == TOTAL:
            return self.column_totals[column]
        if column == TOTAL:
            return self.row_totals[row]
        return self.cells[(row, column)]

    label = staticmethod(label)


# -- the bordered table as a graph --------------------------------------------------------

Entry = tuple[int, int]  # (row index, column index) of the bordered table


def _bordered(
    cells: Mapping[tuple[str, str], int], rows: Sequence[str], columns: Sequence[str]
) -> list[list[int]]:
    grid = [[int(cells.get((row, column), 0)) for column in columns] for row in rows]
    for line in grid:
        if any(value < 0 for value in line):
            raise ValueError("counts cannot be negative")
        line.append(sum(line))
    grid.append([sum(line[j] for line in grid) for j in range(len(columns) + 1)])
    return grid


def _lines(entry: Entry) -> tuple[str, str]:
    return (f"r{entry[0]}", f"c{entry[1]}")


def _components(hidden: Iterable[Entry], without: Entry | None = None) -> dict[str, int]:
    """Connected components of the hidden graph (node -> component number)."""
    neighbours: dict[str, list[str]] = {}
    for entry in hidden:
        if entry == without:
            continue
        a, b = _lines(entry)
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    component: dict[str, int] = {}
    for start in neighbours:
        if start in component:
            continue
        component[start] = len(component)
        number = component[start]
        stack = [start]
        while stack:
            node = stack.pop()
            for other in neighbours[node]:
                if other not in component:
                    component[other] = number
                    stack.append(other)
    return component


def _bridges(hidden: Iterable[Entry]) -> set[Entry]:
    """Every hidden entry on no cycle, by Tarjan's lowlink walk (linear in the entries)."""
    neighbours: dict[str, list[tuple[str, Entry]]] = {}
    for entry in hidden:
        a, b = _lines(entry)
        neighbours.setdefault(a, []).append((b, entry))
        neighbours.setdefault(b, []).append((a, entry))
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    found: set[Entry] = set()
    for root in neighbours:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack: list[tuple[str, Entry | None, int]] = [(root, None, 0)]
        while stack:
            node, via, index = stack[-1]
            if index < len(neighbours[node]):
                stack[-1] = (node, via, index + 1)
                other, entry = neighbours[node][index]
                if entry == via:
                    continue
                if other in order:
                    low[node] = min(low[node], order[other])
                else:
                    order[other] = low[other] = len(order)
                    stack.append((other, entry, 0))
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
                if low[node] > order[parent]:
                    assert via is not None, "only a root is reached by no entry, and a root has no parent"
                    found.add(via)
    return found


def _a_bridge(hidden: set[Entry]) -> tuple[Entry, dict[str, int]] | None:
    """A hidden entry on no cycle (its value follows from the totals), with the two sides
    it joins (components without it), or None."""
    bridges = _bridges(hidden)
    if not bridges:
        return None
    entry = min(bridges)
    return entry, _components(hidden, without=entry)


class _Suppressor:
    def __init__(self, grid: list[list[int]], forced: Iterable[Entry] = ()):
        self.grid = grid
        self.height = len(grid)
        self.width = len(grid[0])
        self.hidden: set[Entry] = {
            (i, j) for i in range(self.height) for j in range(self.width) if grid[i][j] < SMALLEST_SHOWN
        }
        self.hidden |= set(forced)

    def value(self, entry: Entry) -> int:
        return self.grid[entry[0]][entry[1]]

    def kind(self, entry: Entry) -> int:
        """0: a cell; 1: a row or column total; 2: the grand total. A grand total never
        ties with a row's total: that it is the larger tells nobody anything."""
        return (entry[0] == self.height - 1) + (entry[1] == self.width - 1)

    def best(self, candidates: Iterable[Entry]) -> list[Entry]:
        """The smallest shown candidates (inner cells before totals), compared as they
        would be shown: every one shown as that same number goes, so the choice tells the
        attacker nothing finer than the rounding does."""
        shown = [entry for entry in candidates if entry not in self.hidden]
        if not shown:
            return []

        def rank(entry: Entry) -> tuple[int, int]:
            return (self.kind(entry), published(self.value(entry)) or 0)

        smallest = min(rank(entry) for entry in shown)
        return sorted({entry for entry in shown if rank(entry) == smallest})

    def line(self, node: str) -> list[Entry]:
        index = int(node[1:])
        if node[0] == "r":
            return [(index, j) for j in range(self.width)]
        return [(i, index) for i in range(self.height)]

    def everything(self) -> list[Entry]:
        return [(i, j) for i in range(self.height) for j in range(self.width)]

    def close_bridge(self) -> bool:
        found = _a_bridge(self.hidden)
        if found is None:
            return False
        entry, parts = found
        a, b = _lines(entry)
        side_a, side_b = parts.get(a), parts.get(b)

        def side(node: str) -> int | None:
            return parts.get(node)

        # Best: an entry joining the two sides again, which makes a cycle at once.
        crossing = [
            other
            for other in self.everything()
            if {side(_lines(other)[0]), side(_lines(other)[1])} == {side_a, side_b}
            and side_a is not None
            and side_b is not None
        ]
        # Next: another entry in the line of a lonely end ("the next smallest in the row").
        lonely = [entry for node in (a, b) if node not in parts for entry in self.line(node)]
        for candidates in (
            crossing,
            lonely,
            self.line(a) + self.line(b),
            [other for other in self.everything() if any(node in parts for node in _lines(other))],
            self.everything(),
        ):
            chosen = self.best(candidates)
            if chosen:
                self.hidden.update(chosen)
                return True
        return False  # everything is hidden already

    def fill_thin_line(self) -> bool:
        for node in [f"r{i}" for i in range(self.height)] + [f"c{j}" for j in range(self.width)]:
            entries = self.line(node)
            hidden = [entry for entry in entries if entry in self.hidden]
            if hidden and sum(self.value(entry) for entry in hidden) < SMALLEST_SHOWN:
                chosen = self.best(entries)
                if chosen:
                    self.hidden.update(chosen)
                    return True
        return False

    def run(self) -> set[Entry]:
        while self.close_bridge() or self.fill_thin_line():
            pass
        return self.hidden


def _table(grid: list[list[int]], hidden: set[Entry], rows: Sequence[str], columns: Sequence[str]) -> Table:
    def out(i: int, j: int) -> int | None:
        return None if (i, j) in hidden else published(grid[i][j])

    names_r = [*rows, TOTAL]
    names_c = [*columns, TOTAL]
    m, n = len(rows), len(columns)
    return Table(
        rows=tuple(rows),
        columns=tuple(columns),
        cells={(row, column): out(i, j) for i, row in enumerate(rows) for j, column in enumerate(columns)},
        row_totals={row: out(i, n) for i, row in enumerate(rows)},
        column_totals={column: out(m, j) for j, column in enumerate(columns)},
        total=out(m, n),
        hidden_by_rule=frozenset(
            (names_r[i], names_c[j]) for (i, j) in hidden if grid[i][j] >= SMALLEST_SHOWN
        ),
    )


def _check(rows: Sequence[str], columns: Sequence[str]) -> None:
    if not rows or not columns:
        raise ValueError("a table needs at least one row and one column")
    if TOTAL in rows or TOTAL in columns or len(set(rows)) != len(rows) or len(set(columns)) != len(columns):
        raise ValueError("row and column names must be distinct and not 'total'")


def suppress_table(
    cells: Mapping[tuple[str, str], int],
    *,
    rows: Sequence[str],
    columns: Sequence[str],
    hide_column_totals: Iterable[str] = (),
    hide_total: bool = False,
) -> Table:
    """Publish a table of counts with its totals, suppressed as the module says.

    `rows` and `columns` fix the order and must name every category, zero or not (a
    category left out would make the totals disagree with the cells). The two `hide_`
    arguments force totals hidden (for linked tables)."""
    _check(rows, columns)
    unknown = {key for key in cells if key[0] not in rows or key[1] not in columns}
    if unknown:
        raise ValueError(f"cells outside the table: {sorted(unknown)}")
    grid = _bordered(cells, rows, columns)
    m, n = len(rows), len(columns)
    forced = {(m, columns.index(column)) for column in hide_column_totals}
    if hide_total:
        forced.add((m, n))
    return _table(grid, _Suppressor(grid, forced).run(), rows, columns)


def suppress_counts(counts: Mapping[str, int], *, rows: Sequence[str] | None = None) -> Table:
    """A breakdown of one count (e.g. by sex) and its total: a one-column table whose
    column is "count"."""
    order = list(rows) if rows is not None else list(counts)
    return suppress_table(
        {(row, "count"): value for row, value in counts.items()}, rows=order, columns=["count"]
    )


def suppress_linked(
    tables: Sequence[Mapping[tuple[str, str], int]],
    *,
    rows: Sequence[Sequence[str]],
    columns: Sequence[str],
    hide_column_totals: Iterable[str] = (),
    hide_total: bool = False,
) -> list[Table]:
    """Tables that share their column totals and grand total (breakdowns of the same
    figures by different categories): a shared total hidden in one is hidden in all.
    The `hide_` arguments force totals hidden (a figure shown in yet another table)."""
    hidden_columns: set[str] = set(hide_column_totals)
    while True:
        out = [
            suppress_table(
                cells, rows=names, columns=columns, hide_column_totals=hidden_columns, hide_total=hide_total
            )
            for cells, names in zip(tables, rows, strict=True)
        ]
        now_columns = {column for table in out for column in columns if table.column_totals[column] is None}
        now_total = any(table.total is None for table in out)
        if now_columns == hidden_columns and now_total == hide_total:
            return out
        hidden_columns, hide_total = now_columns | hidden_columns, now_total or hide_total
