"""Due actions, the strategy meetings that close them, and the episodes the triggers
watch (what the episode hooks said: enough to count time and episodes, nothing more)."""

from piccolo.columns import UUID, Date, ForeignKey, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.actions.schemas import ActionKind, ActionState
from backend.personal import Personal, declare
from backend.piccolo_apps import elsewhere
from backend.sealed import encrypted

USER = elsewhere("accounts", "User")
COUNCIL = elsewhere("accounts", "Council")
YOUNG_PERSON = elsewhere("young_people", "YoungPerson")


class DueAction(Table):
    id = UUID(primary_key=True, default=UUID4())
    # What made it ("strategy_meeting:<episode id>"): a trigger makes its action once.
    key = Varchar(length=120, unique=True)
    kind = Varchar(length=40, choices=ActionKind)
    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=False, index=True)
    council: ForeignKey[Table] = ForeignKey(references=COUNCIL, null=False, index=True)
    episode_id = UUID(null=True, default=None)
    owner: ForeignKey[Table] = ForeignKey(references=USER, null=True, default=None, index=True)
    created_at = Timestamptz()
    deadline = Timestamptz()
    state = Varchar(length=12, choices=ActionState, default=ActionState.DUE.value, index=True)
    overdue_at = Timestamptz(null=True, default=None)  # when the sweep told the owner
    done_note = encrypted(null=True, default=None)
    done_by: ForeignKey[Table] = ForeignKey(references=USER, null=True, default=None)
    done_at = Timestamptz(null=True, default=None)


class StrategyMeeting(Table):
    id = UUID(primary_key=True, default=UUID4())
    action = ForeignKey(references=DueAction, null=False, unique=True)
    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=False, index=True)
    held_on = Date()
    attended = encrypted()
    decisions = encrypted()
    recorded_by: ForeignKey[Table] = ForeignKey(references=USER, null=False)
    recorded_at = Timestamptz()


class WatchedEpisode(Table):
    """One row per episode the hooks told us of (its id is the episode's)."""

    id = UUID(primary_key=True)
    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=False, index=True)
    council: ForeignKey[Table] = ForeignKey(references=COUNCIL, null=False, index=True)
    started_at = Timestamptz()
    reported_at = Timestamptz(null=True, default=None)
    ended_at = Timestamptz(null=True, default=None)
    state = Varchar(length=20, default="open")  # open, reported, returned, closed_unreported


KEPT = "as long as the young person's record"

declare(
    DueAction,
    not_personal=("key", "kind", "state"),
    done_note=Personal(
        "what was done about an escalation trigger, as the social worker wrote it",
        "the young person's social worker and the action's owner",
        KEPT,
    ),
)
declare(
    StrategyMeeting,
    not_personal=("held_on",),
    attended=Personal("who attended a strategy meeting about the young person", "their social worker", KEPT),
    decisions=Personal("what a strategy meeting decided about the young person", "their social worker", KEPT),
)
declare(WatchedEpisode, not_personal=("state",))
