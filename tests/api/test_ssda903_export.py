"""The SSDA903 Missing and Header tables from real data: a year of episodes recorded
through the episodes routes (crossing both year ends, one still open), downloaded by the
council's manager, and checked by the DfE rules (csc-validator-be-903, run from its own
environment by tests/exports/harness.py; the rules run and left out, and why, are in
docs/ssda903.md and tests/exports/test_ssda903_validator.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.exports.ssda903 import ENGLAND, Tables, parse_collection_year
from tests.exports import harness
from tests.exports.harness import RULES_RUN
from tests.factories import PASSWORD, audit_count, make_council, make_user, sign_in_directly

DETAILS = {
    # key: (social worker, CHILD, sex, ethnicity, looked after)
    "jade": ("sam", "JD1001", "F", "WBRI", True),
    "mia": ("alex", "MA2002", "F", "BCRB", True),
    "tyler": ("sam", "TY3003", "M", "WIRI", False),
}
# (young person, who records it, from, kind, went missing, back or None), in England's time.
EPISODES = [
    ("jade", "sam", "care", "missing", "2025-03-29 22:10", "2025-04-01 09:30"),  # open at 2024-25's end
    ("jade", "sam", "care", "away", "2025-07-12 23:00", "2025-07-13 02:15"),
    ("jade", "sam", "home", None, "2025-08-08 15:00", "2025-08-08 22:00"),  # from home: not here
    ("jade", "sam", "care", "missing", "2025-11-02 16:00", "2025-11-04 11:00"),  # reported
    ("jade", "sam", "care", None, "2026-03-30 21:00", "2026-04-02 10:00"),  # open at the year end
    ("mia", "alex", "care", "away", "2025-05-05 19:00", "2025-05-05 23:30"),
    ("mia", "alex", "care", "missing", "2025-05-05 23:45", "2025-05-07 08:00"),
    ("mia", "alex", "care", "missing", "2026-02-14 18:00", None),  # still missing
    ("tyler", "sam", "care", "missing", "2025-10-10 21:30", "2025-10-11 00:45"),  # not looked after
]


def utc(text: str) -> str:
    return dt.datetime.fromisoformat(text).replace(tzinfo=ENGLAND).astimezone(dt.UTC).isoformat()


def url(world, year: str, table: str, council=None) -> str:
    return f"/api/councils/{council or world.council_id}/ssda903/{year}/{table}"


async def set_details(world, key: str, **changes) -> None:
    worker, child, sex, ethnicity, looked_after = DETAILS[key]
    body = {"child_code": child, "sex": sex, "ethnicity": ethnicity, "looked_after": looked_after, **changes}
    reply = await world.people[worker].client.put(f"/api/young-people/{world.young[key]}/details", json=body)
    assert reply.status_code == 200, reply.text


async def record(world, key, who, missing_from, kind, went, back) -> dict:
    client = world.people[who].client
    started = await client.post(
        f"/api/young-people/{world.young[key]}/episodes",
        json={"last_seen_at": utc(went), "missing_from": missing_from},
    )
    assert started.status_code == 201, started.text
    episode = started.json()
    if back is None:
        return episode
    body = {"returned_at": utc(back), **({"absence": kind} if kind else {})}
    if kind == "missing" and went.startswith("2025-11"):
        reported = await client.post(
            f"/api/episodes/{episode['id']}/report",
            json={"reported_at": utc(went.replace("16:00", "18:00")), "cad_number": "CAD 1234"},
        )
        assert reported.status_code == 200, reported.text
        ended = await client.post(f"/api/episodes/{episode['id']}/return", json=body)
    else:
        ended = await client.post(f"/api/episodes/{episode['id']}/close-unreported", json=body)
    assert ended.status_code == 200, ended.text
    return ended.json()


async def a_year(world) -> None:
    for key in DETAILS:
        await set_details(world, key)
    for episode in EPISODES:
        await record(world, *episode)


async def download(world, year: str) -> Tables:
    tables = {}
    for table in ("missing", "header"):
        reply = await world.ruth.client.get(url(world, year, table))
        assert reply.status_code == 200, reply.text
        assert reply.headers["content-type"].startswith("text/csv")
        assert f"ssda903-{table}-{year}.csv" in reply.headers["content-disposition"]
        tables[table] = reply.text
    return Tables(parse_collection_year(year), tables["missing"], tables["header"])


@pytest.fixture(scope="module")
def validator():
    made = harness.install()
    assert made.returncode == 0, f"could not install the SSDA903 validator:\n{made.stdout}\n{made.stderr}"


async def test_a_year_recorded_through_the_routes_passes_the_dfe_rules(world, validator, tmp_path):
    await a_year(world)
    this, last = await download(world, "2025-26"), await download(world, "2024-25")

    born = {}
    for line in this.header.splitlines()[1:]:
        child, _sex, dob, *_ = line.split(",")
        born[child] = dob
    expected = [
        "CHILD,DOB,MISSING,MIS_START,MIS_END",
        f"JD1001,{born['JD1001']},M,29/03/2025,01/04/2025",
        f"JD1001,{born['JD1001']},A,12/07/2025,13/07/2025",
        f"JD1001,{born['JD1001']},M,02/11/2025,04/11/2025",
        f"JD1001,{born['JD1001']},M,30/03/2026,",
        f"MA2002,{born['MA2002']},A,05/05/2025,05/05/2025",
        f"MA2002,{born['MA2002']},M,05/05/2025,07/05/2025",
        f"MA2002,{born['MA2002']},M,14/02/2026,",
    ]
    assert this.missing.splitlines() == expected
    # One Header row per child in the table: not Tyler (not looked after), not anyone else.
    assert this.header.splitlines() == [
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB",
        f"JD1001,F,{born['JD1001']},WBRI,,,",
        f"MA2002,F,{born['MA2002']},BCRB,,,",
    ]
    assert last.missing.splitlines()[1:] == [f"JD1001,{born['JD1001']},M,29/03/2025,"]

    verdict = harness.run(tmp_path, this, last, RULES_RUN)
    assert verdict.report["rows"] == {"Missing": 7, "Header": 2, "Missing_last": 1, "Header_last": 1}
    assert verdict.statuses() == dict.fromkeys(RULES_RUN, "done")
    assert verdict.flagged() == {}


async def test_the_download_is_audited_and_only_for_the_councils_manager(world):
    await set_details(world, "jade")
    await record(world, *EPISODES[1])
    before = await audit_count(action="read", actor_id=world.ruth.user_id)
    assert (await world.ruth.client.get(url(world, "2025-26", "missing"))).status_code == 200
    assert await audit_count(action="read", actor_id=world.ruth.user_id) == before + 1

    for who in ("sam", "priya", "jade", "admin"):
        reply = await world.people[who].client.get(url(world, "2025-26", "missing"))
        assert reply.status_code == 403, (who, reply.text)
    assert (await world.anonymous().get(url(world, "2025-26", "header"))).status_code == 401

    elsewhere = await make_council("Elsewhere Council")
    other = await make_user("manager", "Far Manager", "far@elsewhere.example", PASSWORD, elsewhere)
    await sign_in_directly(other, world.client_for())
    refused = await other.client.get(url(world, "2025-26", "missing"))
    assert refused.status_code == 403 and "JD1001" not in refused.text
    assert await audit_count(action="refused", actor_id=other.user_id) == 1
    # Their own council's return is theirs, and empty.
    own = await other.client.get(url(world, "2025-26", "missing", council=elsewhere))
    assert own.status_code == 200 and own.text.splitlines() == ["CHILD,DOB,MISSING,MIS_START,MIS_END"]


async def test_a_bad_year_is_refused_naming_the_field(world):
    for year in ("2025", "2025-27", "2019-20"):
        reply = await world.ruth.client.get(url(world, year, "missing"))
        assert reply.status_code == 422, reply.text
        assert reply.json()["errors"][0]["field"] == "year"


async def test_a_child_with_no_council_id_stops_the_export(world):
    await set_details(world, "jade", child_code=None)
    await record(world, *EPISODES[1])
    reply = await world.ruth.client.get(url(world, "2025-26", "header"))
    assert reply.status_code == 409, reply.text
    assert "1 young people" in reply.json()["detail"]


async def test_the_managers_screen_is_told_the_council_and_the_years(world):
    reply = await world.ruth.client.get("/api/council/ssda903")
    assert reply.status_code == 200, reply.text
    choices = reply.json()
    assert choices["council_id"] == str(world.council_id)
    assert choices["years"][-1] == "2024-25" and "2025-26" in choices["years"]
    assert (await world.sam.client.get("/api/council/ssda903")).status_code == 403


async def test_the_command_writes_the_same_files_as_the_managers_download(world, tmp_path):
    import os
    import subprocess
    import sys

    from backend.accounts import api as accounts
    from backend.config import get_settings
    from backend.db import get_engine, is_sqlite

    await a_year(world)
    downloaded = await download(world, "2025-26")
    engine = get_engine()
    database = f"sqlite:///{engine.path}" if is_sqlite(engine) else os.environ["HOMEWARD_DATABASE_URL"]
    council = await accounts.council(world.council_id)
    assert council is not None
    env = {**os.environ, "HOMEWARD_DATABASE_URL": database, "HOMEWARD_DATA_DIR": str(get_settings().data_dir)}
    command = [sys.executable, "-m", "backend.cli", "export", "ssda903", "--year", "2025-26"]
    done = subprocess.run(
        [*command, "--council", council.name, "--out", str(tmp_path)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    written = tmp_path / "ssda903-missing-2025-26.csv"
    assert written.read_bytes().decode() == downloaded.missing
    assert (tmp_path / "ssda903-header-2025-26.csv").read_bytes().decode() == downloaded.header
    unknown = subprocess.run(
        [*command, "--council", "Nowhere", "--out", str(tmp_path)], env=env, capture_output=True, text=True
    )
    assert unknown.returncode == 2 and "No council is called 'Nowhere'" in unknown.stderr
