"""What other domains may call about a young person's trusted people.

Typed records only: nobody outside contacts reads its table or opens its sealed
details. `Contact` is the signed-in trusted contact (their own cookie, no account),
built once per request by `contact_for_token`; `refuse` audits a refused request of
theirs the way `young_people.require` does for accounts. `forget_contacts` erases
people's personal details ("forget me", retention), leaving a placeholder name.
"""

from backend.contacts.schemas import Contact, ContactState, TrustedPerson
from backend.contacts.services import (
    contact_for_token,
    forget_contacts,
    forgettable,
    forgettable_count,
    ids_in_council,
    person,
    reachable,
    refuse,
)

__all__ = [
    "Contact",
    "ContactState",
    "TrustedPerson",
    "contact_for_token",
    "forget_contacts",
    "forgettable",
    "forgettable_count",
    "ids_in_council",
    "person",
    "reachable",
    "refuse",
]
