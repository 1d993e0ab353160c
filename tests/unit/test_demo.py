"""Demo data: loading it twice changes nothing, and production refuses it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

from backend import demo
from backend.accounts import services as accounts
from backend.accounts.tables import Council, Session, Team, User
from backend.clock import now
from backend.young_people.tables import CaseAllocation, Placement, YoungPerson

ROOT = Path(__file__).resolve().parents[2]
TABLES = (Council, Team, User, YoungPerson, CaseAllocation, Placement)


async def row_counts() -> dict[str, int]:
    return {table.__name__: await table.count() for table in TABLES}


async def test_loading_the_demo_twice_changes_no_rows():
    assert await demo.load() is True
    first = await row_counts()
    assert first["User"] == len(demo.sign_ins())
    assert first["YoungPerson"] == len(demo.YOUNG_PEOPLE)
    assert await demo.load() is False
    assert await row_counts() == first


async def test_every_printed_demo_sign_in_works_for_young_people_and_carers():
    await demo.load()
    for role, _name, identifier, secret in demo.sign_ins():
        if role in ("young_person", "carer"):
            await accounts.sign_in(identifier, secret, None, "Demo", "192.0.2.1", now())
    assert await Session.count() == 3


def run_cli(tmp_path, *args, **env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("HOMEWARD_")}
    environment.update(
        {
            "HOMEWARD_DATA_DIR": str(tmp_path),
            "HOMEWARD_DATABASE_URL": f"sqlite:///{tmp_path / 'homeward.sqlite3'}",
            **{f"HOMEWARD_{key.upper()}": value for key, value in env.items()},
        }
    )
    return subprocess.run(
        [sys.executable, "-m", "backend.cli", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_homeward_demo_refuses_to_run_in_production(tmp_path):
    done = run_cli(
        tmp_path,
        "demo",
        mode="production",
        secret_key="k9P2vQ7mW4tZ8rL1nB6cX3yH5jF0gD2sA7eUq4Rw",
        data_keys=Fernet.generate_key().decode(),
        base_url="https://homeward.example.org",
    )
    assert done.returncode != 0
    assert "not available in production" in done.stderr
    assert "Demo sign-ins" not in done.stdout
    assert not (tmp_path / "homeward.sqlite3").exists()


def test_homeward_will_not_start_in_production_without_a_secret_key(tmp_path):
    done = run_cli(tmp_path, "demo", mode="production", base_url="https://homeward.example.org")
    assert done.returncode == 2
    assert "HOMEWARD_SECRET_KEY" in done.stderr


async def test_the_demo_has_a_year_of_episodes_reported_unreported_and_open():
    from backend.episodes import api as episodes

    await demo.load()
    council = (await Council.select(Council.id).first())["id"]
    year = await episodes.facts(council_id=council, start=now() - dt.timedelta(days=366), end=now())
    states = {fact.state for fact in year}
    assert states == {"returned", "closed_unreported", "open", "reported"}
    assert sum(fact.unreported for fact in year) >= 5
    assert {fact.state for fact in await episodes.open_episodes(council)} == {"open", "reported"}
