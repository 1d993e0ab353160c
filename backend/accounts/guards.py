"""Who may do what with accounts and sessions. Pure functions of roles and ids.

A person's own account and sessions are theirs alone: nobody reaches another person's
sessions through these rules (a young person's social worker signs out a lost phone
through the young person's record instead, see young_people.guards).
"""

from __future__ import annotations

import uuid

from backend.accounts.schemas import Role, SessionKind

PROFESSIONAL_ROLES = frozenset({Role.SOCIAL_WORKER, Role.MANAGER, Role.ADMIN, Role.POLICE_LIAISON})
# An alert must be one tap away: these roles stay signed in on their own phone.
DEVICE_ROLES = frozenset({Role.YOUNG_PERSON, Role.CARER})


def needs_second_factor(role: Role | str) -> bool:
    """Professionals see other people's information: a code from an app as well."""
    return role in PROFESSIONAL_ROLES


def session_kind(role: Role | str) -> SessionKind:
    return SessionKind.DEVICE if role in DEVICE_ROLES else SessionKind.BROWSER


def signs_in_with_email(role: Role | str) -> bool:
    """Professionals sign in with their work email; everyone else with a username."""
    return role in PROFESSIONAL_ROLES


def may_manage_session(caller_id: uuid.UUID, owner_id: uuid.UUID) -> bool:
    """Listing or signing out sessions: only the person whose sessions they are."""
    return caller_id == owner_id
