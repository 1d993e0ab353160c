"""The SSDA903 Missing and Header tables: which episodes and children go in, and how."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from backend.errors import Invalid
from backend.exports.ssda903 import (
    ENGLAND,
    Child,
    Episode,
    export,
    is_reported,
    missing_rows,
    parse_collection_year,
)

YEAR = parse_collection_year("2025-26")
JADE = Child("NB1001", dt.date(2011, 6, 14), "F", "WBRI")
TYLER = Child("NB1002", dt.date(2010, 9, 3), "M", "BCRB")


def at(text: str) -> dt.datetime:
    """A time as it was in England, stored as UTC."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=ENGLAND).astimezone(dt.UTC)


def episode(start: str, end: str | None, *, kind="M", child=JADE, from_care=True) -> Episode:
    return Episode(child.child_id, kind, at(start), at(end) if end else None, from_care=from_care)


def rows(*episodes: Episode, children=(JADE, TYLER)) -> list[tuple[str, ...]]:
    return missing_rows(children, episodes, YEAR)


def test_collection_year_runs_from_1_april_to_31_march():
    assert YEAR.label == "2025-26"
    assert (YEAR.start, YEAR.end) == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert parse_collection_year(" 2099-00 ").end == dt.date(2100, 3, 31)


@pytest.mark.parametrize("text", ["2025-27", "2025/26", "25-26", "2025-2026", "2025", "", "twenty"])
def test_collection_year_written_another_way_is_refused_in_plain_words(text):
    with pytest.raises(Invalid) as refused:
        parse_collection_year(text)
    assert refused.value.errors == {"year": 'Write the year like "2025-26" (1 April 2025 to 31 March 2026).'}


def test_collection_year_before_the_dfe_sex_codes_changed_is_refused():
    with pytest.raises(Invalid) as refused:
        parse_collection_year("2023-24", field="collection_year")
    assert refused.value.errors == {"collection_year": "Homeward makes this return from 2024-25 on."}


def test_episode_inside_the_year_has_both_dates_as_dd_mm_yyyy():
    assert rows(episode("2025-07-12 23:00", "2025-07-13 02:15", kind="A")) == [
        ("NB1001", "14/06/2011", "A", "12/07/2025", "13/07/2025"),
    ]


def test_episode_that_started_before_1_april_keeps_its_real_start():
    assert rows(episode("2025-03-29 22:10", "2025-04-01 09:30")) == [
        ("NB1001", "14/06/2011", "M", "29/03/2025", "01/04/2025"),
    ]


def test_episode_not_ended_by_31_march_has_no_end_date():
    assert rows(
        episode("2026-03-30 21:00", "2026-04-02 10:00"),
        episode("2026-02-14 18:00", None, child=TYLER),
    ) == [
        ("NB1001", "14/06/2011", "M", "30/03/2026", ""),
        ("NB1002", "03/09/2010", "M", "14/02/2026", ""),
    ]


def test_episode_open_all_year_is_reported_with_its_start_and_no_end():
    assert rows(episode("2025-02-01 12:00", None)) == [("NB1001", "14/06/2011", "M", "01/02/2025", "")]


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2025-01-10 17:00", "2025-03-31 23:59"),  # ended before the year
        ("2026-04-01 00:00", None),  # started after it
        ("2026-04-01 00:30", "2026-04-01 06:00"),  # 23:30 on 31 March in UTC, but April in England
    ],
)
def test_episode_outside_the_year_is_left_out(start, end):
    assert rows(episode(start, end)) == []


def test_days_are_the_days_in_england_not_utc():
    # 00:30 BST on 1 April 2025 is 23:30 UTC on 31 March: it ended in this year.
    ended_just_after_midnight = episode("2025-03-31 21:00", "2025-04-01 00:30", kind="A")
    assert ended_just_after_midnight.end.date() == dt.date(2025, 3, 31)
    assert rows(ended_just_after_midnight) == [("NB1001", "14/06/2011", "A", "31/03/2025", "01/04/2025")]


def test_episodes_missing_from_home_are_not_part_of_the_return():
    from_home = episode("2025-04-20 20:00", "2025-04-21 07:00", from_care=False)
    assert not is_reported(from_home, YEAR)
    assert rows(from_home) == []


def test_rows_are_in_child_then_time_order():
    got = rows(
        episode("2025-11-02 16:00", "2025-11-04 11:00", child=TYLER),
        episode("2025-05-05 23:45", "2025-05-07 08:00"),
        episode("2025-05-05 19:00", "2025-05-05 23:30", kind="A"),
    )
    assert [(row[0], row[2], row[3]) for row in got] == [
        ("NB1001", "A", "05/05/2025"),
        ("NB1001", "M", "05/05/2025"),
        ("NB1002", "M", "02/11/2025"),
    ]


def test_header_has_one_row_for_each_child_in_the_missing_table_and_no_one_else():
    noah = Child("NB1006", dt.date(2013, 12, 1), "M", "WIRI")
    tables = export(
        [JADE, TYLER, noah],
        [
            episode("2025-05-01 20:00", "2025-05-02 08:00"),
            episode("2025-06-01 20:00", "2025-06-02 08:00"),
            episode("2025-08-08 15:00", "2025-08-08 22:00", child=noah, from_care=False),
        ],
        YEAR,
    )
    assert parse(tables.header) == [
        {
            "CHILD": "NB1001",
            "SEX": "F",
            "DOB": "14/06/2011",
            "ETHNIC": "WBRI",
            "UPN": "",
            "MOTHER": "",
            "MC_DOB": "",
        },
    ]
    assert [row["CHILD"] for row in parse(tables.missing)] == ["NB1001", "NB1001"]


def test_csv_has_the_dfe_column_names_and_crlf_line_ends():
    tables = export([JADE], [episode("2025-05-01 20:00", None)], YEAR)
    assert tables.missing == "CHILD,DOB,MISSING,MIS_START,MIS_END\r\nNB1001,14/06/2011,M,01/05/2025,\r\n"
    assert tables.header == "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nNB1001,F,14/06/2011,WBRI,,,\r\n"
    assert tables.year == YEAR


def test_a_year_with_no_episodes_gives_the_column_names_only():
    tables = export([JADE], [], YEAR)
    assert (tables.missing.splitlines(), tables.header.splitlines()) == (
        ["CHILD,DOB,MISSING,MIS_START,MIS_END"],
        ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"],
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("child_id", "NB-1001"),
        ("child_id", ""),
        ("child_id", "NB10010000X"),
        ("child_id", "=1+1"),
        ("sex", "1"),
        ("sex", "X"),
        ("ethnicity", "ZZZZ"),
        ("ethnicity", "wbri"),
    ],
)
def test_child_with_a_value_the_dfe_does_not_accept_is_refused(field, value):
    good = {"child_id": "NB1001", "date_of_birth": dt.date(2011, 6, 14), "sex": "F", "ethnicity": "WBRI"}
    with pytest.raises(ValueError, match=field.split("_")[0]):
        Child(**{**good, field: value})


def test_episode_times_must_say_their_time_zone_and_kind_must_be_m_or_a():
    with pytest.raises(ValueError, match="timezone-aware"):
        Episode("NB1001", "M", dt.datetime(2025, 5, 1, 20, 0), None, from_care=True)
    with pytest.raises(ValueError, match="timezone-aware"):
        Episode("NB1001", "M", at("2025-05-01 20:00"), dt.datetime(2025, 5, 2), from_care=True)
    with pytest.raises(ValueError, match="M or A"):
        Episode("NB1001", "X", at("2025-05-01 20:00"), None, from_care=True)


def test_the_same_child_twice_or_an_unknown_child_is_a_programming_error():
    with pytest.raises(ValueError, match="twice"):
        export([JADE, Child("nb1001", dt.date(2011, 6, 14), "F", "WBRI")], [], YEAR)
    with pytest.raises(ValueError, match="unknown child"):
        export([TYLER], [episode("2025-05-01 20:00", None)], YEAR)
    # A child not in the return needs no record: their episodes from home are left out.
    assert export([], [episode("2025-05-01 20:00", None, from_care=False)], YEAR).missing.count("\r\n") == 1


def parse(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))
