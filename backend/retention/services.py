"""What is kept how long, and the job that deletes what is due.

Each council sets how long (its settings screen, `homeward council-settings`; safe
defaults and bounds in backend/councils): `homeward retention` (and the daily background
job) goes council by council and kind by kind, in batches. Each batch deletes and
audits its count in one transaction, so a crash loses nothing, not even the audit, and a
rerun finishes the work. The audit says how many, never whose.

- an alert's shared location and the phone number sent with it: deleted the council's
  number of hours after the alert ends;
- a trusted person who stepped down or was removed: forgotten (details erased, a
  placeholder stays) the council's number of days after;
- police-feedback answers: kept only as counts per question the council's number of
  days after their month's links ran out (the figures stay the same).

Records of young people whose case has closed (no social worker allocated, no carer
placement) are kept until the council's birthday (the 75th for a child who is looked
after, as the law asks; its age for others). This job does not delete them yet: it
reports how many are past that, for the council's records manager (docs/privacy/dpia.md).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from backend.alerts import api as alerts
from backend.audit.services import Action, record
from backend.clock import now
from backend.contacts import api as contacts
from backend.councils import api as councils
from backend.db import write_transaction
from backend.feedback import api as feedback
from backend.retention import words
from backend.young_people import api as young_people

BATCH = 500
DAILY = dt.timedelta(days=1)
KINDS = ("alert_locations", "contacts", "feedback_answers")


@dataclass
class Counts:
    alert_locations: int = 0
    contacts: int = 0
    feedback_answers: int = 0
    # Reported, not deleted: young people's records past the council's schedule.
    young_people_due: int = 0


@dataclass(frozen=True)
class Report:
    dry_run: bool
    councils: dict[uuid.UUID, Counts] = field(default_factory=dict)

    def total(self, kind: str) -> int:
        return sum(getattr(counts, kind) for counts in self.councils.values())

    @property
    def alert_locations(self) -> int:
        return self.total("alert_locations")

    @property
    def contacts(self) -> int:
        return self.total("contacts")

    @property
    def feedback_answers(self) -> int:
        return self.total("feedback_answers")

    @property
    def young_people_due(self) -> int:
        return self.total("young_people_due")

    def lines(self) -> list[str]:
        verb = "would delete" if self.dry_run else "deleted"
        forget = "would forget" if self.dry_run else "forgot"
        keep = "would keep" if self.dry_run else "kept"
        return [
            f"{verb} the location and phone number of {self.alert_locations} ended alerts",
            f"{forget} {self.contacts} trusted people who stepped down",
            f"{keep} {self.feedback_answers} police-feedback answers only as counts",
            f"{self.young_people_due} young people's records are past their council's schedule "
            "(case closed, birthday reached): Homeward does not delete these yet; "
            "the council's records manager does",
        ]


async def _audit(council_id: uuid.UUID, kind: str, count: int, at: dt.datetime) -> None:
    params = {name: 0 for name in KINDS} | {kind: count, "council": str(council_id)}
    await record(None, Action.CHANGE, words.DONE, params=params, at=at)


async def _batches(council_id: uuid.UUID, kind: str, one_batch, at: dt.datetime) -> int:
    """Run `one_batch()` (returns how many it changed) until nothing is due, each batch
    with the audit of its count in the same transaction."""
    done = 0
    while True:
        async with write_transaction():
            changed = await one_batch()
            if changed:
                await _audit(council_id, kind, changed, at)
        if not changed:
            return done
        done += changed


async def _council(
    council_id: uuid.UUID, keep: councils.Retention, at: dt.datetime, dry_run: bool, batch: int
) -> Counts:
    located_before = at - dt.timedelta(hours=keep.alert_location_hours)
    stepped_down_before = at - dt.timedelta(days=keep.stepped_down_contact_days)
    answers_kept = dt.timedelta(days=keep.feedback_answers_days)
    due = await young_people.past_schedule(
        council_id,
        looked_after_until_age=keep.looked_after_until_age,
        other_until_age=keep.other_until_age,
        today=at.date(),
    )
    if dry_run:
        return Counts(
            alert_locations=await alerts.locations_due(located_before, council_id),
            contacts=await contacts.forgettable_count(council_id, stepped_down_before),
            feedback_answers=await feedback.answers_due(council_id, answers_kept, at),
            young_people_due=due,
        )

    async def locations() -> int:
        return await alerts.forget_locations_batch(located_before, batch=batch, council_id=council_id)

    async def people() -> int:
        due = await contacts.forgettable(council_id, stepped_down_before, limit=batch)
        return await contacts.forget_contacts(due, at=at, audited=False) if due else 0

    async def answers() -> int:
        return await feedback.answers_to_counts_batch(council_id, answers_kept, at, batch=batch)

    return Counts(
        alert_locations=await _batches(council_id, "alert_locations", locations, at),
        contacts=await _batches(council_id, "contacts", people, at),
        feedback_answers=await _batches(council_id, "feedback_answers", answers, at),
        young_people_due=due,
    )


async def run(*, dry_run: bool = False, batch: int = BATCH) -> Report:
    """Delete what is due now in every council, by its settings (or only count it)."""
    at = now()
    report = Report(dry_run=dry_run)
    for council_id, keep in (await councils.retention_by_council()).items():
        report.councils[council_id] = await _council(council_id, keep, at, dry_run, batch)
    return report


async def daily() -> None:
    """The background job (backend/wiring.py): what `homeward retention` does."""
    await run()
