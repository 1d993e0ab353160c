"""Whose a push subscription is: small pure functions of its owner and the caller.

A subscription belongs to exactly one owner, a trusted contact or an account, and only
ever carries that owner's pushes. Every route acts on the caller's own subscriptions
(the owner comes from their sign-in, never from the request body).
"""

from __future__ import annotations

import uuid


def one_owner(contact_id: uuid.UUID | None, user_id: uuid.UUID | None) -> bool:
    """A subscription is a contact's or an account's, never both or neither."""
    return (contact_id is None) != (user_id is None)


def owns(
    owner_contact: uuid.UUID | None,
    owner_user: uuid.UUID | None,
    *,
    contact_id: uuid.UUID | None = None,
    user_id: uuid.UUID | None = None,
) -> bool:
    """Whether the caller (a contact or an account) is the subscription's owner."""
    if not one_owner(contact_id, user_id):
        return False
    if contact_id is not None:
        return owner_contact == contact_id
    return owner_user == user_id
