"""The hashed lock files match pyproject.toml.

`scripts/demo.sh` installs `requirements.lock` and `scripts/test.sh` installs
`requirements-test.lock`, both with `pip install --require-hashes`, so a package declared in
pyproject.toml but missing from a lock is never installed. After changing the dependencies,
make the locks again (README, "Updating the locked packages").
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
AGAIN = "make the locks again: see the README, 'Updating the locked packages'"


def _locked(name: str) -> dict[str, str]:
    """Package -> version for every `name==version` entry, each one followed by hashes."""
    text = (ROOT / name).read_text(encoding="utf-8")
    entries = re.findall(
        r"^([A-Za-z0-9._-]+)==([^\s;\\]+)[^\n]*\\\n((?:\s+--hash=sha256:[0-9a-f]{64}.*\n)+)", text, re.M
    )
    pins = re.findall(r"^([A-Za-z0-9._-]+)==", text, re.M)
    assert len(entries) == len(pins), f"{name}: an entry without a hash"
    return {canonicalize_name(package): version for package, version, _hashes in entries}


def _declared(*extras: str) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    return [Requirement(r) for r in requirements]


def _mismatches(lock: dict[str, str], declared: list[Requirement]) -> list[str]:
    problems = []
    for requirement in declared:
        version = lock.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement}: not in the lock")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement}: locked at {version}")
    return problems


def test_the_app_lock_holds_every_dependency():
    assert _mismatches(_locked("requirements.lock"), _declared()) == [], AGAIN


def test_the_test_lock_holds_every_dependency_and_the_test_extra():
    assert _mismatches(_locked("requirements-test.lock"), _declared("test")) == [], AGAIN


def test_the_demo_and_the_tests_run_the_same_versions():
    app, test = _locked("requirements.lock"), _locked("requirements-test.lock")
    assert {
        name: (version, test.get(name)) for name, version in app.items() if test.get(name) != version
    } == {}


def test_the_validator_lock_holds_the_validators_pins():
    pins = re.findall(
        r"^([A-Za-z0-9._-]+)==(\S+)", (ROOT / "scripts" / "ssda903-validator.txt").read_text(), re.M
    )
    lock = _locked("scripts/ssda903-validator.lock")
    assert {
        canonicalize_name(name): version
        for name, version in pins
        if lock.get(canonicalize_name(name)) != version
    } == {}, AGAIN


def test_the_scripts_install_from_the_locks_with_hashes():
    demo = (ROOT / "scripts" / "demo.sh").read_text(encoding="utf-8")
    test = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements.lock" in demo
    assert "--require-hashes -r requirements-test.lock" in test
    validator = (ROOT / "scripts" / "ssda903-validator.sh").read_text(encoding="utf-8")
    assert 'PINS="scripts/ssda903-validator.lock"' in validator and '--require-hashes -r "$PINS"' in validator
