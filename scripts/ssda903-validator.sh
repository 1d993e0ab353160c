#!/usr/bin/env bash
# Install the DfE SSDA903 validator (PyPI csc-validator-be-903, module lac_validator) into
# its own virtual environment, .venv-903 (or $HOMEWARD_SSDA903_VENV). The export tests in
# tests/exports run it as a separate process on the CSV files Homeward makes; it pins old
# pandas and numpy, so it never goes into the app's .venv. Safe to run again: it does
# nothing when the environment already matches scripts/ssda903-validator.lock (made from
# scripts/ssda903-validator.txt with hashes: README, "Updating the locked packages").
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
VENV="${HOMEWARD_SSDA903_VENV:-.venv-903}"
PINS="scripts/ssda903-validator.lock"
STAMP="$VENV/.homeward-pins"

if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && cmp -s "$PINS" "$STAMP"; then
  echo "== SSDA903 validator already installed in $VENV"
  exit 0
fi
echo "== installing the SSDA903 validator into $VENV"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
# The environment ignores itself, so it never shows up in git status.
printf '*\n' > "$VENV/.gitignore"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes -r "$PINS"
# Fails here, not in the middle of a test run, if the package cannot load.
"$VENV/bin/python" -c "import lac_validator.lac_validator, lac_validator.rules.lac2025_26" \
  2>"$VENV/import.log" || { cat "$VENV/import.log" >&2; echo "the validator does not load" >&2; exit 1; }
rm -f "$VENV/import.log"
cp "$PINS" "$STAMP"
echo "== SSDA903 validator ready: $VENV/bin/python"
