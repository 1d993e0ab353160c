"""Writing to and reading from the audit log."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import uuid

from backend.accounts.actor import Actor
from backend.audit.tables import AuditEvent
from backend.clock import as_utc
from backend.clock import now as clock_now
from backend.errors import Invalid

ACTIONS = ("read", "change", "refused")
PAGE_SIZE = 100
MAX_PAGE_SIZE = 200
BAD_CURSOR = "That is not a place in the list. Start again from the newest."


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
                    young_person_id: uuid.UUID | None, at: dt.datetime | None = None,
                    actor_id: uuid.UUID | None = None) -> None:
    """Append an event by someone with no account (a trusted contact). `actor_id` is
    then their own id (a trusted contact's), so an admin can follow up a refusal."""
    assert action in ACTIONS
    await AuditEvent.insert(
        AuditEvent(at=at or clock_now(), actor_id=actor_id, actor_name=name[:120], actor_role=role,
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


# -- refused attempts, as the young person and their social worker read them -----------

# What a refused attempt was after, from the words it was written with (most specific
# first), in the words a young person reads ("tried to look at your plan").
_TOPICS = (
    (("who has looked",), "who has looked at your information"),
    (("who can see",), "who can see your information"),
    (("phone", "device"), "the phones you are signed in on"),
    (("trusted", "people", "contact"), "your people"),
    (("alert",), "your alerts"),
    (("plan", "police", "photo", "version"), "your plan"),
)
_LOOKING = ("tried to open", "tried to see", "tried to look", "tried to compare", "tried to download",
            "tried to use")


def _topic(what: str) -> str:
    lowered = what.lower()
    for words, topic in _TOPICS:
        if any(word in lowered for word in words):
            return topic
    return "your information"


def refusal_for_young_person(what: str) -> str:
    """A refused attempt in plain words for the young person, who is not told who it
    was: "Someone who isn't allowed tried to look at your plan. They were stopped."."""
    verb = "look at" if what.lower().startswith(_LOOKING) else "change"
    return f"Someone who isn't allowed tried to {verb} {_topic(what)}. They were stopped."


def refusal_for_adult(what: str) -> str:
    """A refused attempt for their social worker, who can follow it up."""
    return f"{what} and was stopped"


# -- refused attempts for an admin, a page at a time ------------------------------------

def encode_cursor(at: dt.datetime, event_id: uuid.UUID) -> str:
    """An opaque place in the list: the last event shown (time and id break ties)."""
    raw = f"{as_utc(at).isoformat()}|{event_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, event_id = raw.split("|")
        when = dt.datetime.fromisoformat(at)
        if when.tzinfo is None:
            raise ValueError("no time zone")
        return when, uuid.UUID(event_id)
    except (ValueError, UnicodeDecodeError, binascii.Error):
        raise Invalid({"before": BAD_CURSOR}) from None


async def refused_page(actor_ids: list, before: str | None = None, limit: int = PAGE_SIZE) -> dict:
    """Refused attempts by the actors in any of `actor_ids` (sub-queries of ids), newest
    first, `limit` at a time; `older` is the cursor for the next page, or None at the end."""
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise Invalid({"limit": f"Ask for 1 to {MAX_PAGE_SIZE} at a time."})
    by_them = AuditEvent.actor_id.is_in(actor_ids[0])
    for more in actor_ids[1:]:
        by_them |= AuditEvent.actor_id.is_in(more)
    where = (AuditEvent.action == "refused") & by_them
    if before:
        at, event_id = decode_cursor(before)
        # Keyset paging: strictly after the last one shown, in (at, id) order, so rows
        # written meanwhile neither repeat nor push anything out of the list.
        where &= (AuditEvent.at < at) | ((AuditEvent.at == at) & (AuditEvent.id < event_id))
    rows = await (
        AuditEvent.select(
            AuditEvent.id, AuditEvent.at, AuditEvent.actor_name, AuditEvent.actor_role,
            AuditEvent.what,
        )
        .where(where)
        .order_by(AuditEvent.at, AuditEvent.id, ascending=False)
        .limit(limit + 1)
    )
    page = rows[:limit]
    older = encode_cursor(page[-1]["at"], page[-1]["id"]) if len(rows) > limit else None
    return {"attempts": page, "older": older}
