"""A council's settings (one row each, made with the defaults when first read) and its
duty rota (the social workers alerts turn to when a young person's people and carer
have not answered)."""

from piccolo.columns import UUID, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.councils import defaults
from backend.councils.schemas import Cover, Nation
from backend.personal import Personal, declare
from backend.piccolo_apps import elsewhere
from backend.sealed import encrypted

COUNCIL = elsewhere("accounts", "Council")
USER = elsewhere("accounts", "User")


class CouncilSettings(Table):
    id = UUID(primary_key=True, default=UUID4())
    council: ForeignKey[Table] = ForeignKey(references=COUNCIL, null=False, unique=True)
    trio_minutes = Integer(default=defaults.ESCALATION_MINUTES)
    carer_minutes = Integer(default=defaults.ESCALATION_MINUTES)
    duty_minutes = Integer(default=defaults.ESCALATION_MINUTES)
    office_days = Varchar(length=30, default=defaults.OFFICE_DAYS)  # "mon,tue,..."
    # Minutes after midnight, in the council's local time.
    opens_at = Integer(default=defaults.OPENS_AT)
    closes_at = Integer(default=defaults.CLOSES_AT)
    nation = Varchar(length=20, choices=Nation, default=Nation.ENGLAND.value)
    strategy_meeting_after_hours = Integer(default=defaults.STRATEGY_MEETING_AFTER_HOURS)
    senior_manager_after_hours = Integer(default=defaults.SENIOR_MANAGER_AFTER_HOURS)
    further_meeting_after_days = Integer(default=defaults.FURTHER_MEETING_AFTER_DAYS)
    repeat_episodes = Integer(default=defaults.REPEAT_EPISODES)
    repeat_window_days = Integer(default=defaults.REPEAT_WINDOW_DAYS)
    strategy_meeting_within_working_days = Integer(default=defaults.STRATEGY_MEETING_WITHIN_WORKING_DAYS)
    rhi_offer_within_hours = Integer(default=defaults.RHI_OFFER_WITHIN_HOURS)
    rhi_held_within_hours = Integer(default=defaults.RHI_HELD_WITHIN_HOURS)
    # Retention (backend/retention deletes what is due by these).
    alert_location_hours = Integer(default=defaults.ALERT_LOCATION_HOURS)
    stepped_down_contact_days = Integer(default=defaults.STEPPED_DOWN_CONTACT_DAYS)
    feedback_answers_days = Integer(default=defaults.FEEDBACK_ANSWERS_DAYS)
    looked_after_until_age = Integer(default=defaults.LOOKED_AFTER_UNTIL_AGE)
    other_until_age = Integer(default=defaults.OTHER_UNTIL_AGE)
    changed_at = Timestamptz(null=True, default=None)


class DutyRota(Table):
    id = UUID(primary_key=True, default=UUID4())
    council: ForeignKey[Table] = ForeignKey(references=COUNCIL, null=False, index=True)
    social_worker: ForeignKey[Table] = ForeignKey(references=USER, null=False)
    position = Integer(default=0)
    cover = Varchar(length=20, choices=Cover, default=Cover.OUT_OF_HOURS.value)
    days = Varchar(length=30, default="")  # a shift's days, "sat,sun"
    starts_at = Integer(null=True, default=None)  # a shift's times, minutes after midnight
    ends_at = Integer(null=True, default=None)
    phone = encrypted(null=True, default=None)  # sealed; None when not given


declare(CouncilSettings, not_personal=("office_days", "nation"))
declare(
    DutyRota,
    not_personal=("cover", "days"),
    phone=Personal(
        "the phone number a social worker is on duty with",
        "the council's admins; the alert path, while they are on duty",
        "while they are on the rota",
    ),
)
