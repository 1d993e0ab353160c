"""Who may do what with an alert. Pure functions of the caller's tie to the young
person (young_people.guards' relation) and the alert's state, so the server and the
screens (through `can`) follow the same rules.

Being sent an alert once is not a lasting right: a person it was sent to may open or
answer it only while the tie that put them on it still holds. Anyone else is refused
as a stranger.
"""

from __future__ import annotations

from backend.alerts.schemas import AlertState, Progress, RecipientRole

ANSWERABLE = (AlertState.ACTIVE, AlertState.FAILED)


def may_send(role: str) -> bool:
    return role == "young_person"


def is_owner(relation: str | None) -> bool:
    """The young person whose alert it is."""
    return relation == "self"


def may_read_status(relation: str | None) -> bool:
    """How it is going: the young person, their carer (placed now), their social worker."""
    return relation in ("self", "carer", "social_worker")


def may_see_attempts(relation: str | None) -> bool:
    """Every send attempt (channel, answer of the push service, errors): the young
    person's social worker, who follows up when an alert did not get through."""
    return relation == "social_worker"


def may_cancel(relation: str | None, state: str) -> bool:
    """ "I'm OK now": the young person, while it is on or after someone has got it."""
    return relation == "self" and state in (AlertState.ACTIVE, AlertState.ACKNOWLEDGED)


def recipient_may_act(recipient_role: str, relation: str | None, in_council: bool) -> bool:
    """`relation` is the caller's tie to the young person now (young_people.guards);
    `in_council` is whether the caller's account is in the young person's council."""
    if recipient_role == RecipientRole.CARER:
        return relation == "carer"  # placed with them now
    if recipient_role == RecipientRole.SOCIAL_WORKER:
        return relation == "social_worker"  # allocated now
    if recipient_role in (RecipientRole.DUTY, RecipientRole.KNOWN_WORKER):
        return in_council
    return False


def may_choose_known_worker(relation: str | None) -> bool:
    """Naming the out-of-hours worker who knows the young person: their social worker."""
    return relation == "social_worker"


def may_acknowledge(state: str, my_status: str) -> bool:
    """ "I've got this": while nobody has, or after it ran out (someone still can)."""
    return state in ANSWERABLE and my_status != Progress.ACKNOWLEDGED


def may_decline(state: str, my_status: str) -> bool:
    return state in ANSWERABLE and my_status not in (Progress.ACKNOWLEDGED, Progress.DECLINED)


def recipient_can(state: str, my_status: str) -> list[str]:
    return [
        name
        for name, allowed in (
            ("acknowledge", may_acknowledge(state, my_status)),
            ("decline", may_decline(state, my_status)),
        )
        if allowed
    ]


def status_can(relation: str | None, state: str) -> list[str]:
    return ["cancel"] if may_cancel(relation, state) else []
