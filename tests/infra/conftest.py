"""Infrastructure tests need no database: they start the stand-ins and nothing else."""

import pytest

from tests.support.fixtures import mailbox, push_service, push_service_controls_reset  # noqa: F401


@pytest.fixture(autouse=True)
def clean_database():
    """Replaces tests/conftest.py's autouse fixture here, so no database is migrated."""
    yield
