"""What other domains may call: Web Push subscriptions by owner, and where to send.

A subscription is owned by a trusted contact (`contact_id`) or a user (`user_id`);
every function takes exactly one of them. `target` gives what the push channel needs;
nobody outside this domain reads the table or its sealed format.
"""

from backend.push.erasing import erase as erase_young_people
from backend.push.erasing import erase_of_contacts
from backend.push.services import (
    contacts_with_any,
    has_any,
    remove,
    remove_all,
    remove_browser,
    store,
    subscriptions_of,
    target,
)

__all__ = [
    "contacts_with_any",
    "erase_of_contacts",
    "erase_young_people",
    "has_any",
    "remove",
    "remove_all",
    "remove_browser",
    "store",
    "subscriptions_of",
    "target",
]
