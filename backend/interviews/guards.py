"""Who may do what with a return interview: pure functions of the caller's relation to
the young person ("self", "carer", "social_worker", or None), the interview's state and
the young person's sharing choices.

- everyone tied to the young person knows an interview is due, and when;
- the young person chooses who they talk to, or says no (their social worker may record
  the answer for them, given on the phone or in person);
- the social worker offers it, records consent and writes the interview up (seed 003
  7.15: it is the social worker's responsibility to see it done), and reads all of it;
- the carer reads only the parts the young person shared with them, and adds what they
  know when the young person said no;
- the young person reads a summary in plain words.
"""

from __future__ import annotations

from collections.abc import Sequence

from backend.accounts.schemas import Role
from backend.interviews.schemas import InterviewAction, State

READERS = ("self", "carer", "social_worker")


def may_see(relation: str | None) -> bool:
    return relation in READERS


def may_offer(relation: str | None, state: State | None = None) -> bool:
    return relation == "social_worker" and state in (None, State.OPEN)


def may_answer(relation: str | None, state: State | None = None) -> bool:
    """Choose who to talk to, or say no: once offered, until it is held."""
    return relation in ("self", "social_worker") and state in (
        None,
        State.OFFERED,
        State.ACCEPTED,
        State.DECLINED,
    )


def may_share(relation: str | None) -> bool:
    """The young person's choice; their social worker may record it for them."""
    return relation in ("self", "social_worker")


def may_record(relation: str | None) -> bool:
    """Consent and the interview itself."""
    return relation == "social_worker"


def may_add_carer_note(relation: str | None, state: State | None = None) -> bool:
    return relation in ("carer", "social_worker") and state in (None, State.DECLINED)


def may_read_report(relation: str | None, carer_parts: Sequence[str] = ()) -> bool:
    """The social worker always; a carer only when the young person shared a part with
    them (and then only those parts)."""
    return relation == "social_worker" or (relation == "carer" and len(carer_parts) > 0)


def may_read_summary(relation: str | None) -> bool:
    return relation in ("self", "social_worker")


def may_list_interviewers(role: str) -> bool:
    return role in (Role.ADMIN, Role.SOCIAL_WORKER)


def may_keep_interviewers(role: str) -> bool:
    return role == Role.ADMIN


def can(relation: str | None, state: State, carer_parts: list[str]) -> list[InterviewAction]:
    """What `relation` may do with this interview now (a reply's `can`)."""
    if not may_see(relation):
        return []
    checks = {
        InterviewAction.OFFER: may_offer(relation, state),
        InterviewAction.CHOOSE: may_answer(relation, state),
        InterviewAction.DECLINE: may_answer(relation, state),
        InterviewAction.SHARE: may_share(relation),
        InterviewAction.RECORD_CONSENT: may_record(relation) and state != State.HELD,
        InterviewAction.RECORD: may_record(relation) and state != State.HELD,
        InterviewAction.ADD_CARER_NOTE: may_add_carer_note(relation, state),
        InterviewAction.READ_REPORT: may_read_report(relation, carer_parts),
        InterviewAction.READ_SUMMARY: may_read_summary(relation),
    }
    return [action for action, allowed in checks.items() if allowed]
