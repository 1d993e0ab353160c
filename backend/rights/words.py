"""How rights requests read (backend/words.py): the notices the social worker and the
young person get, the audit log's events, attempts that were refused, and errors.

A notice says only what kind of request it is: a lock screen shows no details."""

from __future__ import annotations

from backend.i18n import N_
from backend.words import wording

# Asked: the notice each of the young person's social workers gets, and the audit event.
ASKED_CORRECTION = wording(
    "rights.asked_correction",
    you=N_("asked for something Homeward holds about you to be put right"),
    adult=N_("{young_person} asked for something Homeward holds about them to be put right"),
)
ASKED_FORGET = wording(
    "rights.asked_forget",
    you=N_("asked to be forgotten as one of your trusted people"),
    adult=N_("one of {young_person}'s trusted people asked to be forgotten"),
)
# Answered: the audit events, and the notice the young person gets about their own.
DONE = wording(
    "rights.done",
    you=N_("answered a request about your information: done"),
    adult=N_("answered a request about {young_person}'s information: done"),
)
REFUSED = wording(
    "rights.refused",
    you=N_("answered a request about your information: not done, with the reason"),
    adult=N_("answered a request about {young_person}'s information: refused, with a reason"),
)
EXTENDED = wording(
    "rights.extended",
    you=N_("gave a request about your information more time, with the reason"),
    adult=N_("gave a request about {young_person}'s information more time, with a reason"),
)
# The sweep: a request past its deadline, told once to the social workers.
OVERDUE = wording(
    "rights.overdue",
    you=N_("a request about your information is late"),
    adult=N_("{young_person}: a request about their information is overdue"),
)
# The notice the young person gets when their own request is answered or given more time.
ANSWER_READY = wording(
    "rights.answer_ready",
    you=N_("your social worker answered your request to put something right"),
    adult=N_("{young_person}'s request to put something right was answered"),
)
ANSWERED = {"done": DONE, "refused": REFUSED, "extended": EXTENDED}
# Attempts (refused requests are audited with these).
ASK = wording(
    "rights.ask",
    you=N_("ask for something about you to be put right"),
    adult=N_("ask for something about {young_person} to be put right"),
)
SEE = wording(
    "rights.see",
    you=N_("see requests about your information"),
    adult=N_("see requests about {young_person}'s information"),
)
ANSWER = wording(
    "rights.answer",
    you=N_("answer a request about your information"),
    adult=N_("answer a request about {young_person}'s information"),
)

NOT_FOUND = N_("We couldn't find that request.")
NEEDS_REASON = N_("Write the reason, in words the person who asked will understand.")
ALREADY_ANSWERED = N_("This request has already been answered.")
EXTENDED_ONCE = N_("A request can be given more time only once.")
ONLY_SOCIAL_WORKERS = N_("Only a social worker has a list of requests.")
NEEDS_WHAT = N_("Say what is wrong.")
