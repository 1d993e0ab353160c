"""The trusted trio: people a young person can reach in one tap, often with no account."""

from piccolo.columns import UUID, ForeignKey, Integer, Text, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.accounts.tables import User
from backend.young_people.tables import YoungPerson

STATES = ("not_invited", "invited", "active", "stepped_down", "removed")


class TrustedContact(Table):
    id = UUID(primary_key=True, default=UUID4())
    young_person = ForeignKey(references=YoungPerson, null=False, index=True)
    # Encrypted JSON: name, how they know the young person, phone, email, what they will do.
    details = Text()
    state = Varchar(length=14, default="not_invited")
    invite_code_hash = Varchar(length=64, null=True, default=None, unique=True)
    invite_expires_at = Timestamptz(null=True, default=None)
    # The contact's own sign-in is a cookie token (SHA-256 kept here): no password.
    token_hash = Varchar(length=64, null=True, default=None, unique=True)
    csrf_token = Varchar(length=64, null=True, default=None)
    position = Integer(default=0)
    created_by = ForeignKey(references=User, null=False)
    created_at = Timestamptz()
    accepted_at = Timestamptz(null=True, default=None)
    stepped_down_at = Timestamptz(null=True, default=None)


class PushSubscription(Table):
    """A browser push subscription, owned by a trusted contact or by a user."""

    id = UUID(primary_key=True, default=UUID4())
    contact = ForeignKey(references=TrustedContact, null=True, index=True)
    user = ForeignKey(references=User, null=True, index=True)
    endpoint_hash = Varchar(length=64, unique=True)
    subscription = Text()  # encrypted JSON: endpoint and keys
    created_at = Timestamptz()
