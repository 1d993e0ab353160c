"""Homeward's SSDA903 Missing and Header tables, checked by the DfE rules themselves.

The community implementation of the DfE validation rules (csc-validator-be-903) runs in
its own environment on the CSV files exactly as exported. Which rules run and which are
left out, and why, is in docs/ssda903.md; the lists below are the same.
"""

from __future__ import annotations

import datetime as dt

import pytest

from backend.exports import ssda903
from backend.exports.episode_rules import check_episode
from backend.exports.ssda903 import (
    HEADER_COLUMNS,
    MISSING_COLUMNS,
    Child,
    Episode,
    Tables,
    export,
    header_rows,
    missing_rows,
    parse_collection_year,
    to_csv,
)
from tests.exports import harness
from tests.exports.harness import EXCLUDED, RULES_RUN

pytestmark = pytest.mark.ssda903

OWN_TABLES = {"header", "header_last", "missing", "missing_last", "metadata"}

THIS_YEAR = parse_collection_year("2025-26")
LAST_YEAR = parse_collection_year("2024-25")
# The day the return is made: everything before it has happened.
NOW = dt.datetime(2026, 4, 20, 9, 0, tzinfo=dt.UTC)


def at(text: str) -> dt.datetime:
    """A time as people in England say it (GMT or BST), as the aware UTC time stored."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=ssda903.ENGLAND).astimezone(dt.UTC)


# Fictional children of Northbrook Council.
CHILDREN = [
    Child("NB1001", dt.date(2011, 6, 14), "F", "WBRI"),
    Child("NB1002", dt.date(2010, 9, 3), "M", "BCRB"),
    Child("NB1003", dt.date(2009, 1, 20), "F", "AOTH"),
    Child("NB1004", dt.date(2009, 8, 30), "M", "OOTH"),
    Child("NB1005", dt.date(2012, 3, 3), "F", "MWBC"),
    Child("NB1006", dt.date(2013, 12, 1), "M", "WIRI"),
]
EPISODES = [
    # Three in the year; the first was still open at the end of 2024-25.
    Episode("NB1001", "M", at("2025-03-29 22:10"), at("2025-04-01 09:30"), from_care=True),
    Episode("NB1001", "A", at("2025-07-12 23:00"), at("2025-07-13 02:15"), from_care=True),
    Episode("NB1001", "M", at("2025-11-02 16:00"), at("2025-11-04 11:00"), from_care=True),
    # Two on one day (the second starts after the first ended), then one that ends after
    # 31 March: open at the year end.
    Episode("NB1002", "A", at("2025-05-05 19:00"), at("2025-05-05 23:30"), from_care=True),
    Episode("NB1002", "M", at("2025-05-05 23:45"), at("2025-05-07 08:00"), from_care=True),
    Episode("NB1002", "M", at("2026-03-30 21:00"), at("2026-04-02 10:00"), from_care=True),
    # Still missing.
    Episode("NB1003", "M", at("2026-02-14 18:00"), None, from_care=True),
    # Missing from home before coming into care: not in this return.
    Episode("NB1004", "M", at("2025-04-20 20:00"), at("2025-04-21 07:00"), from_care=False),
    Episode("NB1004", "A", at("2025-10-10 21:30"), at("2025-10-11 00:45"), from_care=True),
    # One over before the year; one from 31 March to 00:30 on 1 April (23:30 on 31 March
    # in UTC), so open at the end of 2024-25; one from 00:30 on 1 April 2026: next year's.
    Episode("NB1005", "M", at("2025-01-10 17:00"), at("2025-01-11 12:00"), from_care=True),
    Episode("NB1005", "A", at("2025-03-31 21:00"), at("2025-04-01 00:30"), from_care=True),
    Episode("NB1005", "M", at("2026-04-01 00:30"), at("2026-04-01 06:00"), from_care=True),
    # Only ever missing from home: no row anywhere.
    Episode("NB1006", "M", at("2025-08-08 15:00"), at("2025-08-08 22:00"), from_care=False),
]


@pytest.fixture(scope="module")
def every_rule(validator_environment, tmp_path_factory):
    """Every rule in the year's rule set, run once on the realistic year."""
    return harness.run(
        tmp_path_factory.mktemp("every-rule"),
        export(CHILDREN, EPISODES, THIS_YEAR),
        export(CHILDREN, EPISODES, LAST_YEAR),
    )


def refused_on_entry(children: list[Child], episodes: list[Episode]) -> set[str]:
    """The children with an episode that the entry checks would have refused."""
    born = {child.child_id: child.date_of_birth for child in children}
    return {
        episode.child_id
        for episode in episodes
        if check_episode(
            episode.start,
            episode.end,
            date_of_birth=born[episode.child_id],
            now=NOW,
            others=[
                (e.start, e.end) for e in episodes if e.child_id == episode.child_id and e is not episode
            ],
        )
    }


def test_the_realistic_episodes_could_all_have_been_entered():
    assert refused_on_entry(CHILDREN, EPISODES) == set()


def test_a_year_of_realistic_episodes_passes_every_missing_and_header_rule(validate):
    this, last = export(CHILDREN, EPISODES, THIS_YEAR), export(CHILDREN, EPISODES, LAST_YEAR)

    verdict = validate(this, last, rules=RULES_RUN)

    assert (verdict.report["collection_start"], verdict.report["collection_end"]) == (
        "01/04/2025",
        "31/03/2026",
    )
    # The files were recognised as the DfE's Missing and Header tables, row for row.
    assert verdict.report["rows"] == {"Missing": 9, "Header": 5, "Missing_last": 3, "Header_last": 2}
    assert verdict.statuses() == dict.fromkeys(RULES_RUN, "done")
    assert verdict.flagged() == {}
    # What the rules accepted is what docs/ssda903.md promises.
    assert this.missing.splitlines()[1:] == [
        "NB1001,14/06/2011,M,29/03/2025,01/04/2025",
        "NB1001,14/06/2011,A,12/07/2025,13/07/2025",
        "NB1001,14/06/2011,M,02/11/2025,04/11/2025",
        "NB1002,03/09/2010,A,05/05/2025,05/05/2025",
        "NB1002,03/09/2010,M,05/05/2025,07/05/2025",
        "NB1002,03/09/2010,M,30/03/2026,",
        "NB1003,20/01/2009,M,14/02/2026,",
        "NB1004,30/08/2009,A,10/10/2025,11/10/2025",
        "NB1005,03/03/2012,A,31/03/2025,01/04/2025",
    ]
    assert this.header.splitlines() == [
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB",
        "NB1001,F,14/06/2011,WBRI,,,",
        "NB1002,M,03/09/2010,BCRB,,,",
        "NB1003,F,20/01/2009,AOTH,,,",
        "NB1004,M,30/08/2009,OOTH,,,",
        "NB1005,F,03/03/2012,MWBC,,,",
    ]
    assert last.missing.splitlines()[1:] == [
        "NB1001,14/06/2011,M,29/03/2025,",
        "NB1005,03/03/2012,M,10/01/2025,11/01/2025",
        "NB1005,03/03/2012,A,31/03/2025,",
    ]


def test_every_rule_that_can_run_on_homewards_tables_is_run_or_left_out_for_a_reason(every_rule):
    registry, statuses = every_rule.report["registry"], every_rule.statuses()
    assert every_rule.report["validator"] == "0.1.17"
    assert not RULES_RUN & EXCLUDED.keys()
    assert RULES_RUN | EXCLUDED.keys() <= registry.keys()

    def names(code):
        return {t.lower() for t in registry[code]["tables"] + registry[code]["reads"]}

    about_missing = {code for code in registry if names(code) & {"missing", "missing_last"}}
    only_ours = {code for code in registry if names(code) - {"metadata"} and names(code) <= OWN_TABLES}
    assert about_missing | only_ours <= RULES_RUN | EXCLUDED.keys(), "a rule nobody decided about"
    # Every rule the validator could run on our two tables either runs or is explained.
    ran = {code for code, status in statuses.items() if status in {"done", "failed"}}
    assert ran - RULES_RUN <= EXCLUDED.keys()
    assert {code for code in RULES_RUN if statuses[code] != "done"} == set()
    # The rules on the Missing table that need the council's Episodes table are skipped here.
    assert {code for code in about_missing if "episodes" in names(code)} <= EXCLUDED.keys()


def test_wrong_data_is_reported_by_the_validator(validate):
    """The harness can fail: each planted mistake is flagged by the rule made for it."""
    bad_children = [
        Child("B1", dt.date(2025, 6, 1), "F", "WBRI"),  # went missing on the day she was born
        Child("B2", dt.date(2010, 1, 1), "M", "WBRI"),  # two episodes overlap
        Child("B3", dt.date(2010, 1, 1), "F", "WBRI"),  # came back before going missing
        Child("B4", dt.date(2010, 1, 1), "M", "WBRI"),  # a new episode while one is open
        Child("B5", dt.date(2010, 1, 1), "F", "WBRI"),  # left out of the Header
        Child("B6", dt.date(2010, 1, 1), "M", "WBRI"),  # Header DOB differs from Missing DOB
        Child("B7", dt.date(2010, 1, 1), "F", "WBRI"),  # last year's open episode restarted
        Child("B8", dt.date(2010, 1, 1), "U", "WBRI"),  # sex not known: the DfE queries it
        # rows written by hand below, as no export of Homeward's would make them
        *(Child(f"B{n}", dt.date(2010, 1, 1), "M", "WBRI") for n in range(9, 13)),
    ]
    bad_episodes = [
        Episode("B1", "M", at("2025-06-01 10:00"), at("2025-06-01 12:00"), from_care=True),
        Episode("B2", "M", at("2025-05-01 20:00"), at("2025-05-05 09:00"), from_care=True),
        Episode("B2", "A", at("2025-05-03 20:00"), at("2025-05-04 09:00"), from_care=True),
        Episode("B3", "M", at("2025-08-10 20:00"), at("2025-08-09 09:00"), from_care=True),
        Episode("B4", "M", at("2025-09-01 20:00"), None, from_care=True),
        Episode("B4", "A", at("2025-09-10 20:00"), at("2025-09-11 01:00"), from_care=True),
        Episode("B5", "M", at("2025-06-06 20:00"), at("2025-06-07 09:00"), from_care=True),
        Episode("B6", "M", at("2025-06-06 20:00"), at("2025-06-07 09:00"), from_care=True),
        Episode("B7", "M", at("2025-03-21 20:00"), at("2025-04-03 09:00"), from_care=True),
        Episode("B8", "A", at("2025-06-06 20:00"), at("2025-06-07 09:00"), from_care=True),
    ]
    # The entry checks would have stopped the recorded mistakes before any return.
    assert refused_on_entry(bad_children, bad_episodes) == {"B1", "B2", "B3", "B4"}

    missing = missing_rows(bad_children, bad_episodes, THIS_YEAR)
    missing += [
        ("B9", "01/01/2010", "X", "06/06/2025", "07/06/2025"),  # not M or A
        ("B10", "01/01/2010", "M", "01/08/2025", "15/04/2026"),  # ends after the year
        ("B11", "01/01/2010", "M", "2025-09-01", ""),  # not a dd/mm/yyyy date
        ("B12", "01/01/2010", "M", "02/04/2026", ""),  # starts after the year
    ]
    header = [row for row in header_rows(bad_children, missing) if row[0] != "B5"]
    header = [(*row[:2], "02/01/2010", *row[3:]) if row[0] == "B6" else row for row in header]
    header = [(*row[:3], "ZZZZ", *row[4:]) if row[0] == "B12" else row for row in header]  # no such code
    this = Tables(THIS_YEAR, to_csv(MISSING_COLUMNS, missing), to_csv(HEADER_COLUMNS, header))
    # Last year B7's episode was open from 20 March; this year it says 21 March.
    last_episodes = [Episode("B7", "M", at("2025-03-20 20:00"), None, from_care=True)]
    last = export(bad_children, last_episodes, LAST_YEAR)

    verdict = validate(this, last, rules=RULES_RUN)

    assert verdict.statuses() == dict.fromkeys(RULES_RUN, "done")
    assert verdict.flagged() == {
        "586": ["B1"],
        "574": ["B2", "B4"],
        "567": ["B3"],
        "INT04": ["B5"],
        "INT13": ["B6"],
        "576": ["B7"],
        "232": ["B8"],
        "1006": ["B9"],
        "571": ["B10"],
        "1004": ["B11"],
        "570": ["B12"],
        "103": ["B12"],
    }
