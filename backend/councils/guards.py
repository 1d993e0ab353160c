"""Who may do what with a council's settings. Pure functions of a role or an account.

The settings are always the caller's own council's: nobody names another council.
An admin keeps them; a social worker reads them (the thresholds and deadlines on their
dashboard, who is on duty) but not the rota's phone numbers; nobody else sees them.
"""

from __future__ import annotations

import uuid

from backend.accounts.api import Account, Role

CHANGE = "change"


def may_read_settings(role: str) -> bool:
    return role in (Role.ADMIN, Role.SOCIAL_WORKER)


def may_change_settings(role: str) -> bool:
    return role == Role.ADMIN


def may_see_rota_phones(role: str) -> bool:
    """Phone numbers are personal: for the admin who keeps the rota (and the alert
    path, which calls `councils.api.on_duty`)."""
    return role == Role.ADMIN


def may_be_on_rota(account: Account | None, council_id: uuid.UUID) -> bool:
    """Only an active social worker of the same council can be on its duty rota."""
    return (
        account is not None
        and account.role == Role.SOCIAL_WORKER
        and account.active
        and account.council_id == council_id
    )


def can(role: str) -> list[str]:
    """The actions on the settings the caller may take, for the screen."""
    return [CHANGE] if may_change_settings(role) else []
