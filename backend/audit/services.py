"""The audit log: every read, change and refused attempt on a young person's record.

An event is stored as a code (declared with its words in the domain that records it,
see backend/words.py) and sealed parameters; `story()` makes the sentences when they
are read, for the young person ("looked at your safety plan") or an adult ("looked at
Jade's safety plan"), in the reader's language.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from piccolo.custom_types import Combinable

from backend.accounts.actor import Actor
from backend.audit import legacy, sql
from backend.audit.grouped import group_commit
from backend.audit.tables import AuditEvent
from backend.clock import as_utc
from backend.clock import now as clock_now
from backend.db import get_engine
from backend.errors import Invalid
from backend.i18n import N_, translate
from backend.sealed import change_append_only, seal_again, seal_json, unseal, unseal_json
from backend.words import Reader, render, wording

PAGE_SIZE = 100
MAX_PAGE_SIZE = 200
STORY_LENGTH = 200
BAD_CURSOR = N_("That is not a place in the list. Start again from the newest.")

# Events written before events became codes keep their English sentence.
LEGACY = wording("legacy.sentence", you="{text}")
REFUSED_FOR_YOUNG_PERSON = N_("Someone who isn't allowed tried to {attempt}. They were stopped.")
REFUSED_FOR_ADULT = N_("tried to {attempt} and was stopped")
SOMEONE = N_("Someone who isn't allowed")
ROLE_WORDS = {
    "social_worker": N_("social worker"),
    "carer": N_("carer"),
    "young_person": N_("you"),
    "manager": N_("manager"),
    "admin": N_("administrator"),
    "trusted_contact": N_("trusted person"),
    "duty": N_("social worker on duty"),
    "known_worker": N_("out-of-hours worker"),
    "system": N_("Homeward"),
}


class Action(StrEnum):
    READ = "read"
    CHANGE = "change"
    REFUSED = "refused"


@dataclass(frozen=True)
class Who:
    """Who did something: an account, someone with no account (a trusted contact, whose
    id is their contact id), or Homeward itself."""

    id: uuid.UUID | None
    name: str
    role: str


SYSTEM = Who(None, "Homeward", "system")


def who(actor: Actor | Who | None) -> Who:
    if actor is None:
        return SYSTEM
    if isinstance(actor, Who):
        return actor
    return Who(actor.user_id, actor.display_name, str(actor.role))


async def record(
    actor: Actor | Who | None,
    action: Action,
    code: str,
    young_person_id: uuid.UUID | None = None,
    params: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> None:
    """Append one event. Called by every service that reads or changes a record, and by
    every refusal. `code` is declared with its words (backend/words.py)."""
    by = who(actor)
    row = {
        "id": uuid.uuid4(),
        "at": at or clock_now(),
        "actor_id": by.id,
        # Sealed once a minute per name (every plan read writes an event naming its
        # reader): events by the same person then share a sealed name, which says no
        # more than their actor_id (or the rest of the event) already does.
        "actor": seal_again(by.name[:120]),
        "actor_role": str(by.role),
        "action": Action(action).value,
        "young_person_id": young_person_id,
        "code": code,
        "params": seal_json(params) if params else None,
    }
    if get_engine().current_transaction.get() is not None:
        # Part of the caller's change: stored, or not, with it.
        await sql.NEW_EVENT.rows(**row)
    else:
        # On its own (a read, a refusal): committed with whatever others are waiting,
        # and this returns once that commit is durable (backend/audit/grouped.py).
        await group_commit().add(row)


async def record_text(
    actor: Actor | Who | None,
    action: Action | str,
    what: str,
    young_person_id: uuid.UUID | None = None,
    at: dt.datetime | None = None,
) -> None:
    """An event as an English sentence to the young person: the way events were written
    before codes. Callers move to `record` with a code; this goes when none is left."""
    await record(actor, Action(action), LEGACY, young_person_id, {"text": what[:200]}, at)


async def record_by(
    name: str,
    role: str,
    action: Action | str,
    what: str,
    young_person_id: uuid.UUID | None,
    at: dt.datetime | None = None,
    actor_id: uuid.UUID | None = None,
) -> None:
    """`record_text` for someone with no account (a trusted contact: `actor_id` is their
    contact id). Goes with `record_text`."""
    await record_text(Who(actor_id, name, role), action, what, young_person_id, at)


@dataclass(frozen=True)
class Event:
    id: uuid.UUID
    at: dt.datetime
    actor_id: uuid.UUID | None
    actor_name: str
    actor_role: str
    action: Action
    code: str
    params: dict[str, Any]


def _event(row: dict) -> Event:
    return Event(
        id=row["id"],
        at=row["at"],
        actor_id=row["actor_id"],
        actor_name=unseal(row["actor"]) if row["actor"] else "",
        actor_role=row["actor_role"],
        action=Action(row["action"]),
        code=row["code"],
        params=unseal_json(row["params"]) if row["params"] else {},
    )


async def events_for(young_person_id: uuid.UUID, limit: int = STORY_LENGTH) -> list[Event]:
    rows = await (
        AuditEvent.select()
        .where(AuditEvent.young_person_id == young_person_id)
        .order_by(AuditEvent.at, AuditEvent.id, ascending=False)
        .limit(limit)
    )
    return [_event(row) for row in rows]


@dataclass(frozen=True)
class Line:
    """One line of "who has looked at my information"."""

    at: dt.datetime
    name: str
    role: str
    what: str
    refused: bool


def describe(event: Event, reader: Reader, young_person: str) -> Line:
    """An event as `reader` reads it, in the current language."""
    params = {"young_person": young_person, **event.params}
    role = translate(ROLE_WORDS.get(event.actor_role, event.actor_role))
    if event.code == LEGACY:
        return _describe_sentence(event, reader, role)
    what = render(event.code, params, reader)
    if event.action is not Action.REFUSED:
        return Line(event.at, event.actor_name, role, what, False)
    if reader is Reader.YOUNG_PERSON:
        # Who it was is for their social worker to follow up; the young person is told
        # that it happened and that it was stopped.
        return Line(event.at, translate(SOMEONE), "", translate(REFUSED_FOR_YOUNG_PERSON, attempt=what), True)
    return Line(event.at, event.actor_name, role, translate(REFUSED_FOR_ADULT, attempt=what), True)


def _describe_sentence(event: Event, reader: Reader, role: str) -> Line:
    """An event stored as an English sentence written to the young person."""
    text = str(event.params.get("text", ""))
    to_young_person = reader is Reader.YOUNG_PERSON
    if event.action is not Action.REFUSED:
        what = text if to_young_person else legacy.about_them(text)
        return Line(event.at, event.actor_name, role, what, False)
    if to_young_person:
        return Line(event.at, translate(SOMEONE), "", legacy.refusal_for_young_person(text), True)
    return Line(event.at, event.actor_name, role, legacy.refusal_for_adult(legacy.about_them(text)), True)


def shown_to_young_person(event: Event, own_account: uuid.UUID | None) -> bool:
    """ "Who has looked" leaves out the young person's own reads and changes (and their
    own refused attempts), and keeps everyone else's."""
    if event.action is Action.REFUSED:
        return own_account is None or event.actor_id != own_account
    return event.actor_role != "young_person"


async def story(
    young_person_id: uuid.UUID, reader: Reader, young_person: str, own_account: uuid.UUID | None
) -> list[Line]:
    """Reads, changes and refused attempts by other people, newest first."""
    events = await events_for(young_person_id)
    return [describe(e, reader, young_person) for e in events if shown_to_young_person(e, own_account)]


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


TRIED = N_("tried to {attempt}")


def what_was_tried(event: Event, young_person: str) -> str:
    """A refused attempt as an administrator reads it: "tried to look at ..."."""
    if event.code == LEGACY:
        return str(event.params.get("text", ""))
    attempt = render(event.code, {"young_person": young_person, **event.params}, Reader.ADULT)
    return translate(TRIED, attempt=attempt)


@dataclass(frozen=True)
class RefusedAttempt:
    at: dt.datetime
    actor_name: str
    actor_role: str
    what: str


@dataclass(frozen=True)
class RefusedPage:
    attempts: list[RefusedAttempt]
    older: str | None


async def refused_page(actor_ids: list, before: str | None = None, limit: int = PAGE_SIZE) -> RefusedPage:
    """Refused attempts by the actors in any of `actor_ids` (sub-queries of ids), newest
    first, `limit` at a time; `older` is the cursor for the next page, or None at the end."""
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise Invalid({"limit": N_("Ask for 1 to 200 at a time.")})
    by_them: Combinable = AuditEvent.actor_id.is_in(actor_ids[0])
    for more in actor_ids[1:]:
        by_them |= AuditEvent.actor_id.is_in(more)
    where = (AuditEvent.action == Action.REFUSED.value) & by_them
    if before:
        at, event_id = decode_cursor(before)
        # Keyset paging: strictly after the last one shown, in (at, id) order, so rows
        # written meanwhile neither repeat nor push anything out of the list.
        where &= (AuditEvent.at < at) | ((AuditEvent.at == at) & (AuditEvent.id < event_id))
    newest_first = AuditEvent.select().where(where).order_by(AuditEvent.at, AuditEvent.id, ascending=False)
    rows = await newest_first.limit(limit + 1)
    events = [_event(row) for row in rows[:limit]]
    older = encode_cursor(events[-1].at, events[-1].id) if len(rows) > limit else None
    # An admin sees the attempt, not the record: the young person is not named.
    someone = translate(N_("a young person"))
    attempts = [RefusedAttempt(e.at, e.actor_name, e.actor_role, what_was_tried(e, someone)) for e in events]
    return RefusedPage(attempts=attempts, older=older)


# Who acts for the council (or Homeward itself): their names stay in an erased young
# person's audit events.
THE_COUNCILS = ("carer", "social_worker", "manager", "admin", "police_liaison", "system")


async def erase_personal_text(young_person_ids: list[uuid.UUID], account_ids: list[uuid.UUID]) -> None:
    """Young people's records were erased (backend/retention): their audit events stay,
    as the access record (when, what kind, whose account and role, ids only), but the
    sealed details of what happened are erased, and so are the names of those who did
    it who were not the council's (the young person, their trusted people): the names of
    the council's staff and carers stay, the record of who looked. Inside the caller's
    write transaction; the append-only triggers are lifted around it as key rotation does
    (backend/sealed.py)."""

    async def change() -> None:
        if young_person_ids:
            theirs = AuditEvent.young_person_id.is_in(young_person_ids)
            await AuditEvent.update({AuditEvent.params: None}).where(theirs & AuditEvent.params.is_not_null())
            await AuditEvent.update({AuditEvent.actor: None}).where(
                theirs & AuditEvent.actor_role.not_in(list(THE_COUNCILS)) & AuditEvent.actor.is_not_null()
            )
        if account_ids:
            await AuditEvent.update({AuditEvent.actor: None, AuditEvent.params: None}).where(
                AuditEvent.actor_id.is_in(account_ids)
            )

    await change_append_only(AuditEvent, change)
