"""Return Home Interviews (one per return from a reported missing episode, opened by
the episodes domain's EPISODE_RETURNED hook) and the council's list of independent
interviewers its admin keeps."""

from piccolo.columns import UUID, Boolean, ForeignKey, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.interviews.schemas import Consent, InterviewerKind, Risk
from backend.personal import Personal, declare
from backend.piccolo_apps import elsewhere
from backend.sealed import encrypted

COUNCIL = elsewhere("accounts", "Council")
USER = elsewhere("accounts", "User")
YOUNG_PERSON = elsewhere("young_people", "YoungPerson")
EPISODE = elsewhere("episodes", "Episode")


class Interviewer(Table):
    id = UUID(primary_key=True, default=UUID4())
    council: ForeignKey[Table] = ForeignKey(references=COUNCIL, null=False, index=True)
    name = encrypted()
    organisation = Varchar(length=200, default="")
    active = Boolean(default=True)
    created_at = Timestamptz()


class Interview(Table):
    id = UUID(primary_key=True, default=UUID4())
    episode: ForeignKey[Table] = ForeignKey(references=EPISODE, null=False, unique=True)
    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=False, index=True)
    council: ForeignKey[Table] = ForeignKey(references=COUNCIL, null=False, index=True)
    missing_from = Varchar(length=10)  # "home" or "care"
    started_at = Timestamptz()
    returned_at = Timestamptz(index=True)
    offer_due_at = Timestamptz()
    held_due_at = Timestamptz()
    offered_at = Timestamptz(null=True, default=None)
    offered_by: ForeignKey[Table] = ForeignKey(references=USER, null=True, default=None)
    interviewer_kind = Varchar(length=40, choices=InterviewerKind, null=True, default=None)
    interviewer = ForeignKey(references=Interviewer, null=True, default=None)
    trusted_adult = encrypted(null=True, default=None)  # the name of someone they trust
    answered_at = Timestamptz(null=True, default=None)
    accepted = Boolean(null=True, default=None)
    declined_reason = Varchar(length=60, null=True, default=None)
    declined_why = encrypted(null=True, default=None)
    consent = Varchar(length=30, choices=Consent, null=True, default=None)
    consent_why = encrypted(null=True, default=None)
    sharing = encrypted(null=True, default=None)  # sealed JSON {audience: [parts]}
    held_at = Timestamptz(null=True, default=None)
    held_by = encrypted(null=True, default=None)
    held_where = encrypted(null=True, default=None)
    recorded_by: ForeignKey[Table] = ForeignKey(references=USER, null=True, default=None)
    late_reason = Varchar(length=60, null=True, default=None)
    late_why = encrypted(null=True, default=None)
    form = encrypted(null=True, default=None)  # sealed JSON (schemas.RhiForm)
    risk_again = Varchar(length=10, choices=Risk, null=True, default=None)
    follow_up_given = Boolean(default=False)
    carer_note = encrypted(null=True, default=None)
    carer_note_by: ForeignKey[Table] = ForeignKey(references=USER, null=True, default=None)
    carer_note_at = Timestamptz(null=True, default=None)


KEPT = "as long as the young person's record"

declare(
    Interviewer,
    not_personal=("organisation",),
    name=Personal(
        "the name of an independent return interviewer",
        "the council's admins, social workers and young people choosing who to talk to",
        "while they are on the council's list",
    ),
)
declare(
    Interview,
    not_personal=("missing_from", "interviewer_kind", "declined_reason", "consent", "late_reason"),
    trusted_adult=Personal(
        "the name of the adult a young person chose to talk to",
        "the young person and their social worker",
        KEPT,
    ),
    declined_why=Personal("why a young person said no to a return interview", "the social worker", KEPT),
    consent_why=Personal("why a parent gave or refused consent", "the social worker", KEPT),
    sharing=Personal(
        "who the young person agreed their interview may be shared with",
        "the young person and the adults",
        KEPT,
    ),
    held_by=Personal("who held the interview", "the young person, their social worker", KEPT),
    held_where=Personal("where the interview was held", "the social worker", KEPT),
    late_why=Personal("why the interview was late", "the social worker", KEPT),
    form=Personal(
        "what the young person said in their return interview, and the professional's assessment",
        "the social worker; the carer, police and school only the parts the young person shares",
        KEPT,
    ),
    risk_again=Personal(
        "the risk of going missing again (high, medium, low)",
        "the social worker; the partnership's figures, counted",
        KEPT,
        plain_because="a code counted in the figures and used to call a strategy meeting",
    ),
    carer_note=Personal(
        "what the carer knows when the young person said no to an interview",
        "the social worker, the carer",
        KEPT,
    ),
)
