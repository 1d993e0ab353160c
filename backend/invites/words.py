"""How invite events read (backend/words.py), and the words of invite errors."""

from __future__ import annotations

from backend.i18n import N_
from backend.words import wording

MADE_FOR_YOUNG_PERSON = wording(
    "invites.made_for_young_person",
    you=N_("made an invite for you to join"),
    adult=N_("made an invite for {young_person} to join"),
)
MADE_FOR_CARER = wording(
    "invites.made_for_carer",
    you=N_("made an invite for a carer"),
    adult=N_("made an invite for a carer of {young_person}"),
)
JOINED = wording(
    "invites.joined", you=N_("joined Homeward on your phone"), adult=N_("joined Homeward on their phone")
)
CARER_JOINED = wording(
    "invites.carer_joined", you=N_("joined as your carer"), adult=N_("joined as {young_person}'s carer")
)
# What a refused caller tried to do.
MAKE = wording(
    "invites.make",
    you=N_("invite someone to join Homeward for you"),
    adult=N_("invite someone to join Homeward for {young_person}"),
)

GONE = N_("This invite has run out or been used. Ask for a new one.")
DOES_NOT_WORK = N_("This invite doesn't work")
ALREADY_JOINED = N_("This young person has already joined Homeward.")
NAME_NEEDED = N_("Enter your name as the young person knows you.")
