"""The young person's record and who is allowed near it."""

from piccolo.columns import UUID, Boolean, Date, ForeignKey, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.accounts.tables import Council, User


class YoungPerson(Table):
    id = UUID(primary_key=True, default=UUID4())
    council = ForeignKey(references=Council, null=False)
    preferred_name = Varchar(length=60)
    date_of_birth = Date()
    # Set when the young person joins from an invite; one account per record.
    user = ForeignKey(references=User, null=True, unique=True)
    created_at = Timestamptz()


class CaseAllocation(Table):
    """A social worker allocated to a young person (their caseload). Ending one keeps
    the row (active False, ended_at set): the young person's story stays true."""

    young_person = ForeignKey(references=YoungPerson, null=False, index=True)
    social_worker = ForeignKey(references=User, null=False, index=True)
    active = Boolean(default=True)
    created_at = Timestamptz()
    ended_at = Timestamptz(null=True, default=None)


class Placement(Table):
    """A carer the young person is placed with; ended like a CaseAllocation."""

    young_person = ForeignKey(references=YoungPerson, null=False, index=True)
    carer = ForeignKey(references=User, null=False, index=True)
    active = Boolean(default=True)
    created_at = Timestamptz()
    ended_at = Timestamptz(null=True, default=None)
