"""The append-only audit log of every read and change of a young person's record."""

from piccolo.columns import UUID, Text, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.personal import Personal, declare


class AuditEvent(Table):
    # No foreign keys: the log must outlive the rows it talks about, and names are
    # copied so that the story stays true after an account changes.
    id = UUID(primary_key=True, default=UUID4())
    at = Timestamptz(index=True)
    actor_id = UUID(null=True, default=None)
    actor_name = Varchar(length=120)
    actor_role = Varchar(length=20)
    action = Varchar(length=10)  # "read", "change" or "refused"
    young_person_id = UUID(null=True, default=None, index=True)
    what = Varchar(length=200)
    detail = Text(default="")


declare(
    AuditEvent,
    not_personal=("actor_role", "action"),
    actor_name=Personal(
        "who read or changed a record", "the young person; their social worker; admins (refusals)",
        "as long as the record",
        plain_because="to be encrypted with the events-as-codes change",
    ),
    what=Personal(
        "what they did", "the young person; their social worker", "as long as the record",
        plain_because="to be encrypted with the events-as-codes change",
    ),
    detail=Personal(
        "more about what they did", "nobody through Homeward", "as long as the record",
        plain_because="to be encrypted with the events-as-codes change",
    ),
)
