"""Notices: sent inside the caller's transaction, read by the person they are for.

`send` stores a notice as a code and sealed parameters, once per `once_key` and
recipient (INSERT ... ON CONFLICT DO NOTHING on a unique digest, so two transactions
racing to send the same notice never fail the change that sent it), and a push row for
each browser the recipient has subscribed; the pushes go after commit
(backend/notify/delivery.py). With no browser subscribed, the notice is still listed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from backend.accounts.actor import Actor
from backend.accounts.api import Role
from backend.clock import now as clock_now
from backend.db import write_transaction
from backend.errors import NotFound
from backend.notify import guards
from backend.notify import words as w
from backend.notify.schemas import NoticeAction, NoticeList, NoticeOut
from backend.notify.tables import Notice, NoticePush
from backend.push import api as push
from backend.sealed import seal_json, unseal_json
from backend.security import digest
from backend.words import Reader, declared, render
from backend.young_people import api as young_people

SHOWN = 50  # the newest notices a list shows


def once_digest(to_user: uuid.UUID, once_key: str) -> str:
    return digest(f"{to_user}:{once_key}")


async def send(
    *,
    to_user: uuid.UUID,
    code: str,
    params: dict[str, Any] | None = None,
    young_person_id: uuid.UUID | None = None,
    link: str | None = None,
    once_key: str | None = None,
) -> None:
    """Tell `to_user` something (see backend/notify/api.py)."""
    if declared(code) is None:
        raise ValueError(f"notice code {code!r} has no wording: declare it with backend.words.wording")
    if not guards.good_link(link):
        raise ValueError(f"a notice's link is a hash route like '#/episodes/<id>', not {link!r}")
    at = clock_now()
    notice = Notice(
        id=uuid.uuid4(),
        recipient=to_user,
        code=code,
        params=seal_json(params) if params else None,
        young_person=young_person_id,
        link=link,
        once_key=once_digest(to_user, once_key) if once_key else None,
        created_at=at,
    )
    async with write_transaction():
        stored = (
            await Notice.insert(notice)
            .on_conflict(target=Notice.once_key, action="DO NOTHING")
            .returning(Notice.id)
        )
        if not stored:
            return  # sent before with this once_key
        subscriptions = await push.subscriptions_of(user_id=to_user)
        if subscriptions:
            await NoticePush.insert(
                *[
                    NoticePush(notice=notice.id, subscription=subscription, next_attempt_at=at)
                    for subscription in subscriptions
                ]
            )


def _reader(actor: Actor, young_person_id: uuid.UUID | None) -> Reader:
    """ "your plan" to the young person the notice is about; "Jade's plan" to anyone else."""
    if actor.role == Role.YOUNG_PERSON and young_person_id in (None, actor.young_person_id):
        return Reader.YOUNG_PERSON
    return Reader.ADULT


async def list_mine(actor: Actor) -> NoticeList:
    """The caller's newest notices, in their language, and how many are unread."""
    mine = Notice.recipient == actor.user_id
    rows = (
        await Notice.select().where(mine).order_by(Notice.created_at, Notice.id, ascending=False).limit(SHOWN)
    )
    unread = await Notice.count().where(mine & Notice.read_at.is_null())
    # The name as it is now (a young person may change what they like to be called).
    names = await young_people.records([row["young_person"] for row in rows if row["young_person"]])
    notices = []
    for row in rows:
        params = unseal_json(row["params"]) if row["params"] else {}
        found = names.get(row["young_person"])
        if found is not None:
            params.setdefault("young_person", found.preferred_name)
        read = row["read_at"] is not None
        notices.append(
            NoticeOut(
                id=row["id"],
                code=row["code"],
                text=render(row["code"], params, _reader(actor, row["young_person"])),
                link=row["link"],
                young_person_id=row["young_person"],
                created_at=row["created_at"],
                read_at=row["read_at"],
                can=[NoticeAction.MARK_READ]
                if guards.may_mark_read(row["recipient"], actor.user_id, read)
                else [],
            )
        )
    return NoticeList(notices=notices, unread=unread)


async def mark_read(actor: Actor, notice_id: uuid.UUID, now: dt.datetime) -> None:
    """Read: only the person it is for; anyone else is told it does not exist."""
    async with write_transaction():
        row = await Notice.select(Notice.recipient).where(Notice.id == notice_id).first()
        if row is None or not guards.is_recipient(row["recipient"], actor.user_id):
            raise NotFound(w.NO_SUCH_NOTICE)
        await Notice.update(read_at=now).where((Notice.id == notice_id) & Notice.read_at.is_null())
