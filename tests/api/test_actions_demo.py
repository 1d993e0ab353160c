"""The demo council's due actions, made from the episodes demo's year through the hooks:
some due, some overdue, older ones done (a meeting recorded), so the dashboard shows
something real; loading twice changes nothing."""

from __future__ import annotations

from backend import demo
from backend.accounts import directory
from backend.actions import api as actions
from backend.actions.schemas import ActionKind, ActionState
from backend.actions.tables import DueAction, StrategyMeeting
from backend.young_people import api as young_people


async def test_the_demo_has_due_overdue_and_done_actions():
    assert await demo.load() is True
    sam = await directory.by_sign_in_name("sam@northbrook.example")
    caseload = await young_people.caseload(sam.id)
    names = {r.id: r.preferred_name for r in (await young_people.records(caseload)).values()}
    open_ = await actions.due_for(caseload)
    seen = {(names[a.young_person_id], a.kind, a.state) for a in open_}
    assert ("Tyler", ActionKind.STRATEGY_MEETING, ActionState.DUE) in seen  # missing since yesterday
    assert any(state == ActionState.OVERDUE for _, _, state in seen)
    assert open_[0].state == ActionState.OVERDUE  # the most urgent first
    assert await StrategyMeeting.count() >= 1  # done at the time
    assert await DueAction.count() > len(open_)
    count = await DueAction.count()
    assert await demo.load() is False
    assert await DueAction.count() == count
