"""How trusted contacts' events read in "who has looked at my information"
(backend/words.py): `you` for the young person, `adult` for anyone else. Names are
parameters (sealed in the audit log). Attempts are infinitive: "Someone who isn't
allowed tried to look at your people."
"""

from __future__ import annotations

from backend.i18n import N_
from backend.words import wording

LOOKED = wording(
    "contacts.looked", you=N_("looked at your people"), adult=N_("looked at {young_person}'s people")
)
PLAN_COPY_SAVED = wording(
    "contacts.plan_copy_saved",
    you=N_("saved a copy of your plan on a phone"),
    adult=N_("saved a copy of {young_person}'s plan on a phone"),
)
ADDED = wording(
    "contacts.added",
    you=N_("added {name} to your people"),
    adult=N_("added {name} to {young_person}'s people"),
)
CHANGED = wording(
    "contacts.changed",
    you=N_("changed the details of {name}, one of your people"),
    adult=N_("changed the details of {name}, one of {young_person}'s people"),
)
REMOVED = wording(
    "contacts.removed",
    you=N_("removed {name} from your people"),
    adult=N_("removed {name} from {young_person}'s people"),
)
INVITED = wording(
    "contacts.invited",
    you=N_("made an invite for {name} to be one of your people"),
    adult=N_("made an invite for {name} to be one of {young_person}'s people"),
)
# Said by the contact themselves (their name is who did it).
ACCEPTED = wording(
    "contacts.accepted",
    you=N_("said yes to being one of your people"),
    adult=N_("said yes to being one of {young_person}'s people"),
)
STEPPED_DOWN = wording(
    "contacts.stepped_down",
    you=N_("stepped down from your people"),
    adult=N_("stepped down from {young_person}'s people"),
)
# Said by Homeward itself ("forget me", or the retention job): a count, never names.
FORGOTTEN = wording(
    "contacts.forgotten",
    you=N_("erased the details of {contacts} trusted people who had stepped down"),
)
# Kept in place of a forgotten person's name; shown translated.
FORGOTTEN_NAME = N_("A person who stepped down")

# What someone who was refused tried to do.
SEE = wording("contacts.see", you=N_("look at your people"), adult=N_("look at {young_person}'s people"))
ADD = wording(
    "contacts.add", you=N_("add someone to your people"), adult=N_("add someone to {young_person}'s people")
)
CHANGE = wording(
    "contacts.change",
    you=N_("change the details of one of your people"),
    adult=N_("change the details of one of {young_person}'s people"),
)
REMOVE = wording(
    "contacts.remove",
    you=N_("remove someone from your people"),
    adult=N_("remove someone from {young_person}'s people"),
)
INVITE = wording(
    "contacts.invite",
    you=N_("invite someone to be one of your people"),
    adult=N_("invite someone to be one of {young_person}'s people"),
)
KEEP_PLAN_COPY = wording(
    "contacts.keep_plan_copy",
    you=N_("keep a copy of your plan on a phone"),
    adult=N_("keep a copy of {young_person}'s plan on a phone"),
)
USE_AFTER_STEPPING_DOWN = wording(
    "contacts.use_after_stepping_down",
    you=N_("use Homeward after stepping down from your people"),
    adult=N_("use Homeward after stepping down from {young_person}'s people"),
)
USE_AFTER_REMOVED = wording(
    "contacts.use_after_removed",
    you=N_("use Homeward after being removed from your people"),
    adult=N_("use Homeward after being removed from {young_person}'s people"),
)
CHANGE_WITHOUT_CHECK = wording(
    "contacts.change_without_check", you=N_("change something without the safety check")
)
