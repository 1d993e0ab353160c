"""What is counted (counting.py) made safe to show (suppression.py). Pure functions.

Each group is published as one table per dimension (rows: categories; columns: the
group's parts), suppressed together (`suppress_linked`), so the headline figures (the
column totals and the total) read the same in all three. Groups that share a figure are
linked as well: the episodes' total is also the total by where they went missing from;
the young people's total is also the total by out-of-area placement; the returns' total
is shared by the interview stages, consent and follow-up; the declined interviews are a
column of the stages and the total of the reasons. A shared figure hidden in one is
hidden in all. A sum of parts (offered, accepted, held) is shown only when every part
is: otherwise it and the shown parts would give the hidden one away.
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.figures.counting import CATEGORIES, PARTS, SUMS, Dimension, Group, GroupCount
from backend.figures.suppression import Table, published, suppress_linked

SHARED_TOTALS = (
    (Group.EPISODES, Group.MISSING_FROM),
    (Group.YOUNG_PEOPLE, Group.OUT_OF_AREA),
    (Group.INTERVIEWS, Group.CONSENT, Group.FOLLOW_UP),
)
# (group, its column) whose total is another group's total.
SHARED_COLUMNS = (((Group.INTERVIEWS, "declined"), Group.DECLINED),)


@dataclass(frozen=True)
class PublishedGroup:
    group: Group
    parts: dict[str, int | None]
    total: int | None
    by: dict[Dimension, Table]


def _publish_group(counted: GroupCount, hide_columns: set[str], hide_total: bool) -> PublishedGroup:
    dimensions = list(Dimension)
    tables = suppress_linked(
        [counted.by.get(dimension, {}) for dimension in dimensions],
        rows=[CATEGORIES[dimension] for dimension in dimensions],
        columns=PARTS[counted.group],
        hide_column_totals=hide_columns,
        hide_total=hide_total,
    )
    first = tables[0]
    return PublishedGroup(
        group=counted.group,
        parts=dict(first.column_totals),
        total=first.total,
        by=dict(zip(dimensions, tables, strict=True)),
    )


def publish(counts: dict[Group, GroupCount]) -> dict[Group, PublishedGroup]:
    hide_columns: dict[Group, set[str]] = {group: set() for group in counts}
    hide_total: dict[Group, bool] = {group: False for group in counts}
    while True:
        out = {
            group: _publish_group(counts[group], hide_columns[group], hide_total[group]) for group in counts
        }
        changed = False
        for linked in SHARED_TOTALS:
            if any(out[group].total is None for group in linked):
                for group in linked:
                    if not hide_total[group]:
                        hide_total[group], changed = True, True
        for (group, column), whole in SHARED_COLUMNS:
            if out[group].parts[column] is None or out[whole].total is None:
                if column not in hide_columns[group] or not hide_total[whole]:
                    hide_columns[group].add(column)
                    hide_total[whole] = True
                    changed = True
        if not changed:
            return out


def sums(counts: dict[Group, GroupCount], out: dict[Group, PublishedGroup]) -> dict[str, int | None]:
    """Offered, accepted, held: shown only when none of their parts is hidden."""
    result: dict[str, int | None] = {}
    for name, (group, parts) in SUMS.items():
        if any(out[group].parts[part] is None for part in parts):
            result[name] = None
        else:
            result[name] = published(sum(counts[group].parts[part] for part in parts))
    return result
