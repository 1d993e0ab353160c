"""How a retention run reads in the audit log: counts only, never whose."""

from __future__ import annotations

from backend.i18n import N_
from backend.words import wording

# Written before retention was per council (kept so old events still read).
DELETED = wording(
    "retention.deleted",
    you=N_("deleted old information: {alert_locations} alert locations"),
)
# One batch of one kind, for one council (the other kinds are 0 in it).
DONE = wording(
    "retention.done",
    you=N_(
        "deleted what was due: {alert_locations} alert locations, {contacts} trusted people "
        "forgotten, {feedback_answers} feedback answers kept only as counts"
    ),
)
