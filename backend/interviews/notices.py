"""Who is told what about a return interview (backend.notify), inside the write
transaction: the young person when it is offered; their social workers when the young
person answers and when the interviewer's report is written up, with the risks it found.
"""

from __future__ import annotations

from typing import Any

from backend.interviews import vocabulary, words
from backend.notify import api as notify
from backend.young_people import api as young_people


async def _send(to_user, code: str, row: dict[str, Any], link: str, once_key: str, **params: Any) -> None:
    if to_user is None:
        return
    await notify.send(
        to_user=to_user,
        code=code,
        params=params,
        young_person_id=row["young_person"],
        link=link,
        once_key=once_key,
    )


async def _name(row: dict[str, Any]) -> str:
    found = await young_people.record(row["young_person"])
    return found.preferred_name if found else ""


async def offered(row: dict[str, Any]) -> None:
    found = await young_people.record(row["young_person"])
    if found is not None:
        await _send(
            found.user_id,
            words.NOTICE_OFFERED,
            row,
            f"#/chat/{row['id']}",
            f"interview:{row['id']}:offered",
            young_person=found.preferred_name,
        )


async def answered(row: dict[str, Any]) -> None:
    name = await _name(row)
    for worker in await young_people.social_workers(row["young_person"]):
        await _send(
            worker.id,
            words.NOTICE_ANSWERED,
            row,
            f"#/interviews/{row['id']}",
            f"interview:{row['id']}:answered",
            young_person=name,
        )


async def report_ready(row: dict[str, Any], risks: list[str]) -> None:
    """`risks` are catalogue keys below `interviews.` (high_risk_category.<code>, repeat_risk.<code>)."""
    name = await _name(row)
    # The guidance's own words for the risks (professional terms, as the form has them).
    labels = {f"high_risk_category.{t.code}": t.text for t in vocabulary.HIGH_RISK_CATEGORIES}
    labels |= {f"repeat_risk.{t.code}": t.text for t in vocabulary.REPEAT_RISK}
    risk = next((labels[key] for key in risks if key.startswith("repeat_risk.")), "-")
    found = [labels[key] for key in risks if key.startswith("high_risk_category.")]
    for worker in await young_people.social_workers(row["young_person"]):
        await _send(
            worker.id,
            words.NOTICE_REPORT,
            row,
            f"#/interviews/{row['id']}",
            f"interview:{row['id']}:report",
            young_person=name,
            risk=risk,
            risks=found or ["-"],
        )
