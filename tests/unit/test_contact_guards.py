"""Who may do what with a young person's trusted people, for the owner (the young
person), the members (their carer and social worker) and an outsider; and what a
contact's state allows."""

from __future__ import annotations

import pytest

from backend.contacts import guards
from backend.contacts.schemas import ContactAction, ContactState

OWNER, CARER, SOCIAL_WORKER, OUTSIDER = "self", "carer", "social_worker", None
EVERYONE = (OWNER, CARER, SOCIAL_WORKER, OUTSIDER)

RELATION_GUARDS = {
    guards.may_see_people: {OWNER: True, CARER: True, SOCIAL_WORKER: True, OUTSIDER: False},
    guards.may_choose_people: {OWNER: True, CARER: False, SOCIAL_WORKER: True, OUTSIDER: False},
    guards.may_keep_plan_copy: {OWNER: True, CARER: True, SOCIAL_WORKER: True, OUTSIDER: False},
}


@pytest.mark.parametrize("guard", list(RELATION_GUARDS), ids=lambda guard: guard.__name__)
def test_contact_guard_answers_owner_members_and_outsider(guard):
    for relation, allowed in RELATION_GUARDS[guard].items():
        assert guard(relation) is allowed, relation
    for relation in ("manager", "admin", "", "trusted_contact"):
        assert guard(relation) is False, relation


def test_only_someone_who_said_yes_and_is_still_one_of_the_people_signs_in():
    assert [state for state in ContactState if guards.may_sign_in(state)] == [ContactState.ACTIVE]


def test_an_invite_is_for_someone_who_has_not_said_yes_or_stepped_down():
    assert [state for state in ContactState if guards.may_invite(state)] == [
        ContactState.NOT_INVITED,
        ContactState.INVITED,
        ContactState.STEPPED_DOWN,
    ]


def test_can_per_person_follows_relation_and_state():
    change, invite, remove = ContactAction.CHANGE, ContactAction.INVITE, ContactAction.REMOVE
    for chooser in (OWNER, SOCIAL_WORKER):
        assert guards.can(chooser, ContactState.NOT_INVITED) == [change, invite, remove]
        assert guards.can(chooser, ContactState.INVITED) == [change, invite, remove]
        assert guards.can(chooser, ContactState.ACTIVE) == [change, remove]
        assert guards.can(chooser, ContactState.STEPPED_DOWN) == [invite, remove]  # ask again, or let go
        assert guards.can(chooser, ContactState.REMOVED) == []
    for other in (CARER, OUTSIDER):
        assert all(guards.can(other, state) == [] for state in ContactState)
