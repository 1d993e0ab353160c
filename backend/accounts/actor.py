"""Who is making a request: what every service is told about the caller."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from backend.accounts.schemas import Role, SessionKind


@dataclass(frozen=True)
class Actor:
    user_id: uuid.UUID
    role: Role
    display_name: str
    council_id: uuid.UUID | None
    session_id: str
    session_kind: SessionKind
    csrf_token: str
    young_person_id: uuid.UUID | None = None
    """A young person's own record, added at the edge (accounts knows no records)."""
    language: str = "en"
    """The language the person chose to read Homeward in."""
