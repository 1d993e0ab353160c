"""Every change of an alert's state and level, as one state machine.

States: active, then one of acknowledged (someone said "I've got this"), cancelled (the
young person said they're OK) or failed (nobody answered: the young person and their
carer are told plainly to call 999 if in danger, or 101). Levels: 0 the young person's
trusted people, 1 their carer, 2 a social worker (in the council's office hours the
young person's own; outside them first the out-of-hours worker who knows the young
person, then the one on the council's duty rota, each for the step's minutes:
people.social_work_steps), 3 the final notice. The minutes at each level are the
council's (councils.api).
A level with nobody on it, or nobody who can be reached, is skipped.

`MOVES` is the whole table: a move not in it is an IllegalTransition, never a quiet
no-op. Each move is a conditional UPDATE on the state (and level) it starts from, so of
two workers or two answers racing, exactly one makes it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from backend import hooks
from backend.alerts import outbox, people, sql
from backend.alerts import words as w
from backend.alerts.schemas import AlertState, Level, Purpose, RecipientRole
from backend.alerts.tables import Alert, AlertRecipient
from backend.audit import services as audit
from backend.clock import as_utc
from backend.db import write_transaction
from backend.errors import Conflict
from backend.sealed import seal, seal_json

# Taps while an alert is on send it again; its people are asked again at most this often.
RESEND_GAP = dt.timedelta(minutes=1)


class IllegalTransition(Conflict):
    """A move the state machine does not allow (a bug, or a race the caller must handle)."""


class Move(StrEnum):
    ESCALATE = "escalate"  # nobody answered in time (or everyone said no): the next level
    RUN_OUT = "run_out"  # no level left: the final notice
    ACKNOWLEDGE = "acknowledge"
    CANCEL = "cancel"


@dataclass(frozen=True)
class Rule:
    from_states: frozenset[AlertState]
    to_state: AlertState
    level: str  # "up": to a higher level below FINAL; "final": to FINAL; "same": unchanged


MOVES: dict[Move, Rule] = {
    Move.ESCALATE: Rule(frozenset({AlertState.ACTIVE}), AlertState.ACTIVE, "up"),
    Move.RUN_OUT: Rule(frozenset({AlertState.ACTIVE}), AlertState.FAILED, "final"),
    Move.ACKNOWLEDGE: Rule(frozenset({AlertState.ACTIVE}), AlertState.ACKNOWLEDGED, "same"),
    # "I'm OK now" also after someone said they have got it: that person and the young
    # person's adults then know they can stand down.
    Move.CANCEL: Rule(frozenset({AlertState.ACTIVE, AlertState.ACKNOWLEDGED}), AlertState.CANCELLED, "same"),
}


def target(
    move: Move, state: AlertState, level: Level, to_level: Level | None = None
) -> tuple[AlertState, Level]:
    """Where `move` takes an alert that is in `state` at `level`; IllegalTransition if
    the table does not allow it."""
    rule = MOVES[move]
    if state not in rule.from_states:
        raise IllegalTransition(f"an alert that is {state} cannot {move}")
    if rule.level == "final":
        return rule.to_state, Level.FINAL
    if rule.level == "same":
        if to_level is not None and to_level != level:
            raise IllegalTransition(f"{move} keeps the level")
        return rule.to_state, level
    if to_level is None or not level < to_level < Level.FINAL:
        raise IllegalTransition(f"escalation goes up a level, not from {level} to {to_level}")
    return rule.to_state, to_level


_MOVED = {
    Move.ESCALATE: sql.ESCALATED,
    Move.RUN_OUT: sql.RAN_OUT,
    Move.ACKNOWLEDGE: sql.ACKNOWLEDGED,
    Move.CANCEL: sql.CANCELLED,
}
"""Each move's conditional UPDATE; its other changes are the statement's parameters
(ESCALATE: notified_at, next_escalation_at; ACKNOWLEDGE: acknowledged_recipient)."""


async def _move(alert: dict, move: Move, now: dt.datetime, to_level: Level | None = None, **changes) -> bool:
    """Apply a move from the state (and, for escalation, the level) `alert` was read in.
    False when another transaction moved it first."""
    state, level = AlertState(alert["state"]), Level(alert["level"])
    new_state, new_level = target(move, state, level, to_level)
    where = {"id": alert["id"], "state": state.value}
    if MOVES[move].level != "same":
        where["level"] = int(level)
    moved = await _MOVED[move].rows(
        to_state=new_state.value, to_level=int(new_level), now=now, **where, **changes
    )
    if moved:
        alert.update(state=new_state, level=new_level)
    return bool(moved)


async def event(alert_id: uuid.UUID, code: str, now: dt.datetime, **params) -> None:
    """A step of the alert's story (names in `params` are sealed)."""
    await sql.NEW_EVENT.rows(alert=alert_id, at=now, code=code, params=seal_json(params) if params else None)


async def reach(
    alert_id: uuid.UUID,
    persons: list[people.Reachable],
    level: Level,
    now: dt.datetime,
    purpose: Purpose = Purpose.ALERT,
) -> int:
    """Recipients and their outbox rows; someone with no way to reach them is marked
    failed at once, so the young person sees it. Returns how many can be reached."""
    reachable = 0
    for person in persons:
        recipient_id = uuid.uuid4()
        await sql.NEW_RECIPIENT.rows(
            id=recipient_id,
            alert=alert_id,
            level=int(level),
            contact=person.contact_id,
            user=person.user_id,
            name=seal(person.name),
            role=RecipientRole(person.role).value,
            purpose=Purpose(purpose).value,
            now=now,
        )
        if await outbox.enqueue(recipient_id, person, now):
            reachable += 1
        else:
            await sql.RECIPIENT_FAILED.rows(id=recipient_id, now=now)
    return reachable


async def start(
    young_person_id: uuid.UUID,
    scoped_key: str,
    kind: str | None,
    sealed_location: str | None,
    phone: str,
    now: dt.datetime,
) -> uuid.UUID:
    """A new alert, active at level 0, sent to the first level with anyone on it.
    Inside a write transaction."""
    alert_id = uuid.uuid4()
    await sql.NEW_ALERT.rows(
        id=alert_id,
        young_person=young_person_id,
        key=scoped_key,
        kind=kind,
        location=sealed_location,
        phone=seal(phone) if phone else None,
        state=AlertState.ACTIVE.value,
        level=int(Level.PEOPLE),
        now=now,
    )
    await event(alert_id, w.SENT_SHARING if sealed_location else w.SENT, now)
    row = {"id": alert_id, "young_person": young_person_id, "state": AlertState.ACTIVE, "level": Level.PEOPLE}
    await advance(row, Level.PEOPLE, now)
    return alert_id


def _said(words: dict[Level, str], own: str, known: str, level: Level, role: RecipientRole | None) -> str:
    """The story's code for a step, by who was asked: the young person's own social
    worker and the out-of-hours worker who knows them are named as such."""
    if role is RecipientRole.SOCIAL_WORKER:
        return own
    if role is RecipientRole.KNOWN_WORKER:
        return known
    return words[level]


async def _asked_at(alert_id: uuid.UUID, level: Level) -> set[tuple]:
    rows = await sql.ASKED_AT.rows(alert=alert_id, level=int(level), purpose=Purpose.ALERT.value)
    return {(row["contact"], row["user"]) for row in rows}


async def advance(alert: dict, from_level: Level, now: dt.datetime) -> None:
    """Send it to the first group, from `from_level` on, that has anyone who can be
    reached (at the alert's own level, only people not asked yet: the social worker's
    step asks the worker who knows the young person, then the rota); with nobody left,
    end it with the final notice. Inside a write transaction, with `alert` (id,
    young_person, state, level) as read in it."""
    with people.one_view_of_settings():
        await _advance(alert, from_level, now)


async def _advance(alert: dict, from_level: Level, now: dt.datetime) -> None:
    record = await people.alerted(alert["young_person"])
    asked = await _asked_at(alert["id"], from_level) if from_level == alert["level"] else set()
    for level in (lvl for lvl in Level if from_level <= lvl < Level.FINAL):
        for group in await people.steps_at(level, record, now):
            persons = [p for p in group if level != from_level or (p.contact_id, p.user_id) not in asked]
            if not persons:
                continue
            names = [person.name for person in persons]
            role = persons[0].role
            if not await reach(alert["id"], persons, level, now):
                # Nobody here has notifications or an email: waiting would help no one.
                unreachable = _said(
                    w.UNREACHABLE, w.UNREACHABLE_SOCIAL_WORKER, w.UNREACHABLE_KNOWN, level, role
                )
                await event(alert["id"], unreachable, now, names=names)
                continue
            due = now + dt.timedelta(minutes=await people.escalation_minutes(record.council_id, level))
            if level == alert["level"]:
                await sql.NOTIFIED.rows(id=alert["id"], now=now, due=due)
            elif not await _move(
                alert, Move.ESCALATE, now, to_level=level, notified_at=now, next_escalation_at=due
            ):
                return
            sent = _said(w.SENT_TO, w.SENT_TO_SOCIAL_WORKER, w.SENT_TO_KNOWN, level, role)
            await event(alert["id"], sent, now, names=names)
            return
    await run_out(alert, record, now)


async def run_out(alert: dict, record: people.YoungPersonRecord, now: dt.datetime) -> None:
    """Nobody left to ask: the alert fails, and the young person and their carer are
    told to call 999 if in danger, or 101."""
    if not await _move(alert, Move.RUN_OUT, now):
        return
    final = (
        [people.Reachable(record.preferred_name, RecipientRole.YOUNG_PERSON, user_id=record.user_id)]
        if record.user_id
        else []
    )
    final += await people.at_level(Level.CARER, record, now)
    await reach(alert["id"], final, Level.FINAL, now, purpose=Purpose.CALL_999)
    anyone_reached = await AlertRecipient.exists().where(
        (AlertRecipient.alert == alert["id"])
        & (AlertRecipient.purpose == Purpose.ALERT)
        & AlertRecipient.failed_at.is_null()
    )
    await event(alert["id"], w.RAN_OUT if anyone_reached else w.NOBODY, now)
    said = w.AUDIT_RAN_OUT if anyone_reached else w.AUDIT_NOBODY_REACHED
    await audit.record(None, audit.Action.CHANGE, said, alert["young_person"], at=now)
    # The young person's social worker hears of it, once, whoever was on duty.
    notice = w.NOTICE_NO_ANSWER if anyone_reached else w.NOTICE_NOBODY_REACHED
    for social_worker_id in await people.social_worker_ids(record.id):
        await people.tell(
            social_worker_id, notice, record.id, f"#/alerts/{alert['id']}", f"alert:{alert['id']}:failed"
        )
    if not anyone_reached and record.council_id is not None:
        await hooks.emit(
            hooks.Topic.ALERT_FAILED,
            hooks.AlertFailed(
                alert_id=alert["id"], young_person_id=record.id, council_id=record.council_id, at=now
            ),
        )


async def escalate_due(now: dt.datetime) -> int:
    """Move on every active alert whose time at its level is up. Returns how many."""
    due = await sql.DUE.rows(state=AlertState.ACTIVE.value, now=now)
    done = 0
    for row in due:
        async with write_transaction():
            # Only the worker whose update matches moves the alert on.
            taken = await sql.TAKE_DUE.rows(id=row["id"], state=AlertState.ACTIVE.value, now=now)
            if taken:
                alert = taken[0]
                # The social worker's step may have someone still to ask (the rota,
                # after the out-of-hours worker who knows the young person).
                level = Level(alert["level"])
                await advance(alert, level if level is Level.DUTY else Level(level + 1), now)
                done += 1
    return done


async def next_due(now: dt.datetime) -> dt.datetime | None:
    row = await sql.NEXT_ESCALATION.first(state=AlertState.ACTIVE.value)
    return row["next_escalation_at"] if row else None


async def move_on_if_nobody_left(alert_id: uuid.UUID, now: dt.datetime) -> None:
    """When everyone at the current level has declined or cannot be reached, escalate
    now rather than when the timer runs out. Inside a write transaction."""
    alert = await Alert.select(Alert.level, Alert.state).where(Alert.id == alert_id).first()
    if alert is None or alert["state"] != AlertState.ACTIVE:
        return
    waiting = await AlertRecipient.count().where(
        (AlertRecipient.alert == alert_id)
        & (AlertRecipient.level == alert["level"])
        & (AlertRecipient.purpose == Purpose.ALERT)
        & AlertRecipient.declined_at.is_null()
        & AlertRecipient.failed_at.is_null()
    )
    if waiting == 0:
        await Alert.update(next_escalation_at=now).where(
            (Alert.id == alert_id) & (Alert.state == AlertState.ACTIVE) & (Alert.level == alert["level"])
        )
        await outbox.poke()


async def acknowledge(alert: dict, recipient: dict, now: dt.datetime) -> None:
    """ "I've got this": the recipient's answer, and the end of the alert if it was on."""
    await AlertRecipient.update(acknowledged_at=now).where(AlertRecipient.id == recipient["id"])
    if alert["state"] == AlertState.ACTIVE and await _move(
        alert, Move.ACKNOWLEDGE, now, acknowledged_recipient=recipient["id"]
    ):
        await event(alert["id"], w.ACKNOWLEDGED, now, name=recipient["name"])


async def decline(alert: dict, recipient: dict, now: dt.datetime) -> None:
    """ "I can't right now": when everyone at this level has said so, move on now."""
    await AlertRecipient.update(declined_at=now).where(AlertRecipient.id == recipient["id"])
    await event(alert["id"], w.DECLINED, now, name=recipient["name"])
    await move_on_if_nobody_left(alert["id"], now)


async def cancel(alert: dict, now: dt.datetime) -> bool:
    """The young person is OK (while it is on, or after someone said they have got it):
    stop escalating and send nothing more."""
    if alert["state"] not in MOVES[Move.CANCEL].from_states or not await _move(alert, Move.CANCEL, now):
        return False
    await outbox.cancel_pending(alert["id"])
    await event(alert["id"], w.CANCELLED, now)
    return True


async def send_again(alert: dict, scoped_key: str, sealed_location: str | None, now: dt.datetime) -> bool:
    """A new tap while the alert is on: the same alert, "sent again". The tap is kept
    (a retry of it changes nothing more); the story says so at most once a minute, or
    whenever a new place is shared; and the people at the current level who have not
    answered are asked again, at most once a minute. Escalation keeps its own time.
    Returns whether the story said so (the caller audits it)."""
    await sql.NEW_TAP.rows(id=uuid.uuid4(), alert=alert["id"], key=scoped_key, now=now)
    changes: dict[str, Any] = {}
    said_lately = alert["sent_again_at"] is not None and now - as_utc(alert["sent_again_at"]) < RESEND_GAP
    said = bool(sealed_location) or not said_lately
    if said:
        changes["sent_again_at"] = now
        await event(alert["id"], w.SENT_AGAIN_SHARING if sealed_location else w.SENT_AGAIN, now)
    if sealed_location:
        changes["location"] = sealed_location
    if alert["notified_at"] is None or now - as_utc(alert["notified_at"]) >= RESEND_GAP:
        names, role = await _ask_again(alert, now)
        if names:
            changes["notified_at"] = now
            again = _said(
                w.SENT_AGAIN_TO,
                w.SENT_AGAIN_TO_SOCIAL_WORKER,
                w.SENT_AGAIN_TO_KNOWN,
                Level(alert["level"]),
                role,
            )
            await event(alert["id"], again, now, names=names)
    if changes:
        unchanged = dict.fromkeys(("sent_again_at", "location", "notified_at"))
        await sql.SENT_AGAIN.rows(id=alert["id"], **{**unchanged, **changes})
    return said


async def _ask_again(alert: dict, now: dt.datetime) -> tuple[list[str], RecipientRole | None]:
    """New outbox rows for the people at the alert's level who have not answered and
    may still be reached (a contact who stepped down, a carer no longer placed, is
    not). Returns their names, and their role when they share one (how the story names them)."""
    record = await people.alerted(alert["young_person"])
    waiting = await sql.WAITING.rows(
        alert=alert["id"], level=int(alert["level"]), purpose=Purpose.ALERT.value
    )
    recipient_of = {(row["contact"], row["user"]): row["id"] for row in waiting}
    names: list[str] = []
    roles = set()
    for person in await people.at_level(Level(alert["level"]), record, now):
        recipient_id = recipient_of.get((person.contact_id, person.user_id))
        if recipient_id and await outbox.enqueue(recipient_id, person, now):
            names.append(person.name)
            roles.add(person.role)
    return names, (roles.pop() if len(roles) == 1 else None)
