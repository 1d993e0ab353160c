"""Police-response feedback. What is kept, and what is deliberately not:

- `Invitation`: a keyed hash of a single-use link, with the council, the police force
  and the month. No young person, no episode, no time of day.
- `Handover`: a young person's own link, waiting in their app. It is the only row tied
  to a young person, and it is deleted when the link is used (or runs out): from then
  on nothing connects the young person to the link or to what they said.
- `Answer` and `Quote`: council, force and month only; no link to an invitation, no
  account, address, user agent or time. A quote is kept apart from the ratings it came
  with, so releasing words never releases who rated what.

Each answer rewrites its whole group (council, force, month) in its transaction, so on
PostgreSQL no row's transaction stamp (xmin) points from an answer to its link (see
services._restamp). Left to a later change: physical row order (SQLite rowids, heap
order) still follows the order answers arrived in, which someone reading the database
files could set beside other records of time; the forms' server log is off (uvicorn runs
at "warning").
"""

from piccolo.columns import UUID, Boolean, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.feedback.schemas import QuoteState
from backend.personal import Personal, declare
from backend.piccolo_apps import elsewhere
from backend.sealed import encrypted

COUNCIL = elsewhere("accounts", "Council")
USER = elsewhere("accounts", "User")
YOUNG_PERSON = elsewhere("young_people", "YoungPerson")


class PoliceArea(Table):
    """The police force a council's young people are reported to."""

    id = UUID(primary_key=True, default=UUID4())
    council: ForeignKey[Table] = ForeignKey(references=COUNCIL, null=False, unique=True)
    force = Varchar(length=120)


class Invitation(Table):
    id = UUID(primary_key=True, default=UUID4())
    token_hash = Varchar(length=64, unique=True)
    council: ForeignKey[Table] = ForeignKey(references=COUNCIL, null=False)
    force = Varchar(length=120)
    month = Varchar(length=7)  # "2026-11": the month it was issued, never the day
    used = Boolean(default=False)


class Handover(Table):
    id = UUID(primary_key=True, default=UUID4())
    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=False, index=True)
    token = encrypted()
    token_hash = Varchar(length=64, index=True)
    month = Varchar(length=7)


class Answer(Table):
    id = UUID(primary_key=True, default=UUID4())
    council: ForeignKey[Table] = ForeignKey(references=COUNCIL, null=False, index=True)
    force = Varchar(length=120)
    month = Varchar(length=7)
    respect = Integer(null=True, default=None)
    listened = Integer(null=True, default=None)
    explained = Integer(null=True, default=None)
    safe = Integer(null=True, default=None)
    helped = Integer(null=True, default=None)
    searched = Varchar(length=20, null=True, default=None)
    restrained = Varchar(length=20, null=True, default=None)


class AnswerCount(Table):
    """Answers once their time is over (the council's retention setting): how many gave
    each answer to each question, per council, force and month. Nothing ties one
    question's answer to another's. Several rows may count the same answer (each run of
    the retention job adds its own): readers add them up."""

    id = UUID(primary_key=True, default=UUID4())
    council: ForeignKey[Table] = ForeignKey(references=COUNCIL, null=False, index=True)
    force = Varchar(length=120)
    month = Varchar(length=7)
    question = Varchar(length=20)
    answer = Varchar(length=20)
    answers = Integer(default=0)  # how many gave this answer


class Quote(Table):
    id = UUID(primary_key=True, default=UUID4())
    council: ForeignKey[Table] = ForeignKey(references=COUNCIL, null=False, index=True)
    force = Varchar(length=120)
    month = Varchar(length=7)
    text = encrypted()
    state = Varchar(length=10, choices=QuoteState, default=QuoteState.WAITING.value)


class Agreement(Table):
    """What a social worker and their manager agreed in supervision, for a quarter."""

    id = UUID(primary_key=True, default=UUID4())
    council: ForeignKey[Table] = ForeignKey(references=COUNCIL, null=False, index=True)
    quarter = Varchar(length=7)
    prompt = Varchar(length=30)
    text = encrypted()
    by: ForeignKey[Table] = ForeignKey(references=USER, null=False)
    at = Timestamptz()


declare(PoliceArea, not_personal=("force",))
declare(Invitation, not_personal=("token_hash", "force", "month"))
declare(
    Handover,
    not_personal=("token_hash", "month"),
    token=Personal(
        "a young person's own feedback link, waiting in their app",
        "the young person",
        "until they use it or it runs out (then deleted)",
    ),
)
declare(Answer, not_personal=("force", "month", "searched", "restrained"))
declare(AnswerCount, not_personal=("force", "month", "question", "answer"))
declare(
    Quote,
    not_personal=("force", "month", "state"),
    text=Personal(
        "what a young person wrote about the police, phone numbers and emails masked",
        "a manager moderating; once released and redacted, the council's professionals",
        "as long as the council's feedback figures",
    ),
)
declare(
    Agreement,
    not_personal=("quarter", "prompt"),
    text=Personal(
        "what a team agreed to do in supervision",
        "the council's social workers and managers",
        "as long as the council keeps supervision records",
    ),
)
