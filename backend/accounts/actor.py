"""Who is making a request: what every service is told about the caller."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    user_id: uuid.UUID
    role: str
    display_name: str
    council_id: uuid.UUID | None
    session_id: str
    session_kind: str
    csrf_token: str
    young_person_id: uuid.UUID | None = None
