"""Domain hooks: a lower domain says something happened; higher domains react.

A domain must not import the domains above it (the import contract in pyproject.toml),
yet a return from missing must open a return interview and start deadlines. So the
episodes domain emits `Topic.EPISODE_RETURNED` and the interviews and actions domains
subscribe, once, in `backend/wiring.py`. Subscribers run in order, inside the caller's
transaction: if one fails, the whole change is rolled back and nothing is half done.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Topic(StrEnum):
    EPISODE_STARTED = "episode.started"
    EPISODE_REPORTED = "episode.reported"
    EPISODE_RETURNED = "episode.returned"
    EPISODE_CLOSED_UNREPORTED = "episode.closed_unreported"
    INTERVIEW_HELD = "interview.held"
    INTERVIEW_OFFERED = "interview.offered"
    INTERVIEW_DECLINED = "interview.declined"
    ALERT_FAILED = "alert.failed"
    CONTACTS_FORGOTTEN = "contacts.forgotten"


# What each topic carries. Ids only, and the facts a subscriber needs to decide: a
# subscriber reads anything else through the emitting domain's api.py.


@dataclass(frozen=True)
class EpisodeStarted:
    """A carer started the "I'm worried" guide: an episode is open (not yet reported)."""

    episode_id: uuid.UUID
    young_person_id: uuid.UUID
    council_id: uuid.UUID
    started_at: dt.datetime
    by_user_id: uuid.UUID


@dataclass(frozen=True)
class EpisodeReported:
    """The episode was reported to the police (a missing episode from now on)."""

    episode_id: uuid.UUID
    young_person_id: uuid.UUID
    council_id: uuid.UUID
    started_at: dt.datetime
    reported_at: dt.datetime
    police_risk_grade: str | None


@dataclass(frozen=True)
class EpisodeReturned:
    """A reported episode ended: the young person is back (a return interview is due)."""

    episode_id: uuid.UUID
    young_person_id: uuid.UUID
    council_id: uuid.UUID
    missing_from: str  # "home" or "care" (seed 004)
    started_at: dt.datetime
    returned_at: dt.datetime


@dataclass(frozen=True)
class EpisodeClosedUnreported:
    """Found before anyone reported it: an unreported absence (seed 002 "hidden missing")."""

    episode_id: uuid.UUID
    young_person_id: uuid.UUID
    council_id: uuid.UUID
    started_at: dt.datetime
    found_at: dt.datetime


@dataclass(frozen=True)
class InterviewEvent:
    """A return interview was offered, held or declined (the topic says which)."""

    interview_id: uuid.UUID
    episode_id: uuid.UUID
    young_person_id: uuid.UUID
    council_id: uuid.UUID
    at: dt.datetime
    risk_of_going_missing_again: str | None = None  # "high", "medium", "low" once held


@dataclass(frozen=True)
class AlertFailed:
    """No one in the trio could be reached for an alert."""

    alert_id: uuid.UUID
    young_person_id: uuid.UUID
    council_id: uuid.UUID
    at: dt.datetime


@dataclass(frozen=True)
class ContactsForgotten:
    """Trusted contacts' personal details were erased ("forget me", or the retention
    job): a domain that copied them (their name as an alert's recipient, an email
    address in the outbox) erases its copies, leaving `name` (a placeholder) where a
    name must read."""

    contact_ids: tuple[uuid.UUID, ...]
    name: str


Subscriber = Callable[[Any], Awaitable[None]]
_subscribers: dict[Topic, list[Subscriber]] = {}


def on(topic: Topic, subscriber: Subscriber) -> None:
    """Call `subscriber(payload)` whenever `topic` is emitted (once per subscriber)."""
    subscribers = _subscribers.setdefault(topic, [])
    if subscriber not in subscribers:
        subscribers.append(subscriber)


async def emit(topic: Topic, payload: Any) -> None:
    """Run every subscriber of `topic`, in the order they subscribed. Call it inside the
    write transaction of the change it announces."""
    for subscriber in list(_subscribers.get(topic, ())):
        await subscriber(payload)


def subscribers(topic: Topic) -> list[Subscriber]:
    return list(_subscribers.get(topic, ()))
