"""Who may do what with a missing episode: small pure functions of the caller's relation
to the young person ("self", "carer", "social_worker", or None) and the episode's state.

The adults who look after the young person record an episode; a trusted contact (no
account) may only see and claim the places to check, and only while the young person
shares their places with their people and the episode is open.
"""

from __future__ import annotations

from backend.episodes.schemas import OPEN_STATES, EpisodeAction, EpisodeState

RECORDERS = ("carer", "social_worker")


def may_read(relation: str | None) -> bool:
    """The carer the young person is placed with and their social worker."""
    return relation in RECORDERS


def may_start(relation: str | None) -> bool:
    return relation in RECORDERS


def may_record(relation: str | None) -> bool:
    """Reporting, the risk factors, the return, the follow-up."""
    return relation in RECORDERS


def is_open(state: str) -> bool:
    return state in OPEN_STATES


def may_report(relation: str | None, state: str) -> bool:
    return may_record(relation) and state == EpisodeState.OPEN


def may_assess(relation: str | None, state: str) -> bool:
    return may_record(relation) and is_open(state)


def may_record_return(relation: str | None, state: str) -> bool:
    """A return ends a reported episode (the return interview follows)."""
    return may_record(relation) and state == EpisodeState.REPORTED


def may_close_unreported(relation: str | None, state: str) -> bool:
    """Found before anyone reported it."""
    return may_record(relation) and state == EpisodeState.OPEN


def may_search(relation: str | None, state: str) -> bool:
    return may_record(relation) and is_open(state)


def contact_may_search(places_shared_with_contacts: bool, state: str) -> bool:
    return places_shared_with_contacts and is_open(state)


ACTIONS = {
    EpisodeAction.REPORT: may_report,
    EpisodeAction.ASSESS_RISK: may_assess,
    EpisodeAction.RECORD_RETURN: may_record_return,
    EpisodeAction.CLOSE_UNREPORTED: may_close_unreported,
    EpisodeAction.EDIT_FOLLOW_UP: lambda relation, _state: may_record(relation),
    EpisodeAction.SEARCH: may_search,
}


def can(relation: str | None, state: str) -> list[EpisodeAction]:
    return [action for action, allowed in ACTIONS.items() if allowed(relation, state)]
