"""The database, the data folder and the keys are readable by their owner only, whatever
the umask of the account that runs Homeward."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from backend.db import engine_from_url
from backend.vapid import make_keys


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def open_umask():
    """The usual umask, under which new files are world-readable (0644)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


async def test_sqlite_file_its_wal_and_shm_and_the_folder_are_private(tmp_path):
    path = tmp_path / "data" / "homeward.sqlite3"
    engine = engine_from_url(f"sqlite:///{path}")
    try:
        await engine._run_in_new_connection("PRAGMA journal_mode = WAL")
        await engine._run_in_new_connection("CREATE TABLE note (words TEXT)")
        await engine._run_in_new_connection("INSERT INTO note VALUES ('private')")
        # A pooled connection is still open, so the -wal and -shm files exist now.
        for name in (path, f"{path}-wal", f"{path}-shm"):
            assert mode(name) == 0o600, name
        assert mode(path.parent) == 0o700
    finally:
        await engine.close_pools()


async def test_a_database_left_world_readable_by_an_older_version_is_made_private(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    path = shared / "homeward.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE note (words TEXT)")
    os.chmod(path, 0o644)
    engine_from_url(f"sqlite:///{path}")
    assert mode(path) == 0o600
    assert mode(shared) == 0o755  # a folder Homeward did not make is left alone


def test_vapid_key_and_its_folder_are_private_also_when_replaced(tmp_path):
    key = tmp_path / "keys" / "vapid_private.pem"
    make_keys(key)
    assert mode(key) == 0o600
    assert mode(key.parent) == 0o700
    os.chmod(key, 0o644)
    make_keys(key, force=True)
    assert mode(key) == 0o600
