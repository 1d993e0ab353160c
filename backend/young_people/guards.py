"""Who may do what with a young person's record. Pure functions of the relation.

A relation is what ties the caller to one young person: "self", "carer" (placed with
them), "social_worker" (allocated), or None (a stranger, whatever their role).
Managers and admins never have a relation: they see figures and accounts, not records.
"""

from __future__ import annotations

RELATIONS = ("self", "carer", "social_worker")


def may_read_record(relation: str | None) -> bool:
    return relation in RELATIONS


def may_see_audit(relation: str | None) -> bool:
    return relation in ("self", "social_worker")


def may_manage_devices(relation: str | None) -> bool:
    """The young person, or their social worker when a phone is lost."""
    return relation in ("self", "social_worker")


def may_manage_carer_devices(relation: str | None) -> bool:
    """Only the young person's social worker signs out a carer's lost phone: the young
    person sees who can see their information, not where adults are signed in."""
    return relation == "social_worker"


def may_invite(relation: str | None) -> bool:
    return relation == "social_worker"


def may_add_young_person(role: str) -> bool:
    return role == "social_worker"


def may_list_young_people(role: str) -> bool:
    return role in ("young_person", "carer", "social_worker")


def may_download_police_form(relation: str | None) -> bool:
    """The adults who would hand it to the police: carer and social worker."""
    return relation in ("carer", "social_worker")


def may_manage_care_team(relation: str | None) -> bool:
    """Ending or moving a placement or an allocation: the allocated social worker."""
    return relation == "social_worker"


def may_choose_care_team(role: str) -> bool:
    """Seeing the names of the council's carers and social workers, to pick one."""
    return role == "social_worker"
