"""Request and reply shapes for young people's records, and the words they are made of:
how someone is tied to a record, and what they may do with it."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

import msgspec

from backend.accounts.schemas import SessionOut


class Relation(StrEnum):
    """What ties the caller to one young person (see guards.py)."""

    SELF = "self"
    CARER = "carer"  # placed with them now
    SOCIAL_WORKER = "social_worker"  # allocated to them now


class RecordAction(StrEnum):
    """What the caller may do with a record (a reply's `can`), worked out by guards.py."""

    INVITE = "invite"
    MANAGE_CARE_TEAM = "manage_care_team"
    MANAGE_DEVICES = "manage_devices"
    MANAGE_CARER_DEVICES = "manage_carer_devices"
    SEE_AUDIT = "see_audit"
    DOWNLOAD_POLICE_FORM = "download_police_form"
    NEW_SIGN_IN_LINK = "new_sign_in_link"
    EDIT_DETAILS = "edit_details"


@dataclass(frozen=True)
class Record:
    """A young person's record as other domains are told it (backend/young_people/api.py)."""

    id: uuid.UUID
    council_id: uuid.UUID
    preferred_name: str
    date_of_birth: dt.date
    user_id: uuid.UUID | None

    def age(self, today: dt.date) -> int:
        return age(self.date_of_birth, today)


def age(date_of_birth: dt.date, today: dt.date) -> int:
    before_birthday = (today.month, today.day) < (date_of_birth.month, date_of_birth.day)
    return today.year - date_of_birth.year - before_birthday


class YoungPersonIn(msgspec.Struct, forbid_unknown_fields=True):
    preferred_name: Annotated[str, msgspec.Meta(max_length=200)]
    date_of_birth: dt.date


class YoungPersonSummary(msgspec.Struct):
    id: uuid.UUID
    preferred_name: str
    age: int
    has_account: bool


class YoungPersonOut(msgspec.Struct):
    id: uuid.UUID
    preferred_name: str
    date_of_birth: dt.date
    age: int
    has_account: bool
    social_workers: list[str]
    carers: list[str]
    can: list[RecordAction]
    """What the caller may do with this record (the PWA shows only these)."""


class WhoSees(StrEnum):
    """Who can see a young person's information: people with an account, by their role,
    and those who see it without one (their trusted people; the police, by the form)."""

    SOCIAL_WORKER = "social_worker"
    CARER = "carer"
    MANAGER = "manager"
    TRUSTED_PEOPLE = "trusted_people"
    POLICE = "police"


class PersonWhoCanSee(msgspec.Struct):
    name: str
    role: WhoSees
    why: str
    can_see: bool = True  # False: their placement or allocation has ended
    ended_at: dt.datetime | None = None


class TeamMemberOut(msgspec.Struct):
    """A placement (a carer) or an allocation (a social worker), current or ended."""

    id: int
    user_id: uuid.UUID
    name: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    active: bool


class PlacementIn(msgspec.Struct, forbid_unknown_fields=True):
    carer_id: uuid.UUID
    instead_of: int | None = None  # the placement this one replaces (a move)


class AllocationIn(msgspec.Struct, forbid_unknown_fields=True):
    social_worker_id: uuid.UUID
    instead_of: int | None = None  # the allocation this one replaces (a hand-over)


class Colleague(msgspec.Struct):
    id: uuid.UUID
    name: str


class Look(msgspec.Struct):
    at: dt.datetime
    name: str
    role: str
    what: str
    refused: bool = False
    """Someone tried and was stopped (for the young person, `name` does not say who)."""


class CarerDevices(msgspec.Struct):
    """A carer placed with the young person, and where they are signed in."""

    carer_id: uuid.UUID
    name: str
    devices: list[SessionOut]


# -- what the council counts (backend/young_people/details.py) ---------------------------


class Sex(StrEnum):
    """SSDA903 SEX (from 2024-25): U is not known."""

    MALE = "M"
    FEMALE = "F"
    NOT_KNOWN = "U"


class Ethnicity(StrEnum):
    """The DfE's ethnic origin codes (SSDA903 ETHNIC). NOBT: not yet obtained; REFU:
    the young person or family refused to say."""

    WBRI = "WBRI"
    WIRI = "WIRI"
    WOTH = "WOTH"
    WIRT = "WIRT"
    WROM = "WROM"
    MWBC = "MWBC"
    MWBA = "MWBA"
    MWAS = "MWAS"
    MOTH = "MOTH"
    AIND = "AIND"
    APKN = "APKN"
    ABAN = "ABAN"
    AOTH = "AOTH"
    BCRB = "BCRB"
    BAFR = "BAFR"
    BOTH = "BOTH"
    CHNE = "CHNE"
    OOTH = "OOTH"
    REFU = "REFU"
    NOBT = "NOBT"


@dataclass(frozen=True)
class Details:
    """What the council counts about a young person, as other domains are told it."""

    young_person_id: uuid.UUID
    council_id: uuid.UUID
    date_of_birth: dt.date
    sex: Sex | None
    ethnicity: Ethnicity | None
    child_code: str | None
    looked_after: bool
    placed_out_of_area: bool
    legal_name: str | None = None
    placement_address: str | None = None


class DetailsIn(msgspec.Struct, forbid_unknown_fields=True):
    sex: Sex | None = None
    ethnicity: Ethnicity | None = None
    child_code: Annotated[str, msgspec.Meta(max_length=40)] | None = None
    looked_after: bool = False
    placed_out_of_area: bool = False
    # For the police form; None leaves what is kept as it is.
    legal_name: Annotated[str, msgspec.Meta(max_length=120)] | None = None
    placement_address: Annotated[str, msgspec.Meta(max_length=300)] | None = None


class DetailsOut(msgspec.Struct):
    sex: Sex | None
    ethnicity: Ethnicity | None
    child_code: str | None
    looked_after: bool
    placed_out_of_area: bool
    legal_name: str | None = None
    placement_address: str | None = None
