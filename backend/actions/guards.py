"""Who may do what with due actions: pure functions of a role, a relation to the young
person and the action.

The young person's allocated social worker sees and closes their actions; a manager who
owns an action (told of a long episode; or nobody is allocated) sees and closes it. A strategy meeting
action is closed by recording the meeting; any other by marking it done with a note.
"""

from __future__ import annotations

import uuid

from backend.accounts.api import Role
from backend.actions.schemas import MEETINGS, ActionKind, ActionState, ActionVerb


def may_see_dashboard(role: str) -> bool:
    return role in (Role.SOCIAL_WORKER, Role.MANAGER)


def may_act(relation: str | None) -> bool:
    """Closing an action through the young person's record: their social worker."""
    return relation == "social_worker"


def owns(role: str, owner_id: uuid.UUID | None, user_id: uuid.UUID) -> bool:
    """A manager closes the actions they own (they are tied to no record). A social
    worker acts through the young person's record: their own actions stay with the
    young person's allocated social worker when the allocation moves."""
    return role == Role.MANAGER and owner_id is not None and owner_id == user_id


def can(kind: ActionKind, state: ActionState) -> list[ActionVerb]:
    """For someone allowed to act on it (see may_act, owns)."""
    if state == ActionState.DONE:
        return []
    return [ActionVerb.RECORD_MEETING] if kind in MEETINGS else [ActionVerb.MARK_DONE]
