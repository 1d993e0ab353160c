"""Web Push subscriptions: where a browser (a trusted contact's or a user's) gets pushes."""

from piccolo.columns import UUID, ForeignKey, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.personal import Personal, declare
from backend.piccolo_apps import elsewhere
from backend.sealed import encrypted

# Other domains' tables, by name: a domain never imports another's tables.
TRUSTED_CONTACT = elsewhere("contacts", "TrustedContact")
USER = elsewhere("accounts", "User")


class PushSubscription(Table):
    """A browser push subscription, owned by a trusted contact or by a user."""

    id = UUID(primary_key=True, default=UUID4())
    contact: ForeignKey[Table] = ForeignKey(references=TRUSTED_CONTACT, null=True, index=True)
    user: ForeignKey[Table] = ForeignKey(references=USER, null=True, index=True)
    endpoint_hash = Varchar(length=64, unique=True)
    subscription = encrypted()  # sealed JSON: endpoint and keys
    created_at = Timestamptz()


declare(
    PushSubscription,
    not_personal=("endpoint_hash",),
    subscription=Personal(
        "a browser's push address and keys", "nobody: used to send alerts", "until it fails"
    ),
)
