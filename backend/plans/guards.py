"""Who may do what with a young person's plan: small pure functions of the caller's
relation to the young person ("self", "carer", "social_worker", or None for anyone
else) and, where the young person's sharing choices decide, of the plan's content.

`can` lists the actions for a plan reply, from these same functions, so a screen
never keeps its own copy of a rule.
"""

from __future__ import annotations

from typing import Any

from backend.plans.content import PROFESSIONAL_ONLY, SECTIONS
from backend.plans.schemas import Part, PlanAction, Section, SignerRole
from backend.plans.sharing import kept_from, visible_to

READERS = ("self", "carer", "social_worker")
SIGNER_ROLES = {
    "self": SignerRole.YOUNG_PERSON,
    "carer": SignerRole.CARER,
    "social_worker": SignerRole.SOCIAL_WORKER,
}


def may_read_plan(relation: str | None) -> bool:
    """The young person, their carer and their social worker (each sees what the young
    person shares with them: see sharing)."""
    return relation in READERS


def may_edit_section(relation: str | None, section: str, content: dict[str, Any]) -> bool:
    """`content` is what the draft holds, or will hold once this change starts it."""
    if relation not in READERS or section not in SECTIONS:
        return False
    if section in PROFESSIONAL_ONLY:
        return relation in ("carer", "social_worker")
    if section == Section.COMING_BACK:
        # The young person's own words; their social worker may write them down for them.
        return relation in ("self", "social_worker")
    if section == Section.SHARING:
        # The young person's choice; their social worker may record it for them.
        return relation in ("self", "social_worker")
    if relation == "carer":
        return visible_to("carer", content).get(section) is not None
    return True


def may_add_photo(relation: str | None, content: dict[str, Any]) -> bool:
    """A carer only while the young person shares their photo with carers."""
    return relation in READERS and Part.PHOTO not in kept_from(relation, content)


def signer_role(relation: str | None) -> SignerRole | None:
    return SIGNER_ROLES.get(relation or "")


def may_sign(relation: str | None) -> bool:
    return signer_role(relation) is not None


def may_download_police_form(relation: str | None) -> bool:
    """The adults who would hand it to the police: carer and social worker."""
    return relation in ("carer", "social_worker")


def may_change_people(relation: str | None) -> bool:
    """The young person chooses their people (the plan's trio); their social worker can
    help. The contacts domain applies this rule to its routes."""
    return relation in ("self", "social_worker")


def may_see_reviews_due(role: str) -> bool:
    """Reviews due are a social worker's caseload."""
    return role == "social_worker"


def can(
    relation: str | None, content: dict[str, Any], still_to_sign: list[SignerRole] | None
) -> list[PlanAction]:
    """What `relation` may do with the plan now. `content` is what the draft holds or
    will start from; `still_to_sign` is the draft's, None when there is no draft."""
    if not may_read_plan(relation):
        return []
    actions = [
        PlanAction(f"edit_{section}") for section in SECTIONS if may_edit_section(relation, section, content)
    ]
    if may_add_photo(relation, content):
        actions.append(PlanAction.ADD_PHOTO)
    if still_to_sign is not None and signer_role(relation) in still_to_sign:
        actions.append(PlanAction.SIGN)
    if may_download_police_form(relation):
        actions.append(PlanAction.DOWNLOAD_POLICE_FORM)
    if may_change_people(relation):
        actions.append(PlanAction.CHANGE_PEOPLE)
    return actions
