"""Missing Safety Plans: versions, who signed them, every change, and the photo."""

from piccolo.columns import UUID, ForeignKey, Integer, Text, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.accounts.tables import User
from backend.young_people.tables import YoungPerson


class Plan(Table):
    id = UUID(primary_key=True, default=UUID4())
    young_person = ForeignKey(references=YoungPerson, null=False, unique=True)
    # Set by episodes (returned from missing) and placement changes; cleared on agreement.
    review_due_at = Timestamptz(null=True, default=None)
    review_reason = Varchar(length=200, default="")
    created_at = Timestamptz()


class PlanVersion(Table):
    id = UUID(primary_key=True, default=UUID4())
    plan = ForeignKey(references=Plan, null=False, index=True)
    number = Integer()
    status = Varchar(length=12)  # "draft", "agreed" or "superseded"
    content = Text()  # encrypted JSON (backend.security.encrypt)
    # The seal everyone signs (content.seal): keyed, so not a hash anyone can check a guess against.
    content_hash = Varchar(length=64)
    created_at = Timestamptz()
    updated_at = Timestamptz()
    agreed_at = Timestamptz(null=True, default=None)


class PlanSignature(Table):
    """A signature is on exact content: any later change leaves it behind."""

    version = ForeignKey(references=PlanVersion, null=False, index=True)
    user = ForeignKey(references=User, null=False)
    role = Varchar(length=20)
    content_hash = Varchar(length=64)
    signed_at = Timestamptz()


class PlanChange(Table):
    version = ForeignKey(references=PlanVersion, null=False, index=True)
    at = Timestamptz()
    user = ForeignKey(references=User, null=True)  # None: a trusted contact (no account)
    actor_name = Varchar(length=120)
    role = Varchar(length=20)
    section = Varchar(length=40)


class PlanPhoto(Table):
    id = UUID(primary_key=True, default=UUID4())
    young_person = ForeignKey(references=YoungPerson, null=False, index=True)
    media_type = Varchar(length=20)
    data = Text()  # encrypted base64 image, re-encoded with no metadata
    uploaded_by = ForeignKey(references=User, null=False)
    created_at = Timestamptz()
