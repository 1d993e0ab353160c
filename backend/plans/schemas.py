"""Plans' words for things (enums), the sections of a plan, and request and reply shapes.

The section types check what a person sends (`content.check_section`); the view types
are what a reader gets back, where a part the young person keeps from them is null.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated, Any

import msgspec

Line = Annotated[str, msgspec.Meta(max_length=200)]
Text = Annotated[str, msgspec.Meta(max_length=2000)]


class VersionStatus(StrEnum):
    DRAFT = "draft"
    AGREED = "agreed"
    SUPERSEDED = "superseded"


class SignerRole(StrEnum):
    """Who signs a plan, as they sign it."""

    YOUNG_PERSON = "young_person"
    CARER = "carer"
    SOCIAL_WORKER = "social_worker"


class ChangedBy(StrEnum):
    """Who changed a part of a plan: a signer, or a trusted contact stepping down."""

    YOUNG_PERSON = "young_person"
    CARER = "carer"
    SOCIAL_WORKER = "social_worker"
    TRUSTED_CONTACT = "trusted_contact"


class Audience(StrEnum):
    """Who a part of the plan may be shared with, beyond the young person's social worker."""

    CARER = "carer"
    SCHOOL = "school"
    POLICE = "police"
    TRUSTED_CONTACTS = "trusted_contacts"


class Section(StrEnum):
    """The parts of a plan as changes name them (the photo is stored as `photo_id`)."""

    ABOUT_ME = "about_me"
    WORRIES = "worries"
    PLACES = "places"
    CARER_STEPS = "carer_steps"
    SHARING = "sharing"
    PROFESSIONAL_NOTES = "professional_notes"
    TRIO = "trio"
    PHOTO = "photo_id"
    COMING_BACK = "coming_back"


class Part(StrEnum):
    """What the young person chooses to share, part by part (health is a part of its own)."""

    ABOUT_ME = "about_me"
    PHOTO = "photo"
    HEALTH = "health"
    WORRIES = "worries"
    PLACES = "places"
    TRIO = "trio"
    COMING_BACK = "coming_back"


class PlanAction(StrEnum):
    """What a reader may do with a plan: the `can` of a plan reply (see guards.can)."""

    EDIT_ABOUT_ME = "edit_about_me"
    EDIT_WORRIES = "edit_worries"
    EDIT_PLACES = "edit_places"
    EDIT_CARER_STEPS = "edit_carer_steps"
    EDIT_SHARING = "edit_sharing"
    EDIT_PROFESSIONAL_NOTES = "edit_professional_notes"
    EDIT_COMING_BACK = "edit_coming_back"
    ADD_PHOTO = "add_photo"
    SIGN = "sign"
    DOWNLOAD_POLICE_FORM = "download_police_form"
    CHANGE_PEOPLE = "change_people"


# -- sections as people write them ------------------------------------------------------


class AboutMe(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=False):
    name_i_like: Line = ""
    phone: Annotated[str, msgspec.Meta(max_length=30)] = ""  # my phone: my people call me on it
    height: Line = ""
    build: Line = ""
    hair: Line = ""
    usually_wear: Line = ""
    marks: Line = ""
    health_needs: Text = ""
    medication: Text = ""


class Worries(msgspec.Struct, forbid_unknown_fields=True):
    what_worries_me: Text = ""
    what_sets_it_off: Text = ""
    what_helps_me_feel_safe: Text = ""


class Place(msgspec.Struct, forbid_unknown_fields=True):
    name: Line
    where: Line = ""
    notes: Line = ""


class Places(msgspec.Struct, forbid_unknown_fields=True):
    might_go: Annotated[list[Place], msgspec.Meta(max_length=10)] = []
    safe: Annotated[list[Place], msgspec.Meta(max_length=10)] = []


class CarerStep(msgspec.Struct, forbid_unknown_fields=True):
    after_minutes: Annotated[int, msgspec.Meta(ge=0, le=7 * 24 * 60)]
    action: Line


class CarerSteps(msgspec.Struct, forbid_unknown_fields=True):
    steps: Annotated[list[CarerStep], msgspec.Meta(max_length=12)] = []


class ComingBack(msgspec.Struct, forbid_unknown_fields=True):
    """When I come back: how the young person wants to be welcomed home, in their own
    words (seed 000: welcome them back in a way that does not put them off returning)."""

    what_helps: Text = ""  # what helps when I come back
    please_dont: Text = ""  # what makes it worse


def _audiences(*which: Audience):
    return msgspec.field(default_factory=lambda: list(which))


class Sharing(msgspec.Struct, forbid_unknown_fields=True):
    """Per part of the plan, who outside the young person's social worker may see it."""

    about_me: list[Audience] = _audiences(Audience.CARER, Audience.POLICE, Audience.TRUSTED_CONTACTS)
    photo: list[Audience] = _audiences(Audience.CARER, Audience.POLICE)
    health: list[Audience] = _audiences(Audience.CARER, Audience.POLICE)
    worries: list[Audience] = _audiences(Audience.CARER)
    places: list[Audience] = _audiences(Audience.CARER, Audience.POLICE, Audience.TRUSTED_CONTACTS)
    trio: list[Audience] = _audiences(Audience.CARER, Audience.POLICE)
    coming_back: list[Audience] = _audiences(Audience.CARER)


class ProfessionalNotes(msgspec.Struct, forbid_unknown_fields=True):
    text: Annotated[str, msgspec.Meta(max_length=5000)] = ""


class TrioPerson(msgspec.Struct):
    """One of the young person's people as the plan keeps them (a copy: versions keep
    who it was). Written by the contacts domain through `plans.api.refresh_trio`."""

    id: str
    name: str
    how_they_know_me: str = ""
    phone: str = ""
    email: str = ""
    what_they_will_do: str = ""


class TrioState(StrEnum):
    """Where one of the young person's people stands now (the contacts domain's states).
    Live, not versioned: kept outside the signed content, so stepping down is no new
    version and clears no signature."""

    NOT_INVITED = "not_invited"
    INVITED = "invited"
    ACTIVE = "active"
    STEPPED_DOWN = "stepped_down"
    REMOVED = "removed"


class TrioPersonView(TrioPerson):
    """One of the people as a reader sees them: the version's copy, and where they stand
    now (None when not known)."""

    state: TrioState | None = None
    state_since: dt.datetime | None = None


# -- a plan as a reader sees it ---------------------------------------------------------


class AboutMeView(msgspec.Struct):
    """About me, where a field kept from this reader (health) is null."""

    name_i_like: str | None = ""
    phone: str | None = ""
    height: str | None = ""
    build: str | None = ""
    hair: str | None = ""
    usually_wear: str | None = ""
    marks: str | None = ""
    health_needs: str | None = ""
    medication: str | None = ""


class PlanContent(msgspec.Struct):
    """A version's content as its reader may see it: a part kept from them is null."""

    about_me: AboutMeView | None
    worries: Worries | None
    places: Places | None
    carer_steps: CarerSteps
    sharing: Sharing
    professional_notes: ProfessionalNotes
    trio: list[TrioPersonView] | None
    photo_id: str | None = None
    coming_back: ComingBack | None = None


class Signature(msgspec.Struct):
    name: str
    role: SignerRole
    signed_at: dt.datetime


class Change(msgspec.Struct):
    at: dt.datetime
    name: str
    role: ChangedBy
    section: str  # in the reader's words: the young person's ("my people"), else "their trusted people"
    section_key: Section  # for screens that word it for adults


class Signer(msgspec.Struct):
    name: str
    role: SignerRole


class VersionOut(msgspec.Struct):
    id: uuid.UUID
    number: int
    status: VersionStatus
    content: PlanContent
    content_hash: str
    created_at: dt.datetime
    updated_at: dt.datetime
    agreed_at: dt.datetime | None
    signatures: list[Signature]
    still_to_sign: list[SignerRole]
    changes: list[Change]
    # The parts of this version kept from the reader (their content is null or blank).
    kept_from_me: list[Part] = []


class PlanOut(msgspec.Struct):
    draft: VersionOut | None
    agreed: VersionOut | None
    review_due_at: dt.datetime | None
    review_reason: str
    review_overdue: bool
    blank: PlanContent
    # What the reader may do now, worked out by plans.guards (the screen copies no rule).
    can: list[PlanAction] = []
    # Who would have to sign again if this reader changed the plan now: those who signed
    # the draft as it is, or (with no draft) everyone else who signs a new version.
    sign_again: list[Signer] = []
    # True when the change asked for changed nothing: nothing was saved ("No changes").
    unchanged: bool = False


class VersionSummary(msgspec.Struct):
    number: int
    status: VersionStatus
    created_at: dt.datetime
    updated_at: dt.datetime
    agreed_at: dt.datetime | None


class FieldChange(msgspec.Struct):
    section: str
    field: str
    before: Any
    after: Any


class SignIn(msgspec.Struct, forbid_unknown_fields=True):
    content_hash: str


class PhotoIn(msgspec.Struct, forbid_unknown_fields=True):
    photo: str


class ReviewDue(msgspec.Struct):
    young_person_id: uuid.UUID
    preferred_name: str
    review_due_at: dt.datetime
    reason: str
    overdue: bool


class OfflinePlan(msgspec.Struct):
    """What a phone keeps of the plan to read with no signal (with the trio's state,
    which the contacts domain adds)."""

    agreed: VersionOut | None
    review_due_at: dt.datetime | None
