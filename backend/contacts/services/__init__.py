"""The trusted trio: the young person's side (trio), the contact's own side with no
account (own_side), and the records both keep (records)."""

from backend.contacts.services.forgetting import forget_contacts, forgettable, forgettable_count
from backend.contacts.services.own_side import (
    accept,
    contact_for_token,
    lookup,
    me,
    refuse,
    set_language,
    step_down,
    subscribe,
    unsubscribe,
)
from backend.contacts.services.records import ids_in_council, person, reachable
from backend.contacts.services.trio import add, invite, list_for, offline_copy, remove, update, visible_trio

__all__ = [
    "accept",
    "add",
    "contact_for_token",
    "forget_contacts",
    "forgettable",
    "forgettable_count",
    "ids_in_council",
    "invite",
    "list_for",
    "lookup",
    "me",
    "offline_copy",
    "person",
    "reachable",
    "refuse",
    "remove",
    "set_language",
    "step_down",
    "subscribe",
    "unsubscribe",
    "update",
    "visible_trio",
]
