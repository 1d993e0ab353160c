"""Alerts from a young person to their people, and the outbox that delivers them.

An alert is written with its recipients and deliveries in one transaction; workers
send the deliveries after commit (a crash loses nothing), record every attempt, and
escalate when nobody acknowledges in time.
"""

from piccolo.columns import UUID, ForeignKey, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.alerts.schemas import (
    AlertState,
    AttemptResult,
    DeliveryChannel,
    DeliveryState,
    Kind,
    Level,
    Purpose,
    RecipientRole,
)
from backend.personal import Personal, declare
from backend.piccolo_apps import elsewhere
from backend.sealed import encrypted

# Other domains' tables, by name: a domain never imports another's tables.
USER = elsewhere("accounts", "User")
PUSH_SUBSCRIPTION = elsewhere("push", "PushSubscription")
TRUSTED_CONTACT = elsewhere("contacts", "TrustedContact")
YOUNG_PERSON = elsewhere("young_people", "YoungPerson")


class Alert(Table):
    id = UUID(primary_key=True, default=UUID4())
    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=False, index=True)
    # "<young person id>:<key the phone made>": a double tap or a retry finds the same
    # alert, and the UNIQUE constraint holds even when two retries race.
    idempotency_key = Varchar(length=120, unique=True)
    kind = Varchar(length=20, null=True, default=None, choices=Kind)
    location = encrypted(null=True, default=None)  # sealed JSON, only when shared
    # A sealed copy of the young person's phone number when they tapped: a recipient
    # sees what was true then, never the live plan.
    phone = encrypted(null=True, default=None)
    # State and level change only through alerts/escalation.py (its table of moves).
    state = Varchar(length=14, default=AlertState.ACTIVE, choices=AlertState)
    level = Integer(default=Level.PEOPLE, choices=Level)
    created_at = Timestamptz()
    next_escalation_at = Timestamptz(null=True, default=None, index=True)
    ended_at = Timestamptz(null=True, default=None)
    # The recipient row of whoever answered "I've got this" (their name is sealed there).
    # No foreign key: the recipient row already refers to the alert.
    acknowledged_recipient = UUID(null=True, default=None)
    # When the people at the current level were last sent it (re-sending waits a minute).
    notified_at = Timestamptz(null=True, default=None)
    # When its story last said "sent again" (at most once a minute; AlertTap has every tap).
    sent_again_at = Timestamptz(null=True, default=None)


class AlertTap(Table):
    """A later tap while the alert was still on: it sends the same alert again instead
    of a new one. Its key is kept so a retry of that tap is not counted twice."""

    id = UUID(primary_key=True, default=UUID4())
    alert = ForeignKey(references=Alert, null=False, index=True)
    idempotency_key = Varchar(length=120, unique=True)  # scoped like Alert's
    at = Timestamptz()


class AlertRecipient(Table):
    id = UUID(primary_key=True, default=UUID4())
    alert = ForeignKey(references=Alert, null=False, index=True)
    level = Integer(choices=Level)
    contact: ForeignKey[Table] = ForeignKey(references=TRUSTED_CONTACT, null=True)
    user: ForeignKey[Table] = ForeignKey(references=USER, null=True)
    name = encrypted()  # sealed: their name as it was when they were asked
    role = Varchar(length=20, choices=RecipientRole)
    purpose = Varchar(length=10, default=Purpose.ALERT, choices=Purpose)
    created_at = Timestamptz()
    reached_at = Timestamptz(null=True, default=None)
    opened_at = Timestamptz(null=True, default=None)
    acknowledged_at = Timestamptz(null=True, default=None)
    declined_at = Timestamptz(null=True, default=None)
    failed_at = Timestamptz(null=True, default=None)


class Delivery(Table):
    """The outbox: one message to one recipient over one channel."""

    id = UUID(primary_key=True, default=UUID4())
    recipient = ForeignKey(references=AlertRecipient, null=False, index=True)
    channel = Varchar(length=10, choices=DeliveryChannel)
    subscription: ForeignKey[Table] = ForeignKey(
        references=PUSH_SUBSCRIPTION, null=True, on_delete=OnDelete.set_null
    )
    address = encrypted(null=True, default=None)  # encrypted email address for "email"
    state = Varchar(length=10, default=DeliveryState.PENDING, index=True, choices=DeliveryState)
    attempts = Integer(default=0)
    next_attempt_at = Timestamptz(index=True)
    # The id of the OutboxWorker holding it (an id, not a host name: names have any length).
    claimed_by = Varchar(length=40, default="")
    claimed_until = Timestamptz(null=True, default=None)
    last_error = Varchar(length=200, default="")
    created_at = Timestamptz()
    sent_at = Timestamptz(null=True, default=None)


class DeliveryAttempt(Table):
    """Every try at sending a delivery, written as it completes."""

    id = UUID(primary_key=True, default=UUID4())
    delivery = ForeignKey(references=Delivery, null=False, index=True, on_delete=OnDelete.cascade)
    at = Timestamptz()
    channel = Varchar(length=10, choices=DeliveryChannel)
    result = Varchar(length=10, choices=AttemptResult)
    status_code = Integer(null=True, default=None)
    error = Varchar(length=200, default="")
    duration_ms = Integer(default=0)


class OutboxWorker(Table):
    """A running worker and its heartbeat. Rows claimed by a worker whose heartbeat has
    stopped are taken over at once, not when their lease runs out."""

    id = UUID(primary_key=True, default=UUID4())
    name = Text(default="")  # host:pid, for an operator reading the table
    started_at = Timestamptz()
    seen_at = Timestamptz(index=True)


class AlertEvent(Table):
    """The alert's story, step by step, as a code and sealed parameters: the sentence is
    made when read, for the young person or an adult, in their language."""

    id: Serial  # Piccolo's own primary key, named for the type checker
    alert = ForeignKey(references=Alert, null=False, index=True)
    at = Timestamptz()
    code = Varchar(length=80, default="")
    params = encrypted(null=True, default=None)


ALERT = "as long as the young person's record"
# backend/retention: `homeward retention` deletes them.
LOCATION_KEPT = "deleted the council's number of hours after the alert ends (default 72, at most 720)"
# A trusted person's name and email: erased when they are forgotten (contacts).
CONTACT_COPY = ALERT + "; a trusted person's is erased when they are forgotten"


declare(
    Alert,
    not_personal=("idempotency_key", "kind", "state"),
    location=Personal(
        "where the young person was, when they chose to share it with one alert",
        "the people that alert reached",
        LOCATION_KEPT,
    ),
    phone=Personal(
        "the young person's phone number when they sent the alert",
        "the people that alert reached",
        LOCATION_KEPT,
    ),
)
declare(AlertTap, not_personal=("idempotency_key",))
declare(
    AlertRecipient,
    not_personal=("role", "purpose"),
    name=Personal(
        "the name of a person an alert went to", "the young person and their social worker", CONTACT_COPY
    ),
)
declare(
    Delivery,
    not_personal=("channel", "state", "claimed_by", "last_error"),
    address=Personal("the email address an alert went to", "nobody: used to send", CONTACT_COPY),
)
declare(DeliveryAttempt, not_personal=("channel", "result", "error"))
declare(OutboxWorker, not_personal=("name",))
declare(
    AlertEvent,
    not_personal=("code",),
    params=Personal(
        "the details of a step in the alert's story (names of the people asked)",
        "the young person and the people the alert reached",
        CONTACT_COPY,
    ),
)
