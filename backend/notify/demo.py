"""Demo notices: every demo account holder finds a first notice at #/notices."""

from __future__ import annotations

import uuid

from backend.accounts import api as accounts
from backend.notify import services
from backend.notify import words as w


async def load(council_id: uuid.UUID) -> None:
    for user_id in await accounts.ids_in_council(council_id):
        await services.send(to_user=user_id, code=w.WELCOME, link="#/", once_key="demo:welcome")
