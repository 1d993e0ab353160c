"""Domain hooks: a lower domain says something happened; higher domains react.

A domain must not import the domains above it (the import contract in pyproject.toml),
yet a return from missing must open a return interview and start deadlines. So the
episodes domain emits `Topic.EPISODE_RETURNED` and the interviews and actions domains
subscribe, once, in `backend/wiring.py`. Subscribers run in order, inside the caller's
transaction: if one fails, the whole change is rolled back and nothing is half done.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
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
