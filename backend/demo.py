"""Fictional demo data (Northbrook Council). Loading it twice changes nothing."""

from __future__ import annotations

import datetime as dt

from backend.accounts.tables import PROFESSIONAL_ROLES, Council, Team, User
from backend.clock import now
from backend.db import write_transaction
from backend.security import encrypt, hash_secret, new_totp_secret
from backend.young_people.tables import CaseAllocation, Placement, YoungPerson

COUNCIL = "Northbrook Council"
TEAM = "Northbrook Children in Care Team"
PASSWORD = "homeward-demo"  # noqa: S105 (fictional demo accounts, never in production)

# (role, display name, email or username, secret)
PEOPLE = [
    ("social_worker", "Sam Okafor", "sam@northbrook.example", PASSWORD),
    ("social_worker", "Alex Reid", "alex@northbrook.example", PASSWORD),
    ("manager", "Ruth Mensah", "ruth@northbrook.example", PASSWORD),
    ("admin", "Northbrook admin", "admin@northbrook.example", PASSWORD),
    ("carer", "Priya Shah", "priya", PASSWORD),
]
# (preferred name, age in years and days, username and PIN or None, social worker, carer)
YOUNG_PEOPLE = [
    ("Jade", (14, 120), ("jade", "246810"), "sam@northbrook.example", "priya"),
    ("Tyler", (15, 300), None, "sam@northbrook.example", "priya"),
    ("Mia", (16, 45), ("mia", "135790"), "alex@northbrook.example", None),
]


def sign_ins() -> list[tuple[str, str, str, str]]:
    """(role, who, sign in with, secret) for printing and the README."""
    rows = [(role, name, ident, secret) for role, name, ident, secret in PEOPLE]
    rows += [
        ("young_person", name, account[0], account[1])
        for name, _, account, _, _ in YOUNG_PEOPLE
        if account
    ]
    return rows


async def _user(role, name, ident, secret, council_id, team_id, at) -> dict:
    column = User.email if "@" in ident else User.username
    found = await User.select().where(column == ident).first()
    if found:
        return found
    user = User(
        role=role, display_name=name, secret_hash=await hash_secret(secret),
        council=council_id, team=team_id if role in PROFESSIONAL_ROLES else None, created_at=at,
    )
    if "@" in ident:
        user.email = ident
    else:
        user.username = ident
    if role in PROFESSIONAL_ROLES:
        user.totp_secret = encrypt(new_totp_secret())
    await User.insert(user)
    return await User.select().where(User.id == user.id).first()


async def load() -> bool:
    """Load the demo; returns False when it was already there."""
    at = now()
    if await Council.exists().where(Council.name == COUNCIL):
        return False
    async with write_transaction():
        council = Council(name=COUNCIL, created_at=at)
        await Council.insert(council)
        team = Team(council=council.id, name=TEAM)
        await Team.insert(team)
        users = {}
        for role, name, ident, secret in PEOPLE:
            users[ident] = await _user(role, name, ident, secret, council.id, team.id, at)
        for name, (years, days), account, worker, carer in YOUNG_PEOPLE:
            born = at.date() - dt.timedelta(days=365 * years + years // 4 + days)
            user_id = None
            if account:
                user_id = (await _user("young_person", name, *account, council.id, None, at))["id"]
            young_person = YoungPerson(
                council=council.id, preferred_name=name, date_of_birth=born, user=user_id,
                created_at=at,
            )
            await YoungPerson.insert(young_person)
            await CaseAllocation.insert(
                CaseAllocation(young_person=young_person.id, social_worker=users[worker]["id"],
                               created_at=at)
            )
            if carer:
                await Placement.insert(
                    Placement(young_person=young_person.id, carer=users[carer]["id"], created_at=at)
                )
    return True
