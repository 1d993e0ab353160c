"""Alerts written before events became codes: each step of an alert's story becomes a
code and sealed parameters (the sentences the old code wrote are recognised; anything
else keeps its English words, sealed), recipients' names are sealed where they are, and
the name of who answered is replaced by a reference to their (sealed) recipient row."""

import json
import re

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder
from piccolo.querystring import QueryString

from backend.security import encrypt

ID = "2026-11-29T11:30:50:000000"
VERSION = "1.38.0"
DESCRIPTION = "alerts: events as codes, names sealed"

LEVELS = {"your people": "people", "your carer": "carer", "the social worker on duty": "duty"}
FINAL_ADVICE = "Nobody has answered yet. If you are in danger now, call 999. If not, call 101."
NOBODY_REACHED = "We couldn't reach any of your people. If you are in danger now, call 999. If not, call 101."
EXACT = {
    "You sent an alert": "alert.sent",
    "You sent an alert and shared where you are": "alert.sent_sharing",
    "You sent it again": "alert.sent_again",
    "You sent it again and shared where you are now": "alert.sent_again_sharing",
    "You said you're OK now": "alert.cancelled",
    FINAL_ADVICE: "alert.ran_out",
    NOBODY_REACHED: "alert.nobody_reached",
}
TO_LEVEL = re.compile(r"^(Sent to|Sent again to|Could not reach) (your people|your carer|the social worker on duty): (.+)$")
TO_LEVEL_CODES = {"Sent to": "alert.sent_to_", "Sent again to": "alert.sent_again_to_",
                  "Could not reach": "alert.unreachable_"}
ANSWERED = re.compile(r"^(.+) (has got this|can't right now)$")


def code_of(what: str) -> tuple[str, dict]:
    """The code and parameters of a sentence the old code wrote."""
    if what in EXACT:
        return EXACT[what], {}
    to_level = TO_LEVEL.match(what)
    if to_level:
        verb, level, names = to_level.groups()
        return TO_LEVEL_CODES[verb] + LEVELS[level], {"names": names.split(", ")}
    answered = ANSWERED.match(what)
    if answered:
        name, answer = answered.groups()
        return ("alert.acknowledged" if answer == "has got this" else "alert.declined"), {"name": name}
    return "alert.legacy", {"text": what}


async def _seal():
    # QueryString runs on the migration's own transaction: all of it commits, or none.
    engine = engine_finder()
    run = engine.run_querystring
    for row in await run(QueryString("SELECT id, what FROM alert_event WHERE code = ''")):
        code, params = code_of(row["what"])
        await run(QueryString(
            "UPDATE alert_event SET code = {}, params = {}, what = '' WHERE id = {}",
            code, encrypt(json.dumps(params, separators=(",", ":"))) if params else None, row["id"],
        ))
    for row in await run(QueryString("SELECT id, name FROM alert_recipient")):
        await run(QueryString("UPDATE alert_recipient SET name = {} WHERE id = {}", encrypt(row["name"]), row["id"]))
    answered = await run(QueryString(
        "SELECT id, alert, acknowledged_at FROM alert_recipient WHERE acknowledged_at IS NOT NULL "
        "ORDER BY acknowledged_at"
    ))
    first = {}
    for row in answered:
        first.setdefault(str(row["alert"]), row["id"])
    for alert in await run(QueryString("SELECT id FROM alert WHERE acknowledged_by <> ''")):
        recipient = first.get(str(alert["id"]))
        if recipient is not None:
            await run(QueryString(
                "UPDATE alert SET acknowledged_recipient = {} WHERE id = {}", recipient, alert["id"]))


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="alerts", description=DESCRIPTION)
    manager.add_raw(_seal)
    return manager
