"""Who may do what with a council's settings: the owner (its admin), a member (a social
worker of the council) and outsiders (everyone else)."""

from __future__ import annotations

import uuid

import pytest

from backend.accounts.api import Account, Role
from backend.councils import guards

ROLES = [role.value for role in Role]
ROLE_GUARDS = {
    guards.may_read_settings: {"admin", "social_worker"},
    guards.may_change_settings: {"admin"},
    guards.may_see_rota_phones: {"admin"},
}


@pytest.mark.parametrize("guard", list(ROLE_GUARDS), ids=lambda guard: guard.__name__)
def test_settings_guard_allows_only_its_roles(guard):
    for role in [*ROLES, "", "ADMIN", "trusted_contact"]:
        assert guard(role) is (role in ROLE_GUARDS[guard]), role


def test_only_the_admin_is_told_they_can_change_the_settings():
    assert guards.can("admin") == ["change"]
    assert all(guards.can(role) == [] for role in ROLES if role != "admin")


COUNCIL, ELSEWHERE = uuid.uuid4(), uuid.uuid4()


def account(role: Role = Role.SOCIAL_WORKER, council=COUNCIL, active: bool = True) -> Account:
    return Account(uuid.uuid4(), role, "Someone", "someone@example.org", council, active)


def test_only_an_active_social_worker_of_the_council_may_be_on_its_rota():
    assert guards.may_be_on_rota(account(), COUNCIL)  # member
    assert not guards.may_be_on_rota(account(active=False), COUNCIL)  # deactivated
    assert not guards.may_be_on_rota(account(council=ELSEWHERE), COUNCIL)  # outsider
    assert not guards.may_be_on_rota(account(council=None), COUNCIL)
    for role in (Role.ADMIN, Role.MANAGER, Role.CARER, Role.YOUNG_PERSON):
        assert not guards.may_be_on_rota(account(role), COUNCIL), role
    assert not guards.may_be_on_rota(None, COUNCIL)  # no such account
