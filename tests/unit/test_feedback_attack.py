"""An attacker with every figure Homeward publishes about police feedback tries to work
out a hidden number. The only queries allowed are finished quarters (which never overlap
and never change), so the attack is on one quarter's family of tables: one table per
question, all adding up to the quarter's number of answers. The attacker of the shared
suppression (tests/unit/test_suppression_attack.py: exact subtraction and interval
reasoning) is run on every table; the tables share nothing but that total."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.feedback import figures
from backend.figures.suppression import TOTAL
from tests.unit.test_suppression_attack import assert_safe

FACE = st.one_of(st.none(), st.integers(1, 5))
SAID = st.one_of(st.none(), st.sampled_from(["yes", "no", "rather_not_say"]))
# Skewed answers: most young people give the same few, so small cells are common.
ROW = st.fixed_dictionaries(
    {
        "month": st.sampled_from(["2026-10", "2026-11", "2026-12"]),
        "respect": st.one_of(st.just(5), FACE),
        "listened": st.one_of(st.just(2), FACE),
        "explained": FACE,
        "safe": st.one_of(st.just(4), FACE),
        "helped": FACE,
        "searched": st.one_of(st.just("no"), SAID),
        "restrained": SAID,
    }
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ROW, max_size=90))
def test_no_combination_of_published_feedback_figures_recovers_a_hidden_number(rows):
    tables = figures.family(rows)
    published = figures.suppressed(tables)
    totals = {table.total for table in published.values()}
    assert len(totals) == 1  # every table says the same number of answers, or hides it
    for key, table in published.items():
        assert_safe(table, tables[key], figures.ROWS[key], [figures.COUNT])
        if table.total is None:  # nothing more is ever shown beside a hidden total
            assert all(value is None for value in table.cells.values())
    words = figures.publish(tables)
    for key, table in published.items():
        assert words[key][TOTAL] == ("fewer than 10" if table.total is None else str(table.total))
        for answer in figures.ROWS[key]:
            value = table.entry(answer, figures.COUNT)
            assert (
                (words[key][answer] == str(value)) if value is not None else not words[key][answer].isdigit()
            )
