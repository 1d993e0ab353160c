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

# -- new sign-in links (a forgotten PIN, a lost phone) ---------------------------------
SIGN_IN_LINK_MADE = wording(
    "invites.sign_in_link_made",
    you=N_("made you a new sign-in link"),
    adult=N_("made {young_person} a new sign-in link"),
)
# The notice the young person gets (on any phone still signed in): if they did not ask
# for it, they can tell someone.
SIGN_IN_LINK_NOTICE = wording(
    "invites.sign_in_link_notice",
    you=N_("{name} made you a new sign-in link. If you didn't ask for one, tell someone you trust."),
    adult=N_("{name} made {young_person} a new sign-in link."),
)
SIGN_IN_LINK_USED = wording(
    "invites.sign_in_link_used",
    you=N_("signed in with a new sign-in link and chose a new PIN"),
    adult=N_("signed in with a new sign-in link"),
)
RESET_LINK_USED = wording(
    "invites.reset_link_used",
    you=N_("reset their password and second factor with a reset link"),
)
MAKE_SIGN_IN_LINK = wording(
    "invites.make_sign_in_link",
    you=N_("make a new sign-in link for you"),
    adult=N_("make a new sign-in link for {young_person}"),
)
EMAILED = wording(
    "invites.emailed",
    you=N_("emailed an invite"),
    adult=N_("emailed an invite for {young_person}"),
)
SEE = wording(
    "invites.see",
    you=N_("see the invites made for you"),
    adult=N_("see the invites made for {young_person}"),
)
NOT_JOINED = N_("This young person hasn't joined yet. Make them an invite instead.")
NO_EMAIL = N_("Email isn't set up here. Text the link or show the QR code instead.")
NOT_EMAILED = N_("The email could not be sent. Text the link or show the QR code instead.")
EMAIL_SUBJECT = N_("Your invite to Homeward")
EMAIL_BODY = N_(
    "{sender} has invited you to join Homeward for {young_person}.\n\n"
    "Open this link on your phone to join:\n{url}\n\n"
    "Or type this code on the Join page: {code}\n\n"
    "The invite works once, until {until}."
)
