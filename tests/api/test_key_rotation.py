"""Key rotation, as the README says to do it, through the real command."""

import os
import subprocess
import sys

from cryptography.fernet import Fernet

from backend.config import get_settings
from backend.db import get_engine, is_sqlite
from backend.plans.tables import PlanVersion
from backend.security import _derived_key
from tests.api.test_plans import edit, plan_url

READ_BACK = """
import asyncio, json
from backend.plans.tables import PlanVersion
from backend.security import decrypt
async def main():
    row = await PlanVersion.select(PlanVersion.content).first()
    print(json.loads(decrypt(row["content"]))["worries"]["what_worries_me"])
asyncio.run(main())
"""


def homeward_env(data_keys: str) -> dict:
    engine = get_engine()
    url = f"sqlite:///{engine.path}" if is_sqlite(engine) else os.environ["HOMEWARD_DATABASE_URL"]
    return {**os.environ, "HOMEWARD_DATABASE_URL": url, "HOMEWARD_DATA_KEYS": data_keys,
            "HOMEWARD_DATA_DIR": str(get_settings().data_dir)}


async def test_rotating_keys_reencrypts_so_the_old_key_can_be_dropped(world):
    await edit(world.jade, plan_url(world), "worries", {"what_worries_me": "Loud rooms"})
    before = (await PlanVersion.select(PlanVersion.content).first())["content"]
    old = _derived_key(get_settings().secret_key).decode()  # the key in use so far
    new = Fernet.generate_key().decode()
    rotate = subprocess.run([sys.executable, "-m", "backend.cli", "rotate-data-keys"],
                            env=homeward_env(f"{new},{old}"), capture_output=True, text=True)
    assert rotate.returncode == 0, rotate.stderr
    assert "Re-encrypted" in rotate.stdout
    after = (await PlanVersion.select(PlanVersion.content).first())["content"]
    assert after != before
    # With only the new key, everything still reads.
    read = subprocess.run([sys.executable, "-c", READ_BACK], env=homeward_env(new),
                          capture_output=True, text=True)
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip() == "Loud rooms"
    # And the old key alone no longer can.
    stale = subprocess.run([sys.executable, "-c", READ_BACK], env=homeward_env(old),
                           capture_output=True, text=True)
    assert stale.returncode != 0 and "HOMEWARD_DATA_KEYS" in stale.stderr
