"""Missing episodes: the record, its timeline, and the places people are checking."""

from piccolo.columns import UUID, Boolean, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.episodes.schemas import EpisodeState, MissingFrom
from backend.personal import Personal, declare
from backend.piccolo_apps import elsewhere
from backend.sealed import encrypted

# Other domains' tables, by name: a domain never imports another's tables.
USER = elsewhere("accounts", "User")
COUNCIL = elsewhere("accounts", "Council")
YOUNG_PERSON = elsewhere("young_people", "YoungPerson")
CONTACT = elsewhere("contacts", "TrustedContact")


class Episode(Table):
    id = UUID(primary_key=True, default=UUID4())
    young_person: ForeignKey[Table] = ForeignKey(references=YOUNG_PERSON, null=False, index=True)
    council: ForeignKey[Table] = ForeignKey(references=COUNCIL, null=True, index=True)
    state = Varchar(length=20, choices=EpisodeState, index=True)
    missing_from = Varchar(length=8, choices=MissingFrom)
    started_at = Timestamptz()  # last seen: when their whereabouts became unknown
    opened_at = Timestamptz()  # when the carer started the worried guide
    opened_by: ForeignKey[Table] = ForeignKey(references=USER, null=True)
    reported_at = Timestamptz(null=True, default=None)
    reported_by = Varchar(length=24, null=True, default=None)  # a code of vocabulary.REPORTERS
    police_risk_grade = Varchar(length=20, null=True, default=None)
    suggested_risk_grade = Varchar(length=20, null=True, default=None)
    returned_at = Timestamptz(null=True, default=None)
    how_found = Varchar(length=24, null=True, default=None)  # vocabulary.HOW_FOUND
    returned_by = Varchar(length=24, null=True, default=None)  # vocabulary.RETURNED_BY
    safe_and_well_check = Boolean(null=True, default=None)
    # From care: "missing" or "away" without authorisation (schemas.Absence; SSDA903 M/A).
    absence = Varchar(length=8, null=True, default=None)
    # Sealed JSON: where last seen, circumstances, description, CAD number, who reported,
    # the risk factors ticked, actions taken, where found, by whom, follow-up.
    details = encrypted()
    updated_at = Timestamptz()


class EpisodeEvent(Table):
    """The timeline: what happened, as a code (backend/words.py), and who recorded it."""

    id = UUID(primary_key=True, default=UUID4())
    episode = ForeignKey(references=Episode, null=False, index=True)
    at = Timestamptz()
    code = Varchar(length=60)
    params = encrypted(null=True, default=None)
    by_user: ForeignKey[Table] = ForeignKey(references=USER, null=True)
    by_contact: ForeignKey[Table] = ForeignKey(references=CONTACT, null=True)
    by_name = encrypted()
    by_role = Varchar(length=20)


class SearchPlace(Table):
    """A place from the plan, copied when the guide starts, that someone can claim
    ("I'll check the park") and tick when they have looked."""

    id = UUID(primary_key=True, default=UUID4())
    episode = ForeignKey(references=Episode, null=False, index=True)
    position = Integer(default=0)
    place = encrypted()  # sealed JSON: name, where, notes
    claimed_by_user: ForeignKey[Table] = ForeignKey(references=USER, null=True)
    claimed_by_contact: ForeignKey[Table] = ForeignKey(references=CONTACT, null=True)
    claimed_by_name = encrypted(null=True, default=None)
    claimed_at = Timestamptz(null=True, default=None)
    checked_at = Timestamptz(null=True, default=None)
    checked_by_name = encrypted(null=True, default=None)
    note = encrypted(null=True, default=None)
    updated_at = Timestamptz()


KEPT = "as long as the young person's record"

declare(
    Episode,
    not_personal=(
        "state",
        "missing_from",
        "reported_by",
        "police_risk_grade",
        "suggested_risk_grade",
        "how_found",
        "returned_by",
        "absence",
    ),
    details=Personal(
        "a missing episode: where last seen, circumstances, description, police reference, "
        "risk factors, where found and by whom, follow-up",
        "the young person's carer and social worker",
        KEPT,
    ),
)
declare(
    EpisodeEvent,
    not_personal=("code", "by_role"),
    params=Personal("details of a step in a missing episode", "the carer and social worker", KEPT),
    by_name=Personal("who recorded a step in a missing episode", "the carer and social worker", KEPT),
)
declare(
    SearchPlace,
    place=Personal("a place the young person might be", "the carer, social worker, trusted people", KEPT),
    claimed_by_name=Personal("who is checking a place", "the carer, social worker, trusted people", KEPT),
    checked_by_name=Personal("who checked a place", "the carer, social worker, trusted people", KEPT),
    note=Personal("what they found at a place", "the carer, social worker, trusted people", KEPT),
)
