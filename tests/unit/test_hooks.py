"""Hooks run every subscriber once, in order, and a failing one stops the change."""

import pytest

from backend import hooks


async def test_subscribers_run_in_order_once_each():
    seen: list[str] = []

    async def first(payload):
        seen.append(f"first {payload}")

    async def second(payload):
        seen.append(f"second {payload}")

    # The domains' own subscribers are set aside while this test listens alone.
    saved = hooks._subscribers.pop(hooks.Topic.INTERVIEW_HELD, [])
    hooks.on(hooks.Topic.INTERVIEW_HELD, first)
    hooks.on(hooks.Topic.INTERVIEW_HELD, second)
    hooks.on(hooks.Topic.INTERVIEW_HELD, first)  # subscribing twice is once
    try:
        await hooks.emit(hooks.Topic.INTERVIEW_HELD, 7)
        assert seen == ["first 7", "second 7"]
    finally:
        hooks._subscribers[hooks.Topic.INTERVIEW_HELD] = saved


async def test_a_failing_subscriber_raises_to_the_emitter():
    async def broken(_payload):
        raise RuntimeError("no")

    saved = hooks._subscribers.pop(hooks.Topic.ALERT_FAILED, [])
    hooks.on(hooks.Topic.ALERT_FAILED, broken)
    try:
        with pytest.raises(RuntimeError):
            await hooks.emit(hooks.Topic.ALERT_FAILED, None)
    finally:
        hooks._subscribers[hooks.Topic.ALERT_FAILED] = saved
