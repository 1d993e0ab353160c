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

# The DfE rules run on Homeward's tables, and those left out with the reason (the same
# lists as docs/ssda903.md).
RULES_RUN = {
    # the Missing table on its own
    "564",
    "565",
    "566",
    "567",
    "570",
    "571",
    "574",
    "586",
    "1004",
    "1005",
    "1006",
    # the Missing table against last year's
    "576",
    # the Missing table against the Header
    "INT04",
    "INT13",
    # the Header on its own
    "101",
    "102",
    "103",
    "168",
    "171",
    "174",
    "209",
    "232",
    "301",
    "351",
    "444",
    "611",
    "612",
    "620",
    "621",
    "INT32",
    # the Header against last year's
    "202",
    "203",
    "204",
    "208",
    "624",
    "626",
}
EXCLUDED = {
    "575": "needs Episodes: the placement's end date",
    "577": "needs Episodes: the date the child ceased to be looked after",
    "578": "needs Episodes: the date the child ceased to be looked after",
    "580": "needs Episodes: the reason the episode ceased",
    "581": "needs Episodes: the date the child started to be looked after",
    "1012": "needs Episodes: children with no episode this year",
    "EPI": "flags every Header child with no Episodes row: Homeward holds no Episodes",
    "231": "needs UASC status (the UASC table), which Homeward does not hold; crashes without it",
    "105": "applies to XML uploads only; the validator skips it for CSV",
}


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
