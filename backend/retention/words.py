"""How a retention run reads in the audit log."""

from __future__ import annotations

from backend.i18n import N_
from backend.words import wording

DELETED = wording(
    "retention.deleted",
    you=N_("deleted old information: {alert_locations} alert locations"),
)
