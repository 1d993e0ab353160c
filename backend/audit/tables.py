"""The append-only audit log of every read and change of a young person's record."""

from piccolo.columns import UUID, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.personal import Personal, declare
from backend.sealed import AppendOnly, append_only, encrypted


class AuditEvent(Table):
    # No foreign keys: the log must outlive the rows it talks about, and names are
    # copied so that the story stays true after an account changes.
    id = UUID(primary_key=True, default=UUID4())
    at = Timestamptz(index=True)
    actor_id = UUID(null=True, default=None)
    actor = encrypted(null=True, default=None)  # the name of who did it, sealed
    actor_role = Varchar(length=20)
    action = Varchar(length=10)  # "read", "change" or "refused"
    young_person_id = UUID(null=True, default=None, index=True)
    # What happened, as a code (backend/words.py) and its parameters (sealed JSON): the
    # sentence is made when read, for the reader and in their language.
    code = Varchar(length=80, default="")
    params = encrypted(null=True, default=None)


declare(
    AuditEvent,
    not_personal=("actor_role", "action", "code"),
    actor=Personal(
        "the name of who read or changed a record (or was stopped)",
        "the young person (not for refusals); their social worker; admins (refusals)",
        "as long as the record; when it is erased (its council's schedule), the young "
        "person's and their trusted people's names are erased, the council's staff's stay",
    ),
    params=Personal(
        "the details of what happened (for example the name of a trusted person added)",
        "the young person; their social worker",
        "as long as the record (erased with it; the event stays, with ids only)",
    ),
)

# The triggers made by migrations/audit (refusing UPDATE and DELETE), as key rotation
# lifts and restores them around re-sealing (backend/sealed.py).
append_only(
    AuditEvent,
    AppendOnly(
        sqlite_lift=("DROP TRIGGER IF EXISTS audit_event_no_update",),
        sqlite_restore=(
            "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
        ),
        postgres_lift=("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only",),
        postgres_restore=("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only",),
    ),
)
