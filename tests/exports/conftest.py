"""Export tests need no database. The SSDA903 ones run the DfE validator, which lives in
its own environment (.venv-903): made here by scripts/ssda903-validator.sh when missing.

Run only them:   .venv/bin/pytest tests/exports -m ssda903
Skip them when the environment is absent (never the default, never in CI):
                 HOMEWARD_SSDA903_ALLOW_SKIP=1 .venv/bin/pytest tests/exports
"""

from __future__ import annotations

import pytest

from tests.exports import harness


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "ssda903: runs the DfE SSDA903 validator from its own environment (.venv-903)"
    )


@pytest.fixture(autouse=True)
def clean_database():
    """Replaces tests/conftest.py's autouse fixture here: these tests touch no database."""
    yield


@pytest.fixture(scope="session")
def validator_environment():
    if not (harness.VENV / "bin" / "python").exists() and harness.ALLOW_SKIP:
        pytest.skip(
            f"the SSDA903 validator environment {harness.VENV} is absent and "
            "HOMEWARD_SSDA903_ALLOW_SKIP is set; make it with scripts/ssda903-validator.sh"
        )
    made = harness.install()
    if made.returncode != 0:
        pytest.fail(f"could not install the SSDA903 validator:\n{made.stdout}\n{made.stderr}")
    return harness.VENV


@pytest.fixture
def validate(validator_environment, tmp_path):
    """validate(this, last=None, rules=None) -> harness.Verdict"""

    def run(this, last=None, rules=None):
        return harness.run(tmp_path, this, last, rules)

    return run
