#!/usr/bin/env bash
# Install everything the tests need, then run them all: lint, the test stand-ins, API and
# unit tests on SQLite and on PostgreSQL, schema fuzzing (schemathesis over the OpenAPI
# document) on each database, and the browser tests in Debian's chromium.
#
# PostgreSQL: HOMEWARD_TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/test)
# is used only to create and drop a fresh database for the run.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's chromium for the browser tests"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

echo "== installing Python packages into .venv (the hashed lock, requirements-test.lock)"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --require-hashes -r requirements-test.lock
.venv/bin/python -m pip install --quiet --no-deps -e .

command -v npm >/dev/null || {
  echo "== installing Node.js for the push service stand-in"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
}
echo "== installing the push service stand-in (npm: web-push-testing)"
npm ci --prefix tests/pushservice --no-audit --no-fund --silent

results="$(mktemp -d)"
status=0
started=$SECONDS
run() {
  local name="$1"; shift
  local t0=$SECONDS
  echo "== $name"
  "$@" || status=1
  echo "   ($name: $((SECONDS - t0)) s)"
}
# Two suites side by side (the machine has 2 cores; each suite is one Python process and
# its own database), each into its own log, printed whole and in order when both end.
run_pair() {
  local name_a="$1" name_b="$2"; shift 2
  local cmd_a="$1" cmd_b="$2" t0=$SECONDS
  echo "== $name_a  |  $name_b  (side by side)"
  bash -c "$cmd_a" >"$results/a.log" 2>&1 & local pid_a=$!
  bash -c "$cmd_b" >"$results/b.log" 2>&1 & local pid_b=$!
  local rc_a=0 rc_b=0
  wait $pid_a || rc_a=$?
  wait $pid_b || rc_b=$?
  echo "== $name_a"; cat "$results/a.log"
  echo "== $name_b"; cat "$results/b.log"
  [ $rc_a -eq 0 ] && [ $rc_b -eq 0 ] || status=1
  echo "   ($name_a | $name_b: $((SECONDS - t0)) s)"
}

run "ruff" .venv/bin/ruff check backend tests bench migrations scripts
run "ruff format" .venv/bin/ruff format --check backend tests bench scripts
run "import contract (no cycles; each domain alone reads its tables)" .venv/bin/lint-imports
run "type check (mypy over backend/, configured in pyproject.toml)" .venv/bin/mypy
run "test infrastructure (push service stand-in, mailbox)" \
  .venv/bin/pytest tests/infra -q --junitxml="$results/infra.xml"
run "SSDA903 validator environment (DfE rules, its own old pandas)" ./scripts/ssda903-validator.sh
run "SSDA903 export checked by the DfE rules" .venv/bin/pytest tests/exports -q \
  --junitxml="$results/exports.xml"
run_pair "API and unit tests on SQLite" "API and unit tests on PostgreSQL" \
  "HOMEWARD_TEST_DATABASE=sqlite .venv/bin/pytest tests/api tests/unit -q -p no:cacheprovider --junitxml=$results/sqlite.xml" \
  "HOMEWARD_TEST_DATABASE=postgres .venv/bin/pytest tests/api tests/unit -q -p no:cacheprovider --junitxml=$results/postgres.xml"
# A fixed number of requests per operation and caller (HOMEWARD_FUZZ_EXAMPLES), drawn the
# same way every run (HOMEWARD_FUZZ_SEED): see docs/api.md.
run_pair "schema fuzzing on SQLite" "schema fuzzing on PostgreSQL" \
  "HOMEWARD_TEST_DATABASE=sqlite .venv/bin/pytest tests/fuzz -q -p no:cacheprovider --junitxml=$results/fuzz-sqlite.xml" \
  "HOMEWARD_TEST_DATABASE=postgres .venv/bin/pytest tests/fuzz -q -p no:cacheprovider --junitxml=$results/fuzz-postgres.xml"
# Browser tests run in their own process: Playwright's sync API and pytest-asyncio's
# event loop must not share one. Each test fails after 300 s (pyproject.toml); the whole
# step is stopped after 40 minutes (it takes 12-14), so the run always ends.
run "browser tests (chromium)" timeout --kill-after=30 2400 .venv/bin/pytest tests/browser -q \
  --junitxml="$results/browser.xml"

.venv/bin/python - "$results" <<'PY'
import sys, pathlib, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.xml")):
    for suite in ET.parse(path).getroot().iter("testsuite"):
        total, bad = int(suite.get("tests", 0)), int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skip = int(suite.get("skipped", 0))
        print(f"   {path.stem:<13} {total - bad - skip} passed, {bad} failed, {skip} skipped")
        passed += total - bad - skip; failed += bad; skipped += skip
print(f"total: {passed} passed, {failed} failed, {skipped} skipped")
PY
echo "whole run: $((SECONDS - started)) s"
rm -rf "$results"
exit $status
