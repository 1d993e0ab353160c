"""Who may do what with a young person's record, for the owner (the young person), the
members (their carer and social worker) and an outsider (anyone else, whatever their
role)."""

from __future__ import annotations

import pytest

from backend.young_people import guards

OWNER, CARER, SOCIAL_WORKER, OUTSIDER = "self", "carer", "social_worker", None

RELATION_GUARDS = {
    guards.may_read_record: {OWNER: True, CARER: True, SOCIAL_WORKER: True, OUTSIDER: False},
    guards.may_see_audit: {OWNER: True, CARER: False, SOCIAL_WORKER: True, OUTSIDER: False},
    guards.may_manage_devices: {OWNER: True, CARER: False, SOCIAL_WORKER: True, OUTSIDER: False},
    guards.may_invite: {OWNER: False, CARER: False, SOCIAL_WORKER: True, OUTSIDER: False},
    guards.may_manage_care_team: {OWNER: False, CARER: False, SOCIAL_WORKER: True, OUTSIDER: False},
}
ROLE_GUARDS = {
    guards.may_add_young_person: {"social_worker"},
    guards.may_list_young_people: {"young_person", "carer", "social_worker"},
    guards.may_choose_care_team: {"social_worker"},
}
ROLES = ("young_person", "carer", "social_worker", "manager", "admin")


@pytest.mark.parametrize("guard", list(RELATION_GUARDS), ids=lambda guard: guard.__name__)
def test_record_guard_answers_owner_members_and_outsider(guard):
    for relation, allowed in RELATION_GUARDS[guard].items():
        assert guard(relation) is allowed, relation


@pytest.mark.parametrize("guard", list(RELATION_GUARDS), ids=lambda guard: guard.__name__)
def test_record_guard_refuses_relations_it_does_not_know(guard):
    for relation in ("manager", "admin", "", "SELF"):
        assert guard(relation) is False


@pytest.mark.parametrize("guard", list(ROLE_GUARDS), ids=lambda guard: guard.__name__)
def test_role_guard_allows_only_its_roles(guard):
    for role in ROLES:
        assert guard(role) is (role in ROLE_GUARDS[guard]), role


def test_managers_and_admins_are_never_tied_to_a_record():
    assert "manager" not in guards.RELATIONS
    assert "admin" not in guards.RELATIONS


def test_an_alert_recipient_may_act_only_while_their_tie_holds_now():
    from backend.alerts.guards import recipient_may_act

    # (recipient role, relation now, account in the young person's council) -> may act
    cases = {
        ("carer", CARER, True): True,
        ("carer", OUTSIDER, True): False,  # placement ended
        ("carer", SOCIAL_WORKER, True): False,
        ("social_worker", SOCIAL_WORKER, True): True,
        ("social_worker", OUTSIDER, True): False,  # allocation ended
        ("duty", OUTSIDER, True): True,
        ("duty", OUTSIDER, False): False,  # moved to another council
        ("trusted_contact", OWNER, True): False,  # contacts have their own cookie, not this
        ("young_person", OWNER, True): False,
    }
    for (role, relation, in_council), allowed in cases.items():
        assert recipient_may_act(role, relation, in_council) is allowed, (role, relation, in_council)
