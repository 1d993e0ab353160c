"""How the events of young people's records read (backend/words.py): to the young
person ("you") and to an adult (by name). Attempts are what a refused caller tried to
do, said as "to ..." without the "to"."""

from __future__ import annotations

from backend.i18n import N_
from backend.words import wording

# -- what happened ---------------------------------------------------------------------
ADDED = wording(
    "young_people.added", you=N_("added you to Homeward"), adult=N_("added {young_person} to Homeward")
)
RECORD_OPENED = wording(
    "young_people.record_opened",
    you=N_("looked at your information"),
    adult=N_("looked at {young_person}'s information"),
)
WHO_CAN_SEE_OPENED = wording(
    "young_people.who_can_see_opened",
    you=N_("looked at who can see your information"),
    adult=N_("looked at who can see {young_person}'s information"),
)
WHO_HAS_LOOKED_OPENED = wording(
    "young_people.who_has_looked_opened",
    you=N_("looked at who has seen your information"),
    adult=N_("looked at who has seen {young_person}'s information"),
)
DEVICES_OPENED = wording(
    "young_people.devices_opened",
    you=N_("looked at the phones you are signed in on"),
    adult=N_("looked at the phones {young_person} is signed in on"),
)
DEVICE_SIGNED_OUT = wording(
    "young_people.device_signed_out",
    you=N_("signed out one of your phones"),
    adult=N_("signed out one of {young_person}'s phones"),
)
CARER_DEVICES_OPENED = wording(
    "young_people.carer_devices_opened",
    you=N_("looked at which phones your carers are signed in on"),
    adult=N_("looked at which phones {young_person}'s carers are signed in on"),
)
CARER_DEVICE_SIGNED_OUT = wording(
    "young_people.carer_device_signed_out", you=N_("signed out one of {carer}'s phones")
)
PLACEMENTS_OPENED = wording(
    "young_people.placements_opened",
    you=N_("looked at who looks after you"),
    adult=N_("looked at who looks after {young_person}"),
)
ALLOCATIONS_OPENED = wording(
    "young_people.allocations_opened",
    you=N_("looked at who your social workers are"),
    adult=N_("looked at who {young_person}'s social workers are"),
)
PLACEMENT_STARTED = wording(
    "young_people.placement_started",
    you=N_("{name} looks after you now"),
    adult=N_("{name} looks after {young_person} now"),
)
PLACEMENT_ENDED = wording(
    "young_people.placement_ended",
    you=N_("{name} no longer looks after you"),
    adult=N_("{name} no longer looks after {young_person}"),
)
ALLOCATION_STARTED = wording(
    "young_people.allocation_started",
    you=N_("{name} is your social worker now"),
    adult=N_("{name} is {young_person}'s social worker now"),
)
ALLOCATION_ENDED = wording(
    "young_people.allocation_ended",
    you=N_("{name} is no longer your social worker"),
    adult=N_("{name} is no longer {young_person}'s social worker"),
)

DETAILS_OPENED = wording(
    "young_people.details_opened",
    you=N_("looked at what the council records about you for its figures"),
    adult=N_("looked at what the council records about {young_person} for its figures"),
)
DETAILS_CHANGED = wording(
    "young_people.details_changed",
    you=N_("changed what the council records about you for its figures"),
    adult=N_("changed what the council records about {young_person} for its figures"),
)
# -- what a refused caller tried to do ----------------------------------------------------
OPEN_RECORD = wording(
    "young_people.open_record",
    you=N_("look at your information"),
    adult=N_("look at {young_person}'s information"),
)
SEE_WHO_CAN_SEE = wording(
    "young_people.see_who_can_see",
    you=N_("look at who can see your information"),
    adult=N_("look at who can see {young_person}'s information"),
)
SEE_WHO_HAS_LOOKED = wording(
    "young_people.see_who_has_looked",
    you=N_("look at who has looked at your information"),
    adult=N_("look at who has looked at {young_person}'s information"),
)
SEE_DEVICES = wording(
    "young_people.see_devices",
    you=N_("look at the phones you are signed in on"),
    adult=N_("look at the phones {young_person} is signed in on"),
)
SIGN_OUT_DEVICE = wording(
    "young_people.sign_out_device",
    you=N_("sign out one of your phones"),
    adult=N_("sign out one of {young_person}'s phones"),
)
SEE_CARER_DEVICES = wording(
    "young_people.see_carer_devices",
    you=N_("look at which phones your carers are signed in on"),
    adult=N_("look at which phones {young_person}'s carers are signed in on"),
)
SIGN_OUT_CARER_DEVICE = wording(
    "young_people.sign_out_carer_device",
    you=N_("sign out one of your carers' phones"),
    adult=N_("sign out one of {young_person}'s carers' phones"),
)
SEE_CARE_TEAM = wording(
    "young_people.see_care_team",
    you=N_("look at who looks after you"),
    adult=N_("look at who looks after {young_person}"),
)
CHANGE_CARE_TEAM = wording(
    "young_people.change_care_team",
    you=N_("change who looks after you"),
    adult=N_("change who looks after {young_person}"),
)

SEE_DETAILS = wording(
    "young_people.see_details",
    you=N_("look at what the council records about you for its figures"),
    adult=N_("look at what the council records about {young_person} for its figures"),
)
CHANGE_DETAILS = wording(
    "young_people.change_details",
    you=N_("change what the council records about you for its figures"),
    adult=N_("change what the council records about {young_person} for its figures"),
)
CHILD_CODE_FORM = N_("Use 1 to 10 letters or digits.")
CHILD_CODE_TAKEN = N_("Another young person of this council has this identifier.")
# -- who can see the record, and why (not events: the same two readers) -------------------
WHY_SOCIAL_WORKER = wording(
    "young_people.why_social_worker",
    you=N_("They are your social worker."),
    adult=N_("They are {young_person}'s social worker."),
)
WHY_CARER = wording(
    "young_people.why_carer",
    you=N_("They look after you where you live."),
    adult=N_("They look after {young_person} at home."),
)
NO_LONGER_SOCIAL_WORKER = wording(
    "young_people.no_longer_social_worker",
    you=N_("{name} is no longer your social worker, so they can't see your information now."),
    adult=N_(
        "{name} is no longer {young_person}'s social worker, so they can't see "
        "{young_person}'s information now."
    ),
)
NO_LONGER_CARER = wording(
    "young_people.no_longer_carer",
    you=N_("{name} no longer looks after you, so they can't see your information now."),
    adult=N_(
        "{name} no longer looks after {young_person}, so they can't see {young_person}'s information now."
    ),
)
MANAGERS = wording(
    "young_people.managers",
    you=N_("Managers at your council"),
    adult=N_("Managers at {young_person}'s council"),
)
WHY_MANAGERS = wording(
    "young_people.why_managers",
    you=N_(
        "They see numbers, like how many young people go missing, not your name. If you are "
        "missing for more than 48 hours, a senior manager is told your name so they can help."
    ),
    adult=N_(
        "They see numbers, like how many young people go missing, not {young_person}'s name. "
        "If {young_person} is missing for more than 48 hours, a senior manager is told their "
        "name so they can help."
    ),
)
MY_PEOPLE = wording(
    "young_people.my_people",
    you=N_("Your trusted people"),
    adult=N_("{young_person}'s trusted people"),
)
WHY_MY_PEOPLE = wording(
    "young_people.why_my_people",
    you=N_(
        "They see your first name and the alerts you send them. If you go missing, they see "
        "the places in your plan you share with them, so they can help look."
    ),
    adult=N_(
        "They see {young_person}'s first name and the alerts {young_person} sends them. If "
        "{young_person} goes missing, they see the places in the plan shared with them, so "
        "they can help look."
    ),
)
POLICE = wording("young_people.police", you=N_("The police"))
WHY_POLICE = wording(
    "young_people.why_police",
    you=N_(
        "Only if you go missing: your carer or social worker gives them a form with the parts "
        "of your plan you chose to share with the police."
    ),
    adult=N_(
        "Only if {young_person} goes missing: their carer or social worker gives the police a "
        "form with the parts of the plan {young_person} chose to share with them."
    ),
)

# -- errors ---------------------------------------------------------------------------------
NOT_FOUND = N_("No young person with that id is on your list.")
NOT_SIGNED_IN = N_("That phone or browser is not signed in.")
ONLY_SOCIAL_WORKERS_ADD = N_("Only a social worker can add a young person.")
NOT_FOR_YOUR_ROLE = N_("Your role sees figures or accounts, not young people's records.")
NAME_NEEDED = N_("Enter the name they like to be called (up to 60 letters).")
AGE_NEEDED = N_("Enter a date of birth for someone aged 8 to 25.")
