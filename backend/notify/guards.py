"""Who may do what with a notice: only the person it is for sees it or marks it read.
Pure functions, so the server and the screen (through `can`) follow the same rule."""

from __future__ import annotations

import re
import uuid

# A PWA hash route: "#/episodes/<id>". No query, no other site, nothing to escape.
LINK = re.compile(r"#/[A-Za-z0-9/_-]{0,190}")


def is_recipient(recipient_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    return recipient_id == user_id


def may_mark_read(recipient_id: uuid.UUID, user_id: uuid.UUID, read: bool) -> bool:
    return is_recipient(recipient_id, user_id) and not read


def good_link(link: str | None) -> bool:
    return link is None or LINK.fullmatch(link) is not None
