"""One-time invites that let a young person or carer join from their own phone."""

from piccolo.columns import UUID, ForeignKey, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.invites.schemas import InviteRole
from backend.personal import declare
from backend.piccolo_apps import elsewhere

# Other domains' tables, by name: a domain never imports another's tables.
USER = elsewhere("accounts", "User")
YOUNG_PERSON = elsewhere("young_people", "YoungPerson")


class Invite(Table):
    id = UUID(primary_key=True, default=UUID4())
    # SHA-256 of the code: the code itself only ever lives in the link.
    code_hash = Varchar(length=64, unique=True)
    role = Varchar(length=20, choices=InviteRole)
    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=False)
    created_by: ForeignKey[Table] = ForeignKey(references=USER, null=False)
    created_at = Timestamptz()
    expires_at = Timestamptz()
    used_at = Timestamptz(null=True, default=None)
    used_by: ForeignKey[Table] = ForeignKey(references=USER, null=True)
    # When the invite was emailed (truthful state: "not sent yet" until then).
    emailed_at = Timestamptz(null=True, default=None)


declare(Invite, not_personal=("code_hash", "role"))
