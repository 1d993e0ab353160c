"""The young person's record and who is allowed near it."""

from piccolo.columns import UUID, Boolean, Date, ForeignKey, Serial, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.personal import Personal, declare
from backend.piccolo_apps import elsewhere
from backend.sealed import encrypted

# Other domains' tables, by name: a domain never imports another's tables.
COUNCIL = elsewhere("accounts", "Council")
USER = elsewhere("accounts", "User")


class YoungPerson(Table):
    id = UUID(primary_key=True, default=UUID4())
    council: ForeignKey[Table] = ForeignKey(references=COUNCIL, null=False)
    preferred_name = Varchar(length=60)
    date_of_birth = Date()
    # Set when the young person joins from an invite; one account per record.
    user: ForeignKey[Table] = ForeignKey(references=USER, null=True, unique=True)
    created_at = Timestamptz()
    # What the council counts and returns to the DfE (backend/young_people/details.py),
    # set by the social worker; sealed, and None until they are.
    sex = encrypted(null=True, default=None)  # SSDA903 SEX: M, F or U
    ethnicity = encrypted(null=True, default=None)  # SSDA903 ETHNIC code
    child_code = encrypted(null=True, default=None)  # the council's own id (SSDA903 CHILD)
    # For the police form (Philomena Protocol), set by the social worker; sealed.
    legal_name = encrypted(null=True, default=None)
    placement_address = encrypted(null=True, default=None)
    looked_after = Boolean(default=False)  # in care: an episode is "missing from care"
    placed_out_of_area = Boolean(default=False)


class CaseAllocation(Table):
    """A social worker allocated to a young person (their caseload). Ending one keeps
    the row (active False, ended_at set): the young person's story stays true."""

    id: Serial  # Piccolo's own primary key, named for the type checker
    young_person = ForeignKey(references=YoungPerson, null=False, index=True)
    social_worker: ForeignKey[Table] = ForeignKey(references=USER, null=False, index=True)
    active = Boolean(default=True)
    created_at = Timestamptz()
    ended_at = Timestamptz(null=True, default=None)


class Placement(Table):
    """A carer the young person is placed with; ended like a CaseAllocation."""

    id: Serial  # Piccolo's own primary key, named for the type checker
    young_person = ForeignKey(references=YoungPerson, null=False, index=True)
    carer: ForeignKey[Table] = ForeignKey(references=USER, null=False, index=True)
    active = Boolean(default=True)
    created_at = Timestamptz()
    ended_at = Timestamptz(null=True, default=None)


declare(
    YoungPerson,
    preferred_name=Personal(
        "the name the young person likes to be called",
        "the young person, their carers, social workers and the people they alert",
        "as long as the record",
        plain_because="the record's label in every list; the record itself is guarded and audited",
    ),
    date_of_birth=Personal(
        "date of birth",
        "the young person, their carers and social workers",
        "as long as the record",
        plain_because="ages and age bands are worked out from it",
    ),
    sex=Personal(
        "sex, as the council records it for the DfE",
        "their social workers; managers only as suppressed counts",
        "as long as the record",
    ),
    ethnicity=Personal(
        "ethnic origin (a DfE code)",
        "their social workers; managers only as suppressed counts",
        "as long as the record",
    ),
    legal_name=Personal(
        "the young person's legal name",
        "their social workers and carers, and the police through the police form",
        "as long as the record",
    ),
    placement_address=Personal(
        "where the young person lives (their placement)",
        "their social workers and carers, and the police through the police form",
        "as long as the record",
    ),
    child_code=Personal(
        "the council's own identifier for the child",
        "their social workers and the council's DfE return",
        "as long as the record",
    ),
)
declare(CaseAllocation)
declare(Placement)
