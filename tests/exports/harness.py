"""Runs the DfE SSDA903 validator (its own environment, .venv-903) on exported tables."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from backend.exports.ssda903 import Tables

ROOT = Path(__file__).resolve().parents[2]
SETUP = ROOT / "scripts" / "ssda903-validator.sh"
DRIVER = Path(__file__).with_name("lac_driver.py")
VENV = Path(os.environ.get("HOMEWARD_SSDA903_VENV", ROOT / ".venv-903"))
ALLOW_SKIP = os.environ.get("HOMEWARD_SSDA903_ALLOW_SKIP", "").lower() in {"1", "true", "yes"}


@dataclass(frozen=True)
class Verdict:
    """What the validator said about one run (the fields are described in lac_driver.py)."""

    report: dict
    stderr: str

    @property
    def rules(self) -> dict[str, dict]:
        return self.report["rules"]

    def statuses(self) -> dict[str, str]:
        return {code: rule["status"] for code, rule in self.rules.items()}

    def flagged(self) -> dict[str, list[str]]:
        """Rule code -> the children it flagged, for every rule that flagged any."""
        return {
            code: sorted(error["child"] for error in rule["errors"])
            for code, rule in self.rules.items()
            if rule["errors"]
        }


def install() -> subprocess.CompletedProcess:
    """Make or refresh the environment; the script does nothing when it is up to date."""
    return subprocess.run(
        ["bash", str(SETUP)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        env={
            **os.environ,
            "HOMEWARD_SSDA903_VENV": str(VENV),
            "PYTHON": os.environ.get("PYTHON", sys.executable),
        },
    )


def run(folder: Path, this: Tables, last: Tables | None = None, rules: set[str] | None = None) -> Verdict:
    """Write the tables as the CSV files a council would upload, and validate them."""
    args = [
        str(VENV / "bin" / "python"),
        str(DRIVER),
        "--year",
        this.year.label,
        "--this",
        _write(folder, this),
    ]
    if last is not None:
        args += ["--last", _write(folder, last)]
    if rules:
        args += ["--rules", ",".join(sorted(rules))]
    done = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"the validator did not run:\n{done.stderr}"
    return Verdict(json.loads(done.stdout), done.stderr)


def _write(folder: Path, tables: Tables) -> str:
    where = folder / tables.year.label
    where.mkdir(parents=True)
    # newline="" keeps the CRLF line ends exactly as exported.
    (where / "header.csv").write_text(tables.header, encoding="utf-8", newline="")
    (where / "missing.csv").write_text(tables.missing, encoding="utf-8", newline="")
    return str(where)
