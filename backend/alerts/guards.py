"""Who may still act on an alert they were sent. Pure functions of what is true now.

Being sent an alert once is not a lasting right: a person it was sent to may open or
answer it only while the tie that put them on it still holds. Anyone else is refused
as a stranger.
"""

from __future__ import annotations


def recipient_may_act(recipient_role: str, relation: str | None, in_council: bool) -> bool:
    """`relation` is the caller's tie to the young person now (young_people.guards);
    `in_council` is whether the caller's account is in the young person's council."""
    if recipient_role == "carer":
        return relation == "carer"  # placed with them now
    if recipient_role == "social_worker":
        return relation == "social_worker"  # allocated now
    if recipient_role == "duty":
        return in_council
    return False
