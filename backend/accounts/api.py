"""What other domains may ask of accounts: typed records, never table rows.

The interface is the one declared for every domain's reshaping (Account, account,
accounts, colleagues); this file holds the part of it the councils domain needs first.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from backend.accounts.actor import Actor
from backend.accounts.tables import User

__all__ = ["Account", "Actor", "Role", "account", "accounts", "colleagues"]


class Role(StrEnum):
    YOUNG_PERSON = "young_person"
    CARER = "carer"
    SOCIAL_WORKER = "social_worker"
    MANAGER = "manager"
    ADMIN = "admin"


@dataclass(frozen=True)
class Account:
    id: uuid.UUID
    role: Role
    display_name: str
    email: str | None
    council_id: uuid.UUID | None
    active: bool


_COLUMNS = (User.id, User.role, User.display_name, User.email, User.council, User.active)


def _account(row: dict) -> Account:
    return Account(
        id=row["id"], role=Role(row["role"]), display_name=row["display_name"], email=row["email"],
        council_id=row["council"], active=row["active"],
    )


async def account(user_id: uuid.UUID) -> Account | None:
    row = await User.select(*_COLUMNS).where(User.id == user_id).first()
    return _account(row) if row else None


async def accounts(ids: list[uuid.UUID] | set[uuid.UUID] | tuple[uuid.UUID, ...]) -> dict[uuid.UUID, Account]:
    """The accounts with these ids (missing ids are left out)."""
    if not ids:
        return {}
    rows = await User.select(*_COLUMNS).where(User.id.is_in(list(ids)))
    return {row["id"]: _account(row) for row in rows}


async def colleagues(council_id: uuid.UUID, role: Role | str) -> list[Account]:
    """The active accounts of a council with one role, by name."""
    rows = await (
        User.select(*_COLUMNS)
        .where((User.council == council_id) & (User.role == str(role)) & (User.active == True))  # noqa: E712
        .order_by(User.display_name)
    )
    return [_account(row) for row in rows]
