"""A notice to one account holder, and the pushes that carry it to their phones.

A notice is stored as an event code and sealed parameters (backend/words.py): the
sentence is made when the recipient reads it, for them and in their language. A push
row is written per subscribed browser in the same transaction as the notice, and sent
after commit by a background job (backend/notify/delivery.py).
"""

from piccolo.columns import UUID, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.notify.schemas import PushState
from backend.personal import Personal, declare
from backend.piccolo_apps import elsewhere
from backend.sealed import encrypted

USER = elsewhere("accounts", "User")
YOUNG_PERSON = elsewhere("young_people", "YoungPerson")
PUSH_SUBSCRIPTION = elsewhere("push", "PushSubscription")


class Notice(Table):
    id = UUID(primary_key=True, default=UUID4())
    recipient: ForeignKey[Table] = ForeignKey(references=USER, null=False, index=True)
    code = Varchar(length=80)
    params = encrypted(null=True, default=None)  # sealed JSON; None when there are none
    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=True, default=None, index=True)
    link = Varchar(length=200, null=True, default=None)  # a PWA hash route, e.g. "#/episodes/<id>"
    # digest("<recipient>:<once_key>"): the same key to the same person is kept once.
    once_key = Varchar(length=64, null=True, default=None, unique=True)
    created_at = Timestamptz(index=True)
    read_at = Timestamptz(null=True, default=None)


class NoticePush(Table):
    """One notice on its way to one browser."""

    id = UUID(primary_key=True, default=UUID4())
    notice = ForeignKey(references=Notice, null=False, index=True)
    # A subscription that is removed (gone, or signed out) takes its pushes with it.
    subscription: ForeignKey[Table] = ForeignKey(references=PUSH_SUBSCRIPTION, null=False, index=True)
    state = Varchar(length=10, choices=PushState, default=PushState.PENDING.value)
    attempts = Integer(default=0)
    next_attempt_at = Timestamptz(index=True)
    claimed_until = Timestamptz(null=True, default=None)
    sent_at = Timestamptz(null=True, default=None)
    last_error = Varchar(length=200, default="")


declare(
    Notice,
    not_personal=("code", "link", "once_key"),
    params=Personal(
        "the details of a notice (for example a young person's name or a date)",
        "the person the notice is for",
        "as long as their account",
    ),
)
declare(NoticePush, not_personal=("state", "last_error"))
