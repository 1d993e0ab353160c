"""The SSDA903 return's Missing table, and the Header rows it needs, as CSV text.

Every council in England sends the DfE an annual return on looked-after children
(SSDA903). Its Missing table lists each period a looked-after child was missing (M) or
away from placement without authorisation (A). Which episodes and children go in, and
why, is written up in docs/ssda903.md; in short:

- an episode is reported when it was from care and overlaps the collection year
  (1 April to 31 March, dates as they were in England);
- MIS_START is always the day it really started, even before 1 April, so an episode
  still open at last year's end is reported again with the same start (rule 576);
- MIS_END is blank when the episode had not ended by 31 March (rule 571 refuses an
  end after the year);
- every child with a Missing row gets exactly one Header row, and no other child does.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from backend.errors import Invalid
from backend.i18n import N_, Message

ENGLAND = ZoneInfo("Europe/London")

# The DfE changed SEX from 1/2 to M/F/U in 2024-25: earlier years would need the old codes.
FIRST_YEAR = 2024
SEX_CODES = frozenset({"M", "F", "U"})
# DfE ethnic origin codes. NOBT: information not yet obtained; REFU: refused.
ETHNIC_CODES = frozenset(
    {
        "WBRI",
        "WIRI",
        "WOTH",
        "WIRT",
        "WROM",
        "MWBC",
        "MWBA",
        "MWAS",
        "MOTH",
        "AIND",
        "APKN",
        "ABAN",
        "AOTH",
        "BCRB",
        "BAFR",
        "BOTH",
        "CHNE",
        "OOTH",
        "REFU",
        "NOBT",
    }
)
KINDS = frozenset({"M", "A"})
# The council's own child id: letters and digits, so no CSV quoting or spreadsheet formula
# can ever come from it.
CHILD_ID = re.compile(r"^[A-Za-z0-9]{1,10}$")

MISSING_COLUMNS = ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END")
HEADER_COLUMNS = ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")

BAD_YEAR = N_('Write the year like "2025-26" (1 April 2025 to 31 March 2026).')
TOO_EARLY = N_("Homeward makes this return from {first} on.")
_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, slots=True)
class CollectionYear:
    label: str  # "2025-26"
    start: dt.date  # 1 April
    end: dt.date  # 31 March


@dataclass(frozen=True, slots=True)
class Child:
    """What the return says about a child: their Header row, and DOB on each Missing row."""

    child_id: str  # the council's own id for the child (CHILD)
    date_of_birth: dt.date
    sex: Literal["M", "F", "U"]  # U: not known (the DfE queries it, rule 232)
    ethnicity: str  # a DfE code from ETHNIC_CODES

    def __post_init__(self) -> None:
        if not CHILD_ID.match(self.child_id):
            raise ValueError(f"child id {self.child_id!r} is not 1 to 10 letters or digits")
        if self.sex not in SEX_CODES:
            raise ValueError(f"sex {self.sex!r} is not one of {sorted(SEX_CODES)}")
        if self.ethnicity not in ETHNIC_CODES:
            raise ValueError(f"ethnicity {self.ethnicity!r} is not a DfE ethnic origin code")


@dataclass(frozen=True, slots=True)
class Episode:
    """One time a young person was missing (M) or away without authorisation (A)."""

    child_id: str
    kind: Literal["M", "A"]
    start: dt.datetime  # timezone-aware
    end: dt.datetime | None  # None: not back yet
    from_care: bool  # False when they went missing from home: not part of this return

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind {self.kind!r} is not M or A")
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None and value.tzinfo is None:
                raise ValueError(f"episode {name} must be timezone-aware")


@dataclass(frozen=True, slots=True)
class Tables:
    """The two CSV files for one collection year, with the DfE's column names."""

    year: CollectionYear
    missing: str
    header: str


def parse_collection_year(text: str, field: str = "year") -> CollectionYear:
    """'2025-26' -> 1 April 2025 to 31 March 2026."""
    match = _YEAR.match(text.strip())
    if not match or int(match[2]) != (int(match[1]) + 1) % 100:
        raise Invalid({field: BAD_YEAR})
    first = int(match[1])
    if first < FIRST_YEAR:
        first_label = f"{FIRST_YEAR}-{(FIRST_YEAR + 1) % 100:02d}"
        raise Invalid({field: Message(TOO_EARLY, first=first_label)})
    return CollectionYear(f"{first}-{match[2]}", dt.date(first, 4, 1), dt.date(first + 1, 3, 31))


def local_date(moment: dt.datetime) -> dt.date:
    """The day it was in England: 00:30 BST on 1 April is 23:30 UTC on 31 March."""
    return moment.astimezone(ENGLAND).date()


def dfe_date(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def is_reported(episode: Episode, year: CollectionYear) -> bool:
    """From care, started by 31 March, and not ended before 1 April."""
    if not episode.from_care or local_date(episode.start) > year.end:
        return False
    return episode.end is None or local_date(episode.end) >= year.start


def missing_rows(
    children: Iterable[Child], episodes: Iterable[Episode], year: CollectionYear
) -> list[tuple[str, ...]]:
    by_id = _index(children)
    rows: list[tuple[str, ...]] = []
    for episode in sorted(episodes, key=lambda e: (e.child_id, e.start)):
        if not is_reported(episode, year):
            continue
        if episode.child_id not in by_id:
            raise ValueError(f"episode from care for unknown child {episode.child_id!r}")
        end = local_date(episode.end) if episode.end is not None else None
        rows.append(
            (
                episode.child_id,
                dfe_date(by_id[episode.child_id].date_of_birth),
                episode.kind,
                dfe_date(local_date(episode.start)),
                dfe_date(end) if end is not None and end <= year.end else "",
            )
        )
    return rows


def header_rows(children: Iterable[Child], missing: Sequence[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """One row per child in the Missing table (rules INT04, INT32), and only those:
    Homeward does not know which other children the council looked after this year.
    UPN, MOTHER and MC_DOB stay blank: Homeward does not hold them (the council's case
    system does)."""
    reported = {row[0] for row in missing}
    return [
        (child.child_id, child.sex, dfe_date(child.date_of_birth), child.ethnicity, "", "", "")
        for child in sorted(_index(children).values(), key=lambda c: c.child_id)
        if child.child_id in reported
    ]


def export(children: Iterable[Child], episodes: Iterable[Episode], year: CollectionYear) -> Tables:
    children = list(children)
    missing = missing_rows(children, episodes, year)
    return Tables(
        year=year,
        missing=to_csv(MISSING_COLUMNS, missing),
        header=to_csv(HEADER_COLUMNS, header_rows(children, missing)),
    )


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def _index(children: Iterable[Child]) -> dict[str, Child]:
    by_id: dict[str, Child] = {}
    seen: set[str] = set()
    for child in children:
        # The DfE's tools upper-case ids, so "ab1" and "AB1" would be one child to them.
        key = child.child_id.upper()
        if key in seen:
            raise ValueError(f"child id {child.child_id!r} is given twice")
        seen.add(key)
        by_id[child.child_id] = child
    return by_id
