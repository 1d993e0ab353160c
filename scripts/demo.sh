#!/usr/bin/env bash
# Install Homeward into .venv, load the demo data on an embedded SQLite database and serve.
# Open http://127.0.0.1:8000/ when it says it is running. Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# Exactly the versions in the lock, each checked against its hash; then Homeward itself.
.venv/bin/python -m pip install --quiet --require-hashes -r requirements.lock
.venv/bin/python -m pip install --quiet --no-deps -e .
.venv/bin/homeward demo
exec .venv/bin/homeward serve "$@"
