"""Run the DfE SSDA903 validator on Homeward's CSV files and print what it found, as JSON.

Runs in the validator's own environment (.venv-903, scripts/ssda903-validator.sh), never
in the app's: it needs the old pandas and numpy that csc-validator-be-903 pins. The tests
start it as a separate process:

    .venv-903/bin/python tests/exports/lac_driver.py --year 2025-26 --this DIR [--last DIR]
        [--rules 564,INT04,...]

DIR holds header.csv and missing.csv. --last is the year before, for the rules that
compare the two years. Output: the collection dates the validator worked out, and for
each rule run whether it ran ("done"), found none of its tables ("skipped") or crashed
("failed"), with the rows it flagged; and, for every rule in the year's rule set, the
tables it names and reads, so a test can tell which rules concern the Missing table.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.metadata
import inspect
import json
import logging
import re
import sys
from pathlib import Path

from lac_validator.lac_validator import LacValidator

# The validator logs every rule at INFO; crashes (ERROR, with a traceback) still show.
logging.disable(logging.INFO)

TABLE_READ = re.compile(r"""dfs\[\s*["'](\w+)["']\s*\]|["'](\w+)["']\s+not\s+in\s+dfs""")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--year", required=True, help='collection year, like "2025-26"')
    parser.add_argument("--this", required=True, type=Path)
    parser.add_argument("--last", type=Path)
    parser.add_argument("--rules", default="", help="comma-separated rule codes (default: all)")
    args = parser.parse_args()

    first, second = args.year.split("-")
    ruleset = f"lac{first}_{second}"
    registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
    selected = [code for code in args.rules.split(",") if code]

    files = upload(args.this, "This year")
    if args.last:
        files += upload(args.last, "Prev year")
    # The validator takes the year the collection ENDS: "2026" is 1 April 2025 to 31 March
    # 2026 (datastore._process_metadata). localAuthority only matters for Episodes.
    metadata = {"collectionYear": str(int(first) + 1), "localAuthority": "E09000027"}
    # Some rules print as they go: keep stdout for the JSON answer alone.
    with contextlib.redirect_stdout(sys.stderr):
        run = LacValidator(metadata=metadata, files=files, registry=registry, selected_rules=selected or None)

    rules = {}
    for code in selected or list(registry):
        if code not in registry:
            rules[code] = {"status": "unknown", "errors": []}
            continue
        status = "failed" if code in run.fails else "skipped" if code in run.skips else "done"
        rules[code] = {"status": status, "errors": flagged(run.ds_results, code)}

    json.dump(
        {
            "validator": importlib.metadata.version("csc-validator-be-903"),
            "ruleset": ruleset,
            "collection_start": run.metadata["collection_start"],
            "collection_end": run.metadata["collection_end"],
            "rows": {name: len(df) for name, df in run.dfs.items()},
            "rules": rules,
            "registry": {
                code: {
                    "tables": [str(t) for t in (rule.tables or []) if t],
                    "reads": sorted({a or b for a, b in TABLE_READ.findall(inspect.getsource(rule.func))}),
                    "message": rule.message,
                }
                for code, rule in registry.items()
            },
        },
        sys.stdout,
        indent=1,
    )


def upload(folder: Path, description: str) -> list[dict]:
    return [
        {"name": str(folder / name), "description": description, "file_content": (folder / name).read_bytes()}
        for name in ("header.csv", "missing.csv")
    ]


def flagged(results: dict, code: str) -> list[dict]:
    found = []
    for table, frame in results.items():
        column = f"ERR_{code}"
        if table == "metadata" or column not in frame.columns:
            continue
        for row in frame.index[frame[column] == True]:
            found.append({"table": table, "row": int(row), "child": str(frame.at[row, "CHILD"])})
    return found


if __name__ == "__main__":
    main()
