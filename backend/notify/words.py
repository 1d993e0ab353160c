"""The notify domain's own notices (backend/words.py). Other domains declare the codes
of the notices they send in their own words.py."""

from __future__ import annotations

from backend.i18n import N_
from backend.words import wording

WELCOME = wording(
    "notify.welcome",
    you=N_("This is where Homeward tells you when something needs you."),
)
NO_SUCH_NOTICE = N_("There is no such notice.")
