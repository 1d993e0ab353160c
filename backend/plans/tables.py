"""Missing Safety Plans: versions, who signed them, every change, and the photo."""

from piccolo.columns import UUID, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.personal import Personal, declare
from backend.piccolo_apps import elsewhere
from backend.plans.schemas import ChangedBy, Section, SignerRole, TrioState, VersionStatus
from backend.sealed import encrypted

# Other domains' tables, by name: a domain never imports another's tables.
USER = elsewhere("accounts", "User")
YOUNG_PERSON = elsewhere("young_people", "YoungPerson")


class Plan(Table):
    id = UUID(primary_key=True, default=UUID4())
    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=False, unique=True)
    # Set by episodes (returned from missing) and placement changes; cleared on agreement.
    review_due_at = Timestamptz(null=True, default=None)
    review_reason = Varchar(length=200, default="")
    created_at = Timestamptz()


class PlanVersion(Table):
    id = UUID(primary_key=True, default=UUID4())
    plan = ForeignKey(references=Plan, null=False, index=True)
    number = Integer()
    status = Varchar(length=12, choices=VersionStatus)
    content = encrypted()  # sealed JSON (backend.sealed)
    # The seal everyone signs (content.seal): keyed, so not a hash anyone can check a guess against.
    content_hash = Varchar(length=64)
    created_at = Timestamptz()
    updated_at = Timestamptz()
    agreed_at = Timestamptz(null=True, default=None)


class PlanSignature(Table):
    """A signature is on exact content: any later change leaves it behind."""

    version = ForeignKey(references=PlanVersion, null=False, index=True)
    user: ForeignKey[Table] = ForeignKey(references=USER, null=False)
    role = Varchar(length=20, choices=SignerRole)
    content_hash = Varchar(length=64)
    signed_at = Timestamptz()


class PlanChange(Table):
    version = ForeignKey(references=PlanVersion, null=False, index=True)
    at = Timestamptz()
    user: ForeignKey[Table] = ForeignKey(references=USER, null=True)  # None: a trusted contact (no account)
    actor = encrypted(null=True, default=None)  # sealed name of who changed it
    role = Varchar(length=20, choices=ChangedBy)
    section = Varchar(length=40, choices=Section)


class PlanPhoto(Table):
    id = UUID(primary_key=True, default=UUID4())
    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=False, index=True)
    media_type = Varchar(length=20)
    data = encrypted()  # encrypted base64 image, re-encoded with no metadata
    uploaded_by: ForeignKey[Table] = ForeignKey(references=USER, null=False)
    created_at = Timestamptz()


class TrioStanding(Table):
    """Where each of the young person's people stands now (invited, active, stepped
    down): written by the contacts domain through plans.api.set_trio_states, read with
    the plan. Outside the signed content: a change of it is no new version."""

    contact_id = UUID(unique=True)
    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=False, index=True)
    state = Varchar(length=20, choices=TrioState)
    since = Timestamptz()


class KnownWorker(Table):
    """The out-of-hours worker who knows the young person (seed 000), chosen by their
    social worker from the council's out-of-hours people (the alerts domain checks the
    rota and writes it through plans.api.set_known_worker). Beside the plan like the
    trio's standing: choosing another is no new version and clears no signature; the
    police form lists them."""

    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=False, unique=True)
    worker: ForeignKey[Table] = ForeignKey(references=USER, null=False)
    chosen_by: ForeignKey[Table] = ForeignKey(references=USER, null=True)
    chosen_at = Timestamptz()


PLAN = "as long as the young person's record"

declare(Plan, not_personal=("review_reason",))
declare(
    PlanVersion,
    not_personal=("status", "content_hash"),
    content=Personal(
        "the Missing Safety Plan: description, health, worries, places, steps, sharing choices",
        "the young person, their social worker, their carer (what the young person shares)",
        PLAN + "; a trusted person's details in it are erased when they are forgotten",
    ),
)
declare(PlanSignature, not_personal=("role", "content_hash"))
declare(
    PlanChange,
    not_personal=("role", "section"),
    actor=Personal("who changed a part of the plan", "the people who can read the plan", PLAN),
)
declare(
    PlanPhoto,
    not_personal=("media_type",),
    data=Personal("a photo of the young person", "as the young person's sharing choices allow", PLAN),
)
declare(TrioStanding, not_personal=("state",))
declare(KnownWorker)
