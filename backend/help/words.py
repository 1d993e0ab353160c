"""How a help request reads: the notice the young person's social worker gets. It says
only what kind of help: the lock screen shows generic words (notify pushes no text)."""

from __future__ import annotations

from backend.help.schemas import HelpAbout
from backend.i18n import N_
from backend.words import wording

ASKED = {
    HelpAbout.TALK: wording(
        "help.talk",
        you=N_("you asked your social worker to get in touch"),
        adult=N_("{young_person} asked you to get in touch"),
    ),
    HelpAbout.PROBLEM: wording(
        "help.problem",
        you=N_("you told your social worker something is wrong"),
        adult=N_("{young_person} wants to tell you about a problem"),
    ),
    HelpAbout.MY_INFORMATION: wording(
        "help.my_information",
        you=N_("you told your social worker something about you is wrong"),
        adult=N_("{young_person} says something Homeward holds about them is wrong"),
    ),
}
ONLY_YOUNG_PEOPLE = N_("Only a young person can ask for help here.")
