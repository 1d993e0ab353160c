"""Periodic jobs (backend/background.py): a job that fails is logged and tried again
next period; it never stops the other jobs or the loop."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

import pytest

from backend import background
from backend.background import Schedule


async def test_a_failing_job_does_not_stop_the_others_and_is_tried_again(caplog):
    schedule = Schedule()
    runs = {"fails": 0, "works": 0}

    async def fails():
        runs["fails"] += 1
        raise RuntimeError("the database went away")

    async def works():
        runs["works"] += 1

    schedule.every("fails", dt.timedelta(milliseconds=20), fails)
    schedule.every("works", dt.timedelta(milliseconds=20), works)
    stop = asyncio.Event()
    with caplog.at_level(logging.ERROR, logger="homeward.background"):
        loop = asyncio.create_task(schedule.run(stop))
        await asyncio.sleep(0.3)
        assert not loop.done()  # still running
        stop.set()
        await asyncio.wait_for(loop, 2)
    assert runs["fails"] >= 3 and runs["works"] >= 3
    assert "background job fails failed" in caplog.text


async def test_each_job_runs_once_per_period():
    schedule = Schedule()
    runs = []

    async def job():
        runs.append(1)

    schedule.every("hourly", dt.timedelta(hours=1), job)
    assert await schedule.run_due() == 1
    assert await schedule.run_due() == 0  # not due again for an hour
    assert runs == [1]


def test_registering_the_same_name_again_replaces_it():
    schedule = Schedule()

    async def first(): ...

    async def second(): ...

    schedule.every("job", dt.timedelta(seconds=1), first)
    schedule.every("job", dt.timedelta(seconds=1), second)
    assert schedule.names() == ["job"]
    with pytest.raises(ValueError):
        schedule.every("never", dt.timedelta(0), first)


def test_the_app_registers_the_notice_push_job():
    from backend import wiring

    wiring.connect()
    assert "notify.push" in background.names()
