"""Who may do what with a young person's plan, for the owner (the young person), the
members (their carer and social worker) and an outsider (anyone else, whatever their
role); and the `can` of a plan reply, worked out by the same rules."""

from __future__ import annotations

import pytest

from backend.plans import guards
from backend.plans.content import empty_content
from backend.plans.schemas import PlanAction, SignerRole

OWNER, CARER, SOCIAL_WORKER, OUTSIDER = "self", "carer", "social_worker", None
EVERYONE = (OWNER, CARER, SOCIAL_WORKER, OUTSIDER)


def plan(**choices: list[str]) -> dict:
    content = empty_content()
    content["sharing"].update(choices)
    return content


RELATION_GUARDS = {
    guards.may_read_plan: {OWNER: True, CARER: True, SOCIAL_WORKER: True, OUTSIDER: False},
    guards.may_sign: {OWNER: True, CARER: True, SOCIAL_WORKER: True, OUTSIDER: False},
    guards.may_download_police_form: {OWNER: False, CARER: True, SOCIAL_WORKER: True, OUTSIDER: False},
    guards.may_change_people: {OWNER: True, CARER: False, SOCIAL_WORKER: True, OUTSIDER: False},
}


@pytest.mark.parametrize("guard", list(RELATION_GUARDS), ids=lambda guard: guard.__name__)
def test_plan_guard_answers_owner_members_and_outsider(guard):
    for relation, allowed in RELATION_GUARDS[guard].items():
        assert guard(relation) is allowed, relation


@pytest.mark.parametrize("guard", list(RELATION_GUARDS), ids=lambda guard: guard.__name__)
def test_plan_guard_refuses_relations_it_does_not_know(guard):
    for relation in ("manager", "admin", "", "SELF", "young_person"):
        assert guard(relation) is False, relation


def test_each_signer_signs_as_their_role_and_an_outsider_not_at_all():
    assert [guards.signer_role(r) for r in EVERYONE] == [
        SignerRole.YOUNG_PERSON,
        SignerRole.CARER,
        SignerRole.SOCIAL_WORKER,
        None,
    ]


@pytest.mark.parametrize("section", ["about_me", "worries", "places", "carer_steps"])
def test_the_young_persons_own_words_are_theirs_their_social_workers_and_a_carers_they_share(section):
    shared = plan()
    kept = plan(about_me=[], health=[], worries=[], places=[])
    for content in (shared, kept):
        assert guards.may_edit_section(OWNER, section, content)
        assert guards.may_edit_section(SOCIAL_WORKER, section, content)
        assert not guards.may_edit_section(OUTSIDER, section, content)
    assert guards.may_edit_section(CARER, section, shared)
    # What the young person keeps from carers, a carer can neither see nor overwrite.
    assert guards.may_edit_section(CARER, section, kept) is (section == "carer_steps")


def test_sharing_is_the_young_persons_choice_and_notes_are_the_professionals():
    content = plan()
    assert [guards.may_edit_section(r, "sharing", content) for r in EVERYONE] == [True, False, True, False]
    assert [guards.may_edit_section(r, "professional_notes", content) for r in EVERYONE] == [
        False,
        True,
        True,
        False,
    ]


def test_the_trio_and_unknown_parts_are_not_edited_as_sections():
    for relation in EVERYONE:
        assert not guards.may_edit_section(relation, "trio", plan())
        assert not guards.may_edit_section(relation, "photo_id", plan())
        assert not guards.may_edit_section(relation, "nonsense", plan())


def test_a_carer_adds_a_photo_only_while_the_young_person_shares_it_with_carers():
    assert [guards.may_add_photo(r, plan()) for r in EVERYONE] == [True, True, True, False]
    assert [guards.may_add_photo(r, plan(photo=["police"])) for r in EVERYONE] == [True, False, True, False]


def test_only_social_workers_see_reviews_due():
    roles = ("young_person", "carer", "social_worker", "manager", "admin")
    assert [guards.may_see_reviews_due(role) for role in roles] == [False, False, True, False, False]


def test_can_lists_what_each_reader_may_do_with_no_draft():
    content = plan()
    assert guards.can(OWNER, content, None) == [
        PlanAction.EDIT_ABOUT_ME,
        PlanAction.EDIT_WORRIES,
        PlanAction.EDIT_PLACES,
        PlanAction.EDIT_CARER_STEPS,
        PlanAction.EDIT_COMING_BACK,
        PlanAction.EDIT_SHARING,
        PlanAction.ADD_PHOTO,
        PlanAction.CHANGE_PEOPLE,
    ]
    assert guards.can(CARER, content, None) == [
        PlanAction.EDIT_ABOUT_ME,
        PlanAction.EDIT_WORRIES,
        PlanAction.EDIT_PLACES,
        PlanAction.EDIT_CARER_STEPS,
        PlanAction.EDIT_PROFESSIONAL_NOTES,
        PlanAction.ADD_PHOTO,
        PlanAction.DOWNLOAD_POLICE_FORM,
    ]
    assert set(guards.can(SOCIAL_WORKER, content, None)) == set(PlanAction) - {PlanAction.SIGN}
    assert guards.can(OUTSIDER, content, None) == []


def test_can_offers_signing_to_those_still_to_sign():
    waiting = [SignerRole.CARER, SignerRole.SOCIAL_WORKER]
    assert [PlanAction.SIGN in guards.can(r, plan(), waiting) for r in EVERYONE] == [False, True, True, False]
    assert not any(PlanAction.SIGN in guards.can(r, plan(), []) for r in EVERYONE)


def test_can_follows_what_the_young_person_keeps_from_carers():
    kept = guards.can(CARER, plan(worries=[], photo=["police"]), None)
    assert PlanAction.EDIT_WORRIES not in kept and PlanAction.ADD_PHOTO not in kept
    assert PlanAction.EDIT_PLACES in kept
