"""Rights requests: their kinds, states and answers, and request and reply shapes."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated

import msgspec


class RequestKind(StrEnum):
    CORRECTION = "correction"  # the young person: something held about me is wrong
    FORGET_ME = "forget_me"  # a trusted contact: forget my details


class Asker(StrEnum):
    YOUNG_PERSON = "young_person"
    TRUSTED_CONTACT = "trusted_contact"


class RequestState(StrEnum):
    OPEN = "open"  # waiting for an answer
    EXTENDED = "extended"  # waiting, with a later deadline (once, with a reason)
    DONE = "done"
    REFUSED = "refused"


WAITING = (RequestState.OPEN, RequestState.EXTENDED)


class Outcome(StrEnum):
    """How the social worker answers."""

    DONE = "done"
    REFUSED = "refused"
    EXTENDED = "extended"


class RequestVerb(StrEnum):
    """What the caller may do with a request (guards.can)."""

    ANSWER = "answer"
    EXTEND = "extend"


Text = Annotated[str, msgspec.Meta(max_length=1000)]


class CorrectionIn(msgspec.Struct, forbid_unknown_fields=True):
    what_is_wrong: Annotated[str, msgspec.Meta(min_length=1, max_length=1000)]
    should_say: Text = ""


class AnswerIn(msgspec.Struct, forbid_unknown_fields=True):
    outcome: Outcome
    # Needed to refuse or extend (what the asker reads); with done, what was changed.
    reason: Text = ""
    # Extending only: by how many more months (up to two, UK GDPR Art. 12(3)).
    months: Annotated[int, msgspec.Meta(ge=1, le=2)] = 2


class RightsRequestOut(msgspec.Struct):
    id: uuid.UUID
    young_person_id: uuid.UUID
    kind: RequestKind
    asker: Asker
    # The trusted contact's name for the social worker; "" for the young person, and
    # once a contact is forgotten.
    asker_name: str
    state: RequestState
    received_at: dt.datetime
    due_at: dt.datetime
    overdue: bool
    what_is_wrong: str
    should_say: str
    reason: str
    extended_at: dt.datetime | None
    answered_at: dt.datetime | None
    can: list[RequestVerb] = []


class DashboardRequest(msgspec.Struct):
    """A request on the social worker's dashboard: with whose it is."""

    young_person_name: str
    request: RightsRequestOut
