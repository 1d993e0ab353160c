"""Who sees a council's figures. Pure functions."""

from __future__ import annotations

import uuid

from backend.accounts.api import Role


def may_see_figures(role: Role | str, caller_council: uuid.UUID | None, council: uuid.UUID | None) -> bool:
    """A manager, for their own council only: figures, never a name."""
    return role == Role.MANAGER and caller_council is not None and caller_council == council
