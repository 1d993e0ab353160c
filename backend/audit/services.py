"""Writing to and reading from the audit log."""

from __future__ import annotations

import datetime as dt
import uuid

from backend.accounts.actor import Actor
from backend.audit.tables import AuditEvent
from backend.clock import now as clock_now

ACTIONS = ("read", "change", "refused")


async def record(
    actor: Actor | None,
    action: str,
    what: str,
    young_person_id: uuid.UUID | None = None,
    detail: str = "",
    at: dt.datetime | None = None,
) -> None:
    """Append one event. Called by every service that reads or changes a record."""
    assert action in ACTIONS
    await AuditEvent.insert(
        AuditEvent(
            at=at or clock_now(),
            actor_id=actor.user_id if actor else None,
            actor_name=actor.display_name if actor else "Homeward",
            actor_role=actor.role if actor else "system",
            action=action,
            young_person_id=young_person_id,
            what=what[:200],
            detail=detail,
        )
    )


async def record_by(name: str, role: str, action: str, what: str,
                    young_person_id: uuid.UUID | None, at: dt.datetime | None = None) -> None:
    """Append an event by someone with no account (a trusted contact)."""
    await AuditEvent.insert(
        AuditEvent(at=at or clock_now(), actor_id=None, actor_name=name[:120], actor_role=role,
                   action=action, young_person_id=young_person_id, what=what[:200])
    )


async def events_for(young_person_id: uuid.UUID, limit: int = 200) -> list[dict]:
    return await (
        AuditEvent.select(
            AuditEvent.at, AuditEvent.actor_id, AuditEvent.actor_name,
            AuditEvent.actor_role, AuditEvent.action, AuditEvent.what,
        )
        .where(AuditEvent.young_person_id == young_person_id)
        .order_by(AuditEvent.at, ascending=False)
        .limit(limit)
    )


async def refused_attempts(actor_ids, limit: int = 200) -> list[dict]:
    """Refused attempts by the given actors (a sub-query of user ids)."""
    return await (
        AuditEvent.select(
            AuditEvent.at, AuditEvent.actor_name, AuditEvent.actor_role, AuditEvent.what,
        )
        .where((AuditEvent.action == "refused") & AuditEvent.actor_id.is_in(actor_ids))
        .order_by(AuditEvent.at, ascending=False)
        .limit(limit)
    )
