"""What other domains may ask of accounts: typed records, never rows or tables.

Accounts knows nothing of young people's records: a young person's own record is added
to the Actor at the edge (backend/app.py asks young_people.api.young_person_of).
"""

from __future__ import annotations

from backend.accounts.actor import Actor
from backend.accounts.directory import (
    account,
    accounts,
    cannot_use,
    check_new_username,
    colleagues,
    council,
    council_accounts,
    council_ids,
    council_named,
    count_invite_try,
    create_account,
    find_council,
    ids_in_council,
    set_active,
    set_team,
    team_named,
    team_of,
    teams,
)
from backend.accounts.guards import PROFESSIONAL_ROLES, needs_second_factor, signs_in_with_email
from backend.accounts.recovery import link_info, make_link, use_link
from backend.accounts.rules import check_email, check_secret, check_username, normalise_username
from backend.accounts.schemas import Account, Council, Language, Role, SessionKind, SessionOut, TeamRecord
from backend.accounts.services import (
    actor_for_token,
    list_sessions,
    open_session_for,
    revoke_session,
)

__all__ = [
    "PROFESSIONAL_ROLES",
    "Account",
    "Actor",
    "Council",
    "Language",
    "Role",
    "SessionKind",
    "SessionOut",
    "TeamRecord",
    "account",
    "accounts",
    "actor_for_token",
    "cannot_use",
    "check_email",
    "check_new_username",
    "check_secret",
    "check_username",
    "colleagues",
    "council",
    "council_accounts",
    "council_ids",
    "council_named",
    "count_invite_try",
    "create_account",
    "find_council",
    "ids_in_council",
    "link_info",
    "list_sessions",
    "make_link",
    "needs_second_factor",
    "normalise_username",
    "open_session_for",
    "revoke_session",
    "set_active",
    "set_team",
    "signs_in_with_email",
    "team_named",
    "team_of",
    "teams",
    "use_link",
]
