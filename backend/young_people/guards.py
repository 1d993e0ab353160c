"""Who may do what with a young person's record. Pure functions of the relation.

A relation is what ties the caller to one young person: self, carer (placed with
them), social worker (allocated), or None (a stranger, whatever their role).
Managers and admins never have a relation: they see figures and accounts, not records.
"""

from __future__ import annotations

from backend.accounts.schemas import Role
from backend.young_people.schemas import RecordAction, Relation

RELATIONS = (Relation.SELF, Relation.CARER, Relation.SOCIAL_WORKER)


def may_read_record(relation: Relation | None) -> bool:
    return relation in RELATIONS


def may_see_audit(relation: Relation | None) -> bool:
    return relation in (Relation.SELF, Relation.SOCIAL_WORKER)


def may_manage_devices(relation: Relation | None) -> bool:
    """The young person, or their social worker when a phone is lost."""
    return relation in (Relation.SELF, Relation.SOCIAL_WORKER)


def may_manage_carer_devices(relation: Relation | None) -> bool:
    """Only the young person's social worker signs out a carer's lost phone: the young
    person sees who can see their information, not where adults are signed in."""
    return relation == Relation.SOCIAL_WORKER


def may_invite(relation: Relation | None) -> bool:
    """Inviting the young person, or a carer, to join on their own phone."""
    return relation == Relation.SOCIAL_WORKER


def may_make_sign_in_link(relation: Relation | None) -> bool:
    """A new sign-in link for a young person who forgot their PIN or lost their phone:
    their social worker, or the carer they live with."""
    return relation in (Relation.CARER, Relation.SOCIAL_WORKER)


def may_add_young_person(role: Role | str) -> bool:
    return role == Role.SOCIAL_WORKER


def may_list_young_people(role: Role | str) -> bool:
    return role in (Role.YOUNG_PERSON, Role.CARER, Role.SOCIAL_WORKER)


def may_download_police_form(relation: Relation | None) -> bool:
    """The adults who would hand it to the police: carer and social worker."""
    return relation in (Relation.CARER, Relation.SOCIAL_WORKER)


def may_manage_care_team(relation: Relation | None) -> bool:
    """Ending or moving a placement or an allocation: the allocated social worker."""
    return relation == Relation.SOCIAL_WORKER


def may_choose_care_team(role: Role | str) -> bool:
    """Seeing the names of the council's carers and social workers, to pick one."""
    return role == Role.SOCIAL_WORKER


def may_edit_details(relation: Relation | None) -> bool:
    """Sex, ethnicity, the council's child id, in care, placed out of area: what the
    council counts and returns to the DfE, kept by the allocated social worker."""
    return relation == Relation.SOCIAL_WORKER


ACTIONS = {
    RecordAction.INVITE: may_invite,
    RecordAction.MANAGE_CARE_TEAM: may_manage_care_team,
    RecordAction.MANAGE_DEVICES: may_manage_devices,
    RecordAction.MANAGE_CARER_DEVICES: may_manage_carer_devices,
    RecordAction.SEE_AUDIT: may_see_audit,
    RecordAction.DOWNLOAD_POLICE_FORM: may_download_police_form,
    RecordAction.NEW_SIGN_IN_LINK: may_make_sign_in_link,
    RecordAction.EDIT_DETAILS: may_edit_details,
}


def actions(relation: Relation | None) -> list[RecordAction]:
    """What the caller may do with the record (a reply's `can`), by the rules above."""
    return [action for action, allowed in ACTIONS.items() if allowed(relation)]
