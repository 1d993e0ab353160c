"""What is kept how long, and the job that deletes what is due.

Defaults (the safe ones; per-council settings are not built yet):
- an alert's shared location and the phone number sent with it: deleted 30 days after
  the alert ends.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from backend.alerts import api as alerts
from backend.audit.services import Action, record
from backend.clock import now
from backend.db import write_transaction
from backend.retention import words

ALERT_LOCATION_KEPT = dt.timedelta(days=30)
BATCH = 500


@dataclass(frozen=True)
class Report:
    dry_run: bool
    alert_locations: int

    def lines(self) -> list[str]:
        verb = "would delete" if self.dry_run else "deleted"
        return [f"{verb} the location and phone number of {self.alert_locations} ended alerts"]


async def run(*, dry_run: bool = False, batch: int = BATCH) -> Report:
    """Delete what is due now (or only count it), and audit the counts."""
    at = now()
    cutoff = at - ALERT_LOCATION_KEPT
    if dry_run:
        return Report(dry_run=True, alert_locations=await alerts.locations_due(cutoff))
    deleted = await alerts.forget_locations(cutoff, batch=batch)
    if deleted:
        async with write_transaction():
            await record(None, Action.CHANGE, words.DELETED, params={"alert_locations": deleted}, at=at)
    return Report(dry_run=False, alert_locations=deleted)
