"""What other domains may ask of due actions: typed and read-only."""

from __future__ import annotations

import uuid

from backend.actions import services
from backend.actions.schemas import ActionFacts, ActionKind, ActionState
from backend.clock import now

__all__ = ["ActionFacts", "ActionKind", "ActionState", "due_for"]


async def due_for(young_person_ids: list[uuid.UUID]) -> list[ActionFacts]:
    """The open actions (due or overdue) of these young people, most urgent first."""
    return await services.due_for(young_person_ids, now())
