"""Who may do what with a young person's record, for the owner (the young person), the
members (their carer and social worker) and an outsider (anyone else, whatever their
role)."""

from __future__ import annotations

import datetime as dt
import uuid

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


def test_a_records_can_list_is_worked_out_by_the_same_guards():
    from backend.young_people.schemas import RecordAction as A

    assert guards.actions(OWNER) == [A.MANAGE_DEVICES, A.SEE_AUDIT]
    # A carer can make a new sign-in link for a young person placed with them (lost PIN).
    assert guards.actions(CARER) == [A.DOWNLOAD_POLICE_FORM, A.NEW_SIGN_IN_LINK]
    assert guards.actions(SOCIAL_WORKER) == [
        A.INVITE,
        A.MANAGE_CARE_TEAM,
        A.MANAGE_DEVICES,
        A.MANAGE_CARER_DEVICES,
        A.SEE_AUDIT,
        A.DOWNLOAD_POLICE_FORM,
        A.NEW_SIGN_IN_LINK,
        A.EDIT_DETAILS,  # sex, ethnicity, the council's child id, placement (figures, SSDA903)
    ]
    assert guards.actions(OUTSIDER) == []
    for relation in (OWNER, CARER, SOCIAL_WORKER, OUTSIDER):
        for action, rule in guards.ACTIONS.items():
            assert (action in guards.actions(relation)) is rule(relation)


# -- accounts: a person's own sessions -------------------------------------------------------

ME, MY_SOCIAL_WORKER, STRANGER = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


def test_only_the_owner_manages_their_sessions():
    from backend.accounts import guards as accounts

    assert accounts.may_manage_session(ME, ME) is True  # owner
    # A member of the young person's team signs out their lost phone through the
    # record (young_people.guards.may_manage_devices), never through these routes.
    assert accounts.may_manage_session(MY_SOCIAL_WORKER, ME) is False
    assert accounts.may_manage_session(STRANGER, ME) is False


def test_professionals_need_a_second_factor_and_time_out_and_the_others_stay_signed_in():
    from backend.accounts import guards as accounts
    from backend.accounts.schemas import SessionKind

    for role in ROLES:
        professional = role in ("social_worker", "manager", "admin")
        assert accounts.needs_second_factor(role) is professional
        assert accounts.signs_in_with_email(role) is professional
        assert accounts.session_kind(role) is (SessionKind.BROWSER if professional else SessionKind.DEVICE)


# -- invites ---------------------------------------------------------------------------------


def test_only_the_allocated_social_worker_makes_an_invite():
    from backend.invites import guards as invites

    assert invites.may_make(OWNER) is False
    assert invites.may_make(CARER) is False
    assert invites.may_make(SOCIAL_WORKER) is True
    assert invites.may_make(OUTSIDER) is False
    # The same rule as the record's `can`, so the screen and the server agree.
    assert all(invites.may_make(r) is guards.may_invite(r) for r in (OWNER, CARER, SOCIAL_WORKER, OUTSIDER))


def test_a_young_person_is_invited_until_they_join_and_carers_at_any_time():
    from backend.invites import guards as invites
    from backend.invites.schemas import InviteRole

    assert invites.may_invite_for(InviteRole.YOUNG_PERSON, has_joined=False) is True
    assert invites.may_invite_for(InviteRole.YOUNG_PERSON, has_joined=True) is False
    assert invites.may_invite_for(InviteRole.CARER, has_joined=True) is True


def test_an_invite_works_once_and_until_it_runs_out():
    from backend.invites import guards as invites

    now = dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC)
    later = now + dt.timedelta(hours=1)
    assert invites.is_live(None, later, now) is True
    assert invites.is_live(now, later, now) is False  # used
    assert invites.is_live(None, now, now) is False  # run out


# -- admin: accounts of the admin's own council, never their own -------------------------------

COUNCIL, OTHER_COUNCIL = uuid.uuid4(), uuid.uuid4()
ADMIN = uuid.uuid4()


def test_an_admin_changes_accounts_of_their_council_but_not_their_own():
    from backend.admin import guards as admin
    from backend.admin.schemas import AccountAction

    def may(role, account_id, council):
        return admin.may_change_account(role, ADMIN, COUNCIL, account_id, council)

    assert may("admin", ADMIN, COUNCIL) is False  # owner: their own account
    assert may("admin", STRANGER, COUNCIL) is True  # member: an account of the council
    assert may("admin", STRANGER, OTHER_COUNCIL) is False  # outsider: another council
    for role in ("young_person", "carer", "social_worker", "manager"):
        assert may(role, STRANGER, COUNCIL) is False
    assert admin.account_actions("admin", ADMIN, COUNCIL, STRANGER, COUNCIL, True) == [
        AccountAction.DEACTIVATE
    ]
    assert admin.account_actions("admin", ADMIN, COUNCIL, STRANGER, COUNCIL, False) == [
        AccountAction.REACTIVATE
    ]
    assert admin.account_actions("admin", ADMIN, COUNCIL, ADMIN, COUNCIL, True) == []


def test_only_admins_administer():
    from backend.admin import guards as admin

    for role in ROLES:
        assert admin.may_administer(role) is (role == "admin")


# -- figures: a manager, for their own council -------------------------------------------------


def test_a_manager_sees_the_figures_of_their_own_council_only():
    from backend.figures import guards as figures

    assert figures.may_see_figures("manager", COUNCIL, COUNCIL) is True  # member
    assert figures.may_see_figures("manager", COUNCIL, OTHER_COUNCIL) is False  # outsider
    assert figures.may_see_figures("manager", None, None) is False  # no council at all
    for role in ("young_person", "carer", "social_worker", "admin"):
        assert figures.may_see_figures(role, COUNCIL, COUNCIL) is False
