"""Rights requests, each tracked to an answer."""

from piccolo.columns import UUID, ForeignKey, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.personal import Personal, declare
from backend.piccolo_apps import elsewhere
from backend.rights.schemas import Asker, RequestKind, RequestState
from backend.sealed import encrypted

USER = elsewhere("accounts", "User")
YOUNG_PERSON = elsewhere("young_people", "YoungPerson")


class RightsRequest(Table):
    id = UUID(primary_key=True, default=UUID4())
    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=False, index=True)
    kind = Varchar(length=20, choices=RequestKind)
    asker = Varchar(length=20, choices=Asker)
    # The trusted contact who asked (contacts' id; no foreign key: forgetting them
    # erases their details, never this request).
    contact_id = UUID(null=True, default=None, index=True)
    asker_name = encrypted(null=True, default=None)
    # {"what_is_wrong": ..., "should_say": ...}, sealed.
    details = encrypted(null=True, default=None)
    state = Varchar(length=12, choices=RequestState, default=RequestState.OPEN.value, index=True)
    received_at = Timestamptz()
    due_at = Timestamptz()
    extended_at = Timestamptz(null=True, default=None)
    reason = encrypted(null=True, default=None)
    answered_at = Timestamptz(null=True, default=None)
    answered_by: ForeignKey[Table] = ForeignKey(references=USER, null=True, default=None)
    # When the sweep told the social workers it was overdue (again after an extension).
    overdue_told_at = Timestamptz(null=True, default=None)


declare(
    RightsRequest,
    not_personal=("kind", "asker", "state"),
    asker_name=Personal(
        "the name of the trusted contact who asked to be forgotten (erased when they are)",
        "the young person's social worker",
        "until the contact is forgotten; otherwise as long as the young person's record",
    ),
    details=Personal(
        "what the young person says is wrong about them, and what it should say",
        "the young person and their social worker",
        "as long as the young person's record",
    ),
    reason=Personal(
        "the social worker's answer to a rights request (what was done, or why not yet or not)",
        "the asker and the young person's social worker",
        "as long as the young person's record",
    ),
)
