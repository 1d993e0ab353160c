"""The trusted trio: people a young person can reach in one tap, often with no account."""

from piccolo.columns import UUID, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.contacts.schemas import ContactState, LanguageCode
from backend.i18n import DEFAULT
from backend.personal import Personal, declare
from backend.piccolo_apps import elsewhere
from backend.sealed import encrypted

# Other domains' tables, by name: a domain never imports another's tables.
USER = elsewhere("accounts", "User")
YOUNG_PERSON = elsewhere("young_people", "YoungPerson")


class TrustedContact(Table):
    id = UUID(primary_key=True, default=UUID4())
    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=False, index=True)
    # Encrypted JSON: name, how they know the young person, phone, email, what they will do.
    details = encrypted()
    state = Varchar(length=14, default=ContactState.NOT_INVITED, choices=ContactState)
    invite_code_hash = Varchar(length=64, null=True, default=None, unique=True)
    invite_expires_at = Timestamptz(null=True, default=None)
    # The contact's own sign-in is a cookie token (SHA-256 kept here): no password.
    token_hash = Varchar(length=64, null=True, default=None, unique=True)
    csrf_token = Varchar(length=64, null=True, default=None)
    position = Integer(default=0)
    created_by: ForeignKey[Table] = ForeignKey(references=USER, null=False)
    created_at = Timestamptz()
    accepted_at = Timestamptz(null=True, default=None)
    stepped_down_at = Timestamptz(null=True, default=None)
    # When their details were erased (contacts.api.forget_contacts): the row stays, with a
    # placeholder name, so plans, alerts and the audit log still read sensibly.
    forgotten_at = Timestamptz(null=True, default=None)
    # The language Homeward speaks to them in; they choose it (PUT /api/contact/me/language).
    language = Varchar(length=8, default=DEFAULT, choices=LanguageCode)


declare(
    TrustedContact,
    not_personal=("state", "invite_code_hash", "token_hash", "csrf_token", "language", "forgotten_at"),
    details=Personal(
        "a trusted person's name, phone, email and what they will do",
        "the young person, their social worker, their carer if shared",
        "until forgotten: at their request, or the council's number of days after they "
        "stepped down or were removed (default 30, at most 365); then erased, a placeholder name stays",
    ),
)
