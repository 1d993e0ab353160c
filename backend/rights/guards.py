"""Who may do what with rights requests: pure functions of a relation to the young
person (backend/young_people/guards.py) and of a request's state.

The young person asks for corrections and sees their own requests; a trusted contact
asks to be forgotten and sees their own (through their contact link: contacts' own
check). The young person's allocated social worker sees every request about them and
answers it. Nobody else: not the carer, not a manager, not another council.
"""

from __future__ import annotations

from backend.accounts.api import Role
from backend.rights.schemas import RequestState, RequestVerb
from backend.young_people.api import Relation


def may_ask_correction(relation: Relation | None) -> bool:
    return relation == Relation.SELF


def may_see(relation: Relation | None) -> bool:
    return relation in (Relation.SELF, Relation.SOCIAL_WORKER)


def may_answer(relation: Relation | None) -> bool:
    return relation == Relation.SOCIAL_WORKER


def may_see_dashboard(role: str) -> bool:
    return role == Role.SOCIAL_WORKER


def can(relation: Relation | None, state: RequestState) -> list[RequestVerb]:
    if not may_answer(relation) or state in (RequestState.DONE, RequestState.REFUSED):
        return []
    if state == RequestState.EXTENDED:
        return [RequestVerb.ANSWER]  # extended once only
    return [RequestVerb.ANSWER, RequestVerb.EXTEND]
