"""The alert path's words: the steps of an alert's story, its audit events, and the
texts people read (the kinds of alert, the advice, the emails).

A step of the story is stored as a code and sealed parameters; it reads to the young
person ("Sent to your people: Lou, Dan") or to an adult ("Sent to Jade's people: Lou,
Dan") in the reader's language. Names of people asked are parameters, so they stay
sealed in the database.
"""

from __future__ import annotations

import re

from backend.alerts.schemas import Kind, Level
from backend.i18n import N_, translate
from backend.words import Reader, render, wording

# -- the story of one alert --------------------------------------------------------------

SENT = wording("alert.sent", you=N_("You sent an alert"), adult=N_("{young_person} sent an alert"))
SENT_SHARING = wording(
    "alert.sent_sharing",
    you=N_("You sent an alert and shared where you are"),
    adult=N_("{young_person} sent an alert and shared where they are"),
)
SENT_AGAIN = wording(
    "alert.sent_again", you=N_("You sent it again"), adult=N_("{young_person} sent it again")
)
SENT_AGAIN_SHARING = wording(
    "alert.sent_again_sharing",
    you=N_("You sent it again and shared where you are now"),
    adult=N_("{young_person} sent it again and shared where they are now"),
)
SENT_TO = {
    Level.PEOPLE: wording(
        "alert.sent_to_people",
        you=N_("Sent to your people: {names}"),
        adult=N_("Sent to {young_person}'s people: {names}"),
    ),
    Level.CARER: wording(
        "alert.sent_to_carer",
        you=N_("Sent to your carer: {names}"),
        adult=N_("Sent to {young_person}'s carer: {names}"),
    ),
    Level.DUTY: wording("alert.sent_to_duty", you=N_("Sent to the social worker on duty: {names}")),
}
SENT_TO_SOCIAL_WORKER = wording(
    "alert.sent_to_social_worker",
    you=N_("Sent to your social worker: {names}"),
    adult=N_("Sent to {young_person}'s social worker: {names}"),
)
SENT_TO_KNOWN = wording(
    "alert.sent_to_known_worker",
    you=N_("Sent to the out-of-hours worker who knows you: {names}"),
    adult=N_("Sent to the out-of-hours worker who knows {young_person}: {names}"),
)
SENT_AGAIN_TO = {
    Level.PEOPLE: wording(
        "alert.sent_again_to_people",
        you=N_("Sent again to your people: {names}"),
        adult=N_("Sent again to {young_person}'s people: {names}"),
    ),
    Level.CARER: wording(
        "alert.sent_again_to_carer",
        you=N_("Sent again to your carer: {names}"),
        adult=N_("Sent again to {young_person}'s carer: {names}"),
    ),
    Level.DUTY: wording(
        "alert.sent_again_to_duty", you=N_("Sent again to the social worker on duty: {names}")
    ),
}
SENT_AGAIN_TO_SOCIAL_WORKER = wording(
    "alert.sent_again_to_social_worker",
    you=N_("Sent again to your social worker: {names}"),
    adult=N_("Sent again to {young_person}'s social worker: {names}"),
)
SENT_AGAIN_TO_KNOWN = wording(
    "alert.sent_again_to_known_worker",
    you=N_("Sent again to the out-of-hours worker who knows you: {names}"),
    adult=N_("Sent again to the out-of-hours worker who knows {young_person}: {names}"),
)
UNREACHABLE = {
    Level.PEOPLE: wording(
        "alert.unreachable_people",
        you=N_("Could not reach your people: {names}"),
        adult=N_("Could not reach {young_person}'s people: {names}"),
    ),
    Level.CARER: wording(
        "alert.unreachable_carer",
        you=N_("Could not reach your carer: {names}"),
        adult=N_("Could not reach {young_person}'s carer: {names}"),
    ),
    Level.DUTY: wording(
        "alert.unreachable_duty", you=N_("Could not reach the social worker on duty: {names}")
    ),
}
UNREACHABLE_SOCIAL_WORKER = wording(
    "alert.unreachable_social_worker",
    you=N_("Could not reach your social worker: {names}"),
    adult=N_("Could not reach {young_person}'s social worker: {names}"),
)
UNREACHABLE_KNOWN = wording(
    "alert.unreachable_known_worker",
    you=N_("Could not reach the out-of-hours worker who knows you: {names}"),
    adult=N_("Could not reach the out-of-hours worker who knows {young_person}: {names}"),
)
ACKNOWLEDGED = wording("alert.acknowledged", you=N_("{name} has got this"))
DECLINED = wording("alert.declined", you=N_("{name} can't right now"))
CANCELLED = wording(
    "alert.cancelled", you=N_("You said you're OK now"), adult=N_("{young_person} said they're OK now")
)
FINAL_ADVICE = N_("Nobody has answered yet. If you are in danger now, call 999. If not, call 101.")
NOBODY_REACHED = N_(
    "We couldn't reach any of your people. If you are in danger now, call 999. If not, call 101."
)
RAN_OUT = wording(
    "alert.ran_out",
    you=FINAL_ADVICE,
    adult=N_(
        "Nobody answered in time. {young_person} and their carer were told to call 999 if in danger, or 101."
    ),
)
NOBODY = wording(
    "alert.nobody_reached",
    you=NOBODY_REACHED,
    adult=N_(
        "Nobody could be reached. {young_person} and their carer were told to call 999 if in danger, or 101."
    ),
)
# A step written as an English sentence that the migration to codes did not recognise.
LEGACY = wording("alert.legacy", you="{text}")

# -- the audit log ---------------------------------------------------------------------

AUDIT_SENT = wording(
    "alert.raise",
    you=N_("sent an alert to your people"),
    adult=N_("sent an alert to {young_person}'s people"),
)
AUDIT_SENT_AGAIN = wording(
    "alert.raise_again", you=N_("sent your alert again"), adult=N_("sent {young_person}'s alert again")
)
AUDIT_CANCELLED = wording(
    "alert.stop", you=N_("cancelled your alert"), adult=N_("cancelled {young_person}'s alert")
)
AUDIT_READ = wording(
    "alert.read", you=N_("looked at your alert"), adult=N_("looked at {young_person}'s alert")
)
AUDIT_OPENED = wording("alert.opened", you=N_("opened your alert"), adult=N_("opened {young_person}'s alert"))
AUDIT_HISTORY = wording(
    "alerts.read", you=N_("looked at your alerts"), adult=N_("looked at {young_person}'s alerts")
)
AUDIT_ACKNOWLEDGED = wording(
    "alert.answered_yes",
    you=N_("said they have got your alert"),
    adult=N_("said they have got {young_person}'s alert"),
)
AUDIT_DECLINED = wording("alert.answered_no", you=N_("said they can't help right now"))
AUDIT_RAN_OUT = wording(
    "alert.ran_out_audit",
    you=N_(
        "nobody answered your alert in time; you and your carer were told to call 999 if in danger, or 101"
    ),
    adult=N_(
        "nobody answered {young_person}'s alert in time; they and their carer were told to call 999 "
        "if in danger, or 101"
    ),
)
AUDIT_READINESS = wording(
    "alerts.readiness",
    you=N_("looked at who your alert would reach"),
    adult=N_("looked at who {young_person}'s alert would reach"),
)
AUDIT_NOBODY_REACHED = wording(
    "alert.nobody_reached_audit",
    you=N_(
        "your alert could not reach anyone; you and your carer were told to call 999 if in danger, or 101"
    ),
    adult=N_(
        "{young_person}'s alert could not reach anyone; they and their carer were told to call 999 "
        "if in danger, or 101"
    ),
)
AUDIT_KNOWN_WORKER_READ = wording(
    "alerts.known_worker_read",
    you=N_("looked at who is asked first at night and at weekends"),
    adult=N_("looked at {young_person}'s out-of-hours worker"),
)
AUDIT_KNOWN_WORKER_CHOSEN = wording(
    "alerts.known_worker_chosen",
    you=N_("chose {name} as the out-of-hours worker who knows you"),
    adult=N_("chose {name} as the out-of-hours worker who knows {young_person}"),
)
AUDIT_KNOWN_WORKER_CLEARED = wording(
    "alerts.known_worker_cleared",
    you=N_("took away the out-of-hours worker who knows you"),
    adult=N_("took away the out-of-hours worker who knows {young_person}"),
)
# Refused attempts: what they tried to do.
TRY_OPEN = wording("alert.open", you=N_("look at your alert"), adult=N_("look at {young_person}'s alert"))
TRY_ANSWER = wording("alert.answer", you=N_("answer your alert"), adult=N_("answer {young_person}'s alert"))
TRY_HISTORY = wording(
    "alerts.open", you=N_("look at your alerts"), adult=N_("look at {young_person}'s alerts")
)
TRY_READINESS = wording(
    "alerts.readiness_open",
    you=N_("look at who your alert would reach"),
    adult=N_("look at who {young_person}'s alert would reach"),
)
TRY_KNOWN_WORKER = wording(
    "alerts.known_worker_open",
    you=N_("look at who is asked first at night and at weekends"),
    adult=N_("look at {young_person}'s out-of-hours worker"),
)
TRY_CHOOSE_KNOWN_WORKER = wording(
    "alerts.known_worker_choose",
    you=N_("choose who is asked first at night and at weekends"),
    adult=N_("choose {young_person}'s out-of-hours worker"),
)
TRY_CANCEL = wording("alert.cancel", you=N_("stop your alert"), adult=N_("stop {young_person}'s alert"))
TRY_MISSING = wording("alert.open_missing", you=N_("open an alert that does not exist"))
TRY_ANSWER_MISSING = wording("alert.answer_missing", you=N_("answer an alert that does not exist"))
TRY_CANCEL_MISSING = wording("alert.cancel_missing", you=N_("stop an alert that does not exist"))

# -- notices to the young person's social worker (backend.notify) -----------------------

NOTICE_NO_ANSWER = wording(
    "alert.notice_no_answer",
    you=N_("Nobody answered your alert in time. You were told to call 999 if in danger, or 101."),
    adult=N_(
        "Nobody answered {young_person}'s alert in time. They and their carer were told to call 999 "
        "if in danger, or 101."
    ),
)
NOTICE_NOBODY_REACHED = wording(
    "alert.notice_nobody_reached",
    you=N_("Your alert could not reach anyone. You were told to call 999 if in danger, or 101."),
    adult=N_(
        "{young_person}'s alert could not reach anyone: nobody had notifications on. They were told "
        "to call 999 if in danger, or 101."
    ),
)

# -- texts people read -----------------------------------------------------------------

KINDS = {
    Kind.NEED_HELP: N_("I need help"),
    Kind.SAFE_NOT_HOME: N_("I'm safe but not home yet"),
    Kind.CALL_ME: N_("Please call me"),
}
AN_ALERT = N_("Alert")
NOT_FOUND = N_("There is no such alert.")
ONLY_YOUNG_PEOPLE = N_("Only a young person can send an alert.")
NOT_OUT_OF_HOURS = N_("Choose one of the council's out-of-hours workers.")
EMAIL_SUBJECT = N_("Homeward: someone needs you")
EMAIL_ALERT = N_("Someone you support needs you. Open Homeward:\n\n{link}\n")
EMAIL_CALL_999 = N_(
    "Nobody has answered an alert yet. If someone is in danger now, call 999. If not, call 101.\n\n{link}\n"
)


def kind_words(kind: str | None, *, recipient: bool = False) -> str:
    """What the young person said; a recipient with no kind reads "I need help"."""
    if kind:
        return translate(KINDS[Kind(kind)])
    return translate(KINDS[Kind.NEED_HELP] if recipient else AN_ALERT)


def _about_them(text: str, young_person: str) -> str:
    """A sentence written to the young person ("You sent an alert") told about them,
    for an adult: only for steps from before codes that nothing else recognised."""
    text = re.sub(r"^You said you're\b", f"{young_person} said they're", text)
    text = re.sub(r"^You\b", young_person, text)
    for mine, theirs in (
        (r"\byou're\b", "they're"),
        (r"\byou are\b", "they are"),
        (r"\byour\b", "their"),
        (r"\byou\b", "they"),
    ):
        text = re.sub(mine, theirs, text)
    return text


def story_line(code: str, params: dict, reader: Reader, young_person: str) -> str:
    """One step of the story, for `reader`, in the current language."""
    if code == LEGACY:
        text = str(params.get("text", ""))
        return text if reader is Reader.YOUNG_PERSON else _about_them(text, young_person)
    return render(code, {"young_person": young_person, **params}, reader)
