"""Who may do what with police-response feedback. Pure functions of roles and states.

Answering needs no account at all: holding a live link is the whole permission.
"""

from __future__ import annotations

import datetime as dt

from backend.accounts.api import Role

FIGURE_READERS = frozenset({Role.SOCIAL_WORKER, Role.MANAGER, Role.POLICE_LIAISON})
CARD_MAKERS = frozenset({Role.SOCIAL_WORKER, Role.MANAGER})
SUPERVISION = frozenset({Role.SOCIAL_WORKER, Role.MANAGER})


def may_see_figures(role: Role | str) -> bool:
    """Social workers and managers for their council; a police liaison for its force."""
    return role in FIGURE_READERS


def sees_only_own_force(role: Role | str) -> bool:
    return role == Role.POLICE_LIAISON


def may_make_cards(role: Role | str) -> bool:
    """Whoever holds the return interview hands over a card (a page of them to print)."""
    return role in CARD_MAKERS


def may_moderate(role: Role | str) -> bool:
    """A manager reads what young people wrote first, and takes out names and places."""
    return role == Role.MANAGER


def may_reflect(role: Role | str) -> bool:
    """Reflective supervision: a social worker and their manager."""
    return role in SUPERVISION


def may_collect(role: Role | str) -> bool:
    """Only a young person has feedback links of their own."""
    return role == Role.YOUNG_PERSON


def is_live(used: bool, expires_at: dt.datetime, now: dt.datetime) -> bool:
    """A link works once, until it runs out."""
    return not used and now < expires_at
