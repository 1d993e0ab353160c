"""What an administrator may do: manage the accounts of their own council (never a
young person's record), and never deactivate themselves. Pure functions."""

from __future__ import annotations

import uuid

from backend.accounts.api import Role
from backend.admin.schemas import AccountAction


def may_administer(role: Role | str) -> bool:
    """Seeing the council's accounts and refused attempts."""
    return role == Role.ADMIN


def may_change_account(
    role: Role | str,
    caller_id: uuid.UUID,
    caller_council: uuid.UUID | None,
    account_id: uuid.UUID,
    account_council: uuid.UUID | None,
) -> bool:
    """An admin changes accounts of their own council, but not their own (an admin who
    locked themselves out would leave the council with nobody to let them back in)."""
    return (
        may_administer(role)
        and caller_council is not None
        and caller_council == account_council
        and caller_id != account_id
    )


def may_make_reset_link(
    role: Role | str,
    caller_id: uuid.UUID,
    caller_council: uuid.UUID | None,
    account_id: uuid.UUID,
    account_council: uuid.UUID | None,
    account_role: Role | str,
    active: bool,
) -> bool:
    """A link to reset a password (and a professional's second factor) for an active
    adult's account of the council. Young people get theirs from their social worker or
    carer, who know them (see young_people.guards.may_make_sign_in_link)."""
    return (
        may_change_account(role, caller_id, caller_council, account_id, account_council)
        and active
        and account_role != Role.YOUNG_PERSON
    )


def account_actions(
    role: Role | str,
    caller_id: uuid.UUID,
    caller_council: uuid.UUID | None,
    account_id: uuid.UUID,
    account_council: uuid.UUID | None,
    active: bool,
    account_role: Role | str | None = None,
) -> list[AccountAction]:
    """What the caller may do with one account (its `can`)."""
    if not may_change_account(role, caller_id, caller_council, account_id, account_council):
        return []
    can = [AccountAction.DEACTIVATE if active else AccountAction.REACTIVATE]
    if account_role is not None and may_make_reset_link(
        role, caller_id, caller_council, account_id, account_council, account_role, active
    ):
        can.append(AccountAction.RESET_LINK)
    return can
