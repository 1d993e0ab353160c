"""Who has an account: looking accounts up for other domains, making them (an invite,
the command line, the demo), deactivating them, and councils. Knows nothing of HTTP."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from backend.accounts import rules, throttle
from backend.accounts.schemas import Account, Council, Role, TeamRecord
from backend.accounts.services import revoke_all
from backend.accounts.tables import Council as CouncilTable
from backend.accounts.tables import Team, User
from backend.db import INTEGRITY_ERRORS, breaks_unique, write_transaction
from backend.errors import Invalid
from backend.i18n import DEFAULT, N_, Message
from backend.sealed import unseal
from backend.security import decrypt, totp_now

CANNOT_USE = N_("That one can't be used.")
CANNOT_USE_TRY_ONE = N_("That one can't be used. Try {name}.")
CANNOT_USE_TRY_TWO = N_("That one can't be used. Try {first} or {second}.")
ALREADY_EXISTS = N_("That account already exists.")
NO_SUCH_TEAM = N_("That team is not one of your council's.")
_COLUMNS = (
    User.id,
    User.role,
    User.display_name,
    User.email,
    User.council,
    User.active,
    User.username,
    User.last_sign_in_at,
    User.language,
    User.phone,
)


def _account(row: dict) -> Account:
    return Account(
        id=row["id"],
        role=Role(row["role"]),
        display_name=row["display_name"],
        email=row["email"],
        council_id=row["council"],
        active=row["active"],
        username=row["username"],
        last_sign_in_at=row["last_sign_in_at"],
        language=row["language"],
        phone=unseal(row["phone"]) if row["phone"] else None,
    )


async def account(user_id: uuid.UUID) -> Account | None:
    row = await User.select(*_COLUMNS).where(User.id == user_id).first()
    return _account(row) if row else None


async def accounts(ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Account]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    return {row["id"]: _account(row) for row in await User.select(*_COLUMNS).where(User.id.is_in(wanted))}


async def colleagues(council_id: uuid.UUID | None, role: Role) -> list[Account]:
    """The council's active accounts of one role, by name."""
    rows = (
        await User.select(*_COLUMNS)
        .where((User.council == council_id) & (User.role == Role(role).value) & (User.active == True))
        .order_by(User.display_name)
    )
    return [_account(row) for row in rows]


async def council_accounts(council_id: uuid.UUID | None) -> list[Account]:
    """Every account of the council, active or not, by role and then name."""
    rows = (
        await User.select(*_COLUMNS)
        .where(User.council == council_id)
        .order_by(User.role)
        .order_by(User.display_name)
    )
    return [_account(row) for row in rows]


async def ids_in_council(council_id: uuid.UUID | None) -> list[uuid.UUID]:
    return [row["id"] for row in await User.select(User.id).where(User.council == council_id)]


async def council_ids() -> list[uuid.UUID]:
    """Every council's id, oldest first (jobs that go council by council)."""
    return [row["id"] for row in await CouncilTable.select(CouncilTable.id).order_by(CouncilTable.created_at)]


async def council(council_id: uuid.UUID | None) -> Council | None:
    row = (
        await CouncilTable.select(CouncilTable.id, CouncilTable.name)
        .where(CouncilTable.id == council_id)
        .first()
    )
    return Council(id=row["id"], name=row["name"]) if row else None


async def find_council(name: str) -> uuid.UUID | None:
    """The id of the council of that name, if there is one."""
    row = await CouncilTable.select(CouncilTable.id).where(CouncilTable.name == name).first()
    return row["id"] if row else None


async def council_named(name: str, at: dt.datetime) -> uuid.UUID:
    """The council of that name, made if there is none yet."""
    async with write_transaction():
        row = await CouncilTable.select(CouncilTable.id).where(CouncilTable.name == name).first()
        if row is not None:
            return row["id"]
        made = CouncilTable(name=name, created_at=at)
        await CouncilTable.insert(made)
        return made.id


async def team_named(council_id: uuid.UUID, name: str) -> uuid.UUID:
    async with write_transaction():
        row = await Team.select(Team.id).where((Team.council == council_id) & (Team.name == name)).first()
        if row is not None:
            return row["id"]
        made = Team(council=council_id, name=name)
        await Team.insert(made)
        return made.id


async def teams(council_id: uuid.UUID | None) -> list[TeamRecord]:
    """The council's teams, by name."""
    rows = await Team.select(Team.id, Team.name).where(Team.council == council_id).order_by(Team.name)
    return [TeamRecord(id=row["id"], name=row["name"]) for row in rows]


async def team_of(user_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID | None]:
    """The team of each of these accounts (None: in no team); unknown ids are left out."""
    wanted = list(set(user_ids))
    if not wanted:
        return {}
    return {
        row["id"]: row["team"] for row in await User.select(User.id, User.team).where(User.id.is_in(wanted))
    }


async def set_team(user_id: uuid.UUID, team_id: uuid.UUID | None) -> None:
    """Put an account in a team of its own council (None: in no team)."""
    async with write_transaction():
        if team_id is not None:
            council_id = (await User.select(User.council).where(User.id == user_id).first() or {}).get(
                "council"
            )
            if not await Team.exists().where((Team.id == team_id) & (Team.council == council_id)):
                raise Invalid({"team": NO_SUCH_TEAM})
        await User.update({User.team: team_id}).where(User.id == user_id)


async def cannot_use(name: str, year: int) -> Invalid:
    """The same answer for a taken username and a reserved one, with two free names to
    choose from, so the answer never says whether someone has it."""
    ideas = rules.username_ideas(name, year)
    taken = {row["username"] for row in await User.select(User.username).where(User.username.is_in(ideas))}
    free = [idea for idea in ideas if idea not in taken and not rules.reserved_username(idea)][:2]
    message: str
    if len(free) == 2:
        message = Message(CANNOT_USE_TRY_TWO, first=free[0], second=free[1])
    elif free:
        message = Message(CANNOT_USE_TRY_ONE, name=free[0])
    else:
        message = CANNOT_USE
    return Invalid({"username": message}, suggestions={"username": free})


async def check_new_username(name: str, at: dt.datetime) -> None:
    """Refuse (the same way, see `cannot_use`) a username that is reserved or taken."""
    if rules.reserved_username(name) or await User.exists().where(User.username == name):
        raise await cannot_use(name, at.year)


async def create_account(
    *,
    role: Role,
    display_name: str,
    council_id: uuid.UUID,
    secret_hash: str,
    at: dt.datetime,
    username: str | None = None,
    email: str | None = None,
    team_id: uuid.UUID | None = None,
    totp_secret: str | None = None,
    language: str = DEFAULT,
) -> uuid.UUID:
    """Make an account (inside the caller's transaction, if any); returns its id.

    `username` and `email` must already have passed `rules`; `secret_hash` is made
    before the transaction (hashing is slow on purpose), `totp_secret` is encrypted. A
    username someone has (or takes at this very moment) is refused as `cannot_use`.
    """
    # Made before writing: after a failed insert PostgreSQL runs nothing more in the
    # transaction, and the answer to a race must still offer free names.
    refusal = await cannot_use(username, at.year) if username else None
    user = User(
        role=Role(role).value,
        display_name=display_name,
        council=council_id,
        team=team_id,
        secret_hash=secret_hash,
        username=username,
        email=email,
        totp_secret=totp_secret,
        language=language,
        created_at=at,
    )
    try:
        async with write_transaction():
            if username and (
                rules.reserved_username(username) or await User.exists().where(User.username == username)
            ):
                assert refusal is not None  # made above whenever there is a username
                raise refusal
            if email and await User.exists().where(User.email == email):
                raise Invalid({"email": ALREADY_EXISTS})
            await User.insert(user)
    except INTEGRITY_ERRORS as exc:
        # Someone took the username between the check and the insert (PostgreSQL runs
        # joins side by side): say so, rather than fail.
        if refusal is not None and breaks_unique(exc, User.username, row=user):
            raise refusal from exc
        raise
    return user.id


async def set_active(
    user_id: uuid.UUID, council_id: uuid.UUID | None, active: bool, at: dt.datetime
) -> Account | None:
    """(De)activate an account of the council; deactivating signs the person out
    everywhere at once. None if the council has no such account."""
    async with write_transaction():
        changed = (
            await User.update(active=active)
            .where((User.id == user_id) & (User.council == council_id))
            .returning(User.id)
        )
        if not changed:
            return None
        if not active:
            await revoke_all(user_id, at)
    return await account(user_id)


async def count_invite_try(invite_id: uuid.UUID | None, address: str, at: dt.datetime) -> None:
    """Count a look-up or join with an invite against the caller's address and the
    invite (when the code found one), or refuse (429) when either has had its tries."""
    keys = [throttle.address_key(address, prefix="invite-address")]
    if invite_id is not None:
        keys.append(throttle.invite_key(invite_id))
    await throttle.attempt(keys, at)


async def current_code(email: str) -> str | None:
    """The second-factor code a professional's app shows now (demo sign-ins only)."""
    row = await User.select(User.totp_secret).where(User.email == email.strip().lower()).first()
    if not row or not row["totp_secret"]:
        return None
    return totp_now(decrypt(row["totp_secret"]))


async def by_sign_in_name(identifier: str) -> Account | None:
    """The account that signs in with this username or email (the demo, the CLI)."""
    ident = identifier.strip().lower()
    row = await User.select(*_COLUMNS).where((User.username == ident) | (User.email == ident)).first()
    return _account(row) if row else None


async def council_exists(name: str) -> bool:
    return await CouncilTable.exists().where(CouncilTable.name == name)
