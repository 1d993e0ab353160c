"""Every encrypted column, listed in one place: key rotation walks this list, and these
values are never logged."""

from __future__ import annotations

from backend.accounts.tables import User
from backend.alerts.tables import Alert, Delivery
from backend.contacts.tables import PushSubscription, TrustedContact
from backend.db import write_transaction
from backend.plans.tables import PlanPhoto, PlanVersion
from backend.security import reencrypt

ENCRYPTED_COLUMNS = [
    (User, "totp_secret"),
    (PlanVersion, "content"),
    (PlanPhoto, "data"),
    (TrustedContact, "details"),
    (PushSubscription, "subscription"),
    (Alert, "location"),
    (Alert, "phone"),
    (Delivery, "address"),
]


async def rotate_keys(batch: int = 200) -> int:
    """Re-encrypt every sensitive value with the newest key; returns how many changed."""
    changed = 0
    for table, name in ENCRYPTED_COLUMNS:
        column = getattr(table, name)
        pk = table._meta.primary_key
        rows = await table.select(pk, column).where(column.is_not_null())
        for start in range(0, len(rows), batch):
            async with write_transaction():
                for row in rows[start : start + batch]:
                    await table.update({column: reencrypt(row[name])}).where(pk == row[pk._meta.name])
                    changed += 1
    return changed
