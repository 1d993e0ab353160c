"""Who may do what with a young person's trusted people: small pure functions of the
caller's relation to the young person ("self", "carer", "social_worker", or None) and
of a contact's state. The trio is a part of the young person's plan, so the rules of
who sees and who chooses it are the plan's (plans.guards), applied here.
"""

from __future__ import annotations

from backend.contacts.schemas import ContactAction, ContactState
from backend.plans import guards as plan_guards

# A contact who is one of the young person's people now (not stepped down or removed).
LIVE = (ContactState.NOT_INVITED, ContactState.INVITED, ContactState.ACTIVE)


def may_see_people(relation: str | None) -> bool:
    """The plan's readers; a carer sees them only while the young person shares them
    with carers (plans.api.may_see_live)."""
    return plan_guards.may_read_plan(relation)


def may_choose_people(relation: str | None) -> bool:
    """Adding, changing, inviting and removing: the young person; their social worker can help."""
    return plan_guards.may_change_people(relation)


def may_keep_plan_copy(relation: str | None) -> bool:
    """The agreed plan and the trio on a phone, to read with no signal."""
    return plan_guards.may_read_plan(relation)


def is_live(state: str) -> bool:
    return state in LIVE


def may_invite(state: str, forgotten: bool = False) -> bool:
    """Someone who has not said yes yet (a new invite replaces an old one), or who stepped
    down and may be asked again (a person removed by the young person is added anew).
    A forgotten person cannot be asked again: nothing of them is left to ask."""
    if forgotten:
        return False
    return state in (ContactState.NOT_INVITED, ContactState.INVITED, ContactState.STEPPED_DOWN)


def may_sign_in(state: str) -> bool:
    """A contact's own cookie works only while they are one of the young person's people
    and have said yes."""
    return state == ContactState.ACTIVE


def can(relation: str | None, state: str, forgotten: bool = False) -> list[ContactAction]:
    """What `relation` may do with one contact in `state` (`forgotten`: their details
    were erased; they can only be taken off the plan)."""
    if not may_choose_people(relation):
        return []
    if forgotten:
        return [ContactAction.REMOVE] if state == ContactState.STEPPED_DOWN else []
    if state == ContactState.STEPPED_DOWN:
        return [ContactAction.INVITE, ContactAction.REMOVE]  # ask them again, or take them off the plan
    if not is_live(state):
        return []
    actions = [ContactAction.CHANGE]
    if may_invite(state):
        actions.append(ContactAction.INVITE)
    actions.append(ContactAction.REMOVE)
    return actions
