"""How return interview events read in "who has looked at my information", in notices,
and the messages of refusals (backend/words.py). The young person hears "a chat about
what happened"; adults hear "return interview"."""

from __future__ import annotations

from backend.i18n import N_
from backend.words import wording

# -- audit: reads and changes ------------------------------------------------------------------
OPENED = wording(
    "interviews.opened",
    you=N_("looked at your chat about what happened"),
    adult=N_("looked at {young_person}'s return interview"),
)
REPORT_READ = wording(
    "interviews.report_read",
    you=N_("read what was written in your chat about what happened"),
    adult=N_("read {young_person}'s return interview report"),
)
SUMMARY_READ = wording(
    "interviews.summary_read",
    you=N_("read the summary of your chat about what happened"),
    adult=N_("read the summary of {young_person}'s return interview"),
)
OFFERED = wording(
    "interviews.offered",
    you=N_("asked if you would like a chat about what happened"),
    adult=N_("offered {young_person} a return interview"),
)
CHOSEN = wording(
    "interviews.chosen",
    you=N_("chose who you would like to talk to"),
    adult=N_("recorded who {young_person} chose to talk to"),
)
DECLINED = wording(
    "interviews.declined",
    you=N_("said no thanks to a chat about what happened"),
    adult=N_("recorded that {young_person} declined a return interview"),
)
SHARING_CHANGED = wording(
    "interviews.sharing_changed",
    you=N_("changed who can see what you said in your chat"),
    adult=N_("changed who can see {young_person}'s return interview"),
)
CONSENT_RECORDED = wording(
    "interviews.consent_recorded",
    you=N_("wrote down what your parent said about a chat"),
    adult=N_("recorded parental consent for {young_person}'s return interview"),
)
HELD = wording(
    "interviews.held",
    you=N_("wrote down your chat about what happened"),
    adult=N_("recorded {young_person}'s return interview"),
)
CARER_NOTE = wording(
    "interviews.carer_note",
    you=N_("added what they know about when you were away"),
    adult=N_("added what they know to {young_person}'s return interview"),
)

# -- attempts (what a refused caller tried to do) -----------------------------------------------
TRY_OPEN = wording(
    "interviews.try_open",
    you=N_("look at your chat about what happened"),
    adult=N_("look at {young_person}'s return interview"),
)
TRY_REPORT = wording(
    "interviews.try_report",
    you=N_("read what was written in your chat about what happened"),
    adult=N_("read {young_person}'s return interview report"),
)
TRY_CHANGE = wording(
    "interviews.try_change",
    you=N_("change your chat about what happened"),
    adult=N_("change {young_person}'s return interview"),
)

# -- notices (backend.notify) --------------------------------------------------------------------
NOTICE_OFFERED = wording(
    "interviews.notice.offered",
    you=N_("You can have a chat about what happened. Choose who you would like to talk to."),
    adult=N_("{young_person} has been offered a return interview."),
)
NOTICE_ANSWERED = wording(
    "interviews.notice.answered",
    you=N_("Thank you for telling us."),
    adult=N_("{young_person} has answered the offer of a return interview."),
)
NOTICE_REPORT = wording(
    "interviews.notice.report",
    you=N_("You can read what was written about your chat."),
    adult=N_(
        "{young_person}'s return interview is written up. "
        "Risk of going missing again: {risk}. Risks found: {risks}."
    ),
)

# -- messages ------------------------------------------------------------------------------------
NOT_FOUND = N_("There is no such interview.")
NOT_OFFERED = N_("This has not been offered yet.")
ALREADY_ANSWERED = N_("This has already been answered.")
ALREADY_HELD = N_("This interview has already been written up.")
NOT_DECLINED = N_("The carer can add what they know only when the young person said no.")
CHOOSE_INTERVIEWER = N_("Choose someone from the list.")
NAME_NEEDED = N_("Write the name of the person you trust.")
UNKNOWN_CODE = N_("Choose from the list.")
WHY_NEEDED = N_("Say why.")
CONSENT_NOT_NEEDED = N_("Parental consent is asked only for a child missing from home who is under 16.")
CONSENT_FIRST = N_("Parental consent is needed before the interview is held.")
NOT_BEFORE_RETURN = N_("The interview can't be before the return.")
NOT_IN_FUTURE = N_("That time is in the future.")
ONLY_ADMINS = N_("Only the council's admins keep the list of interviewers.")
NOT_FOR_YOUR_ROLE = N_("This is not part of your role.")
