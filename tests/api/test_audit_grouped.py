"""Read audits are committed in groups (backend/audit/grouped.py), and still: the row of
a read is stored before its answer goes out, and reads at the same moment all get theirs."""

import asyncio
import uuid

import pytest

from backend import clock
from backend.audit.grouped import group_commit
from backend.audit.tables import AuditEvent
from tests.factories import audit_events


def plan_url(world, who="jade"):
    return f"/api/young-people/{world.young[who]}/plan"


async def test_the_read_is_in_the_audit_log_when_the_answer_arrives(world):
    reply = await world.jade.client.get(plan_url(world))
    assert reply.status_code == 200, reply.text
    # Read back on another connection: the row is committed, not just written.
    opened = await audit_events(code="plan.opened", actor_id=world.jade.user_id)
    assert len(opened) == 1


async def test_reads_at_the_same_moment_each_get_their_own_row(world):
    people = [world.jade, world.sam, world.priya] * 10
    replies = await asyncio.gather(*(person.client.get(plan_url(world)) for person in people))
    assert [reply.status_code for reply in replies] == [200] * len(people)
    opened = await audit_events(code="plan.opened")
    by_whom = sorted(str(event["actor_id"]) for event in opened)
    assert by_whom == sorted(str(person.user_id) for person in people)


def _row(event_id: uuid.UUID) -> AuditEvent:
    return AuditEvent(id=event_id, at=clock.now(), actor_role="system", action="read", code="plan.opened")


async def test_a_commit_that_fails_fails_every_read_waiting_on_it_and_stores_none_of_them(world):
    taken = uuid.uuid4()
    await group_commit().add(_row(taken))
    before = len(await audit_events())
    # Two rows committed together, one of which cannot be stored (its id is taken):
    # neither caller is told its row is stored, and nothing half-written is left.
    results = await asyncio.gather(
        group_commit().add(_row(uuid.uuid4())),
        group_commit().add(_row(taken)),
        return_exceptions=True,
    )
    assert all(isinstance(result, Exception) for result in results)
    assert len(await audit_events()) == before
    # The next read is committed as usual.
    reply = await world.jade.client.get(plan_url(world))
    assert reply.status_code == 200


@pytest.mark.parametrize("count", [450])
async def test_more_rows_than_one_commit_holds_are_all_stored(world, count):
    await asyncio.gather(*(group_commit().add(_row(uuid.uuid4())) for _ in range(count)))
    assert len(await audit_events(code="plan.opened")) == count
